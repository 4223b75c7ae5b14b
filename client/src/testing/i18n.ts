import { i18n, startI18n } from '../i18n/i18n.ts';

/** Component tests render in English, with the namespaces they use loaded up front (no suspending). */
export async function startTestI18n(namespaces: readonly string[]): Promise<void> {
  if (!i18n.isInitialized) await startI18n('en');
  await i18n.loadNamespaces([...namespaces]);
}
