import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from './languages.ts';

const files = import.meta.glob<unknown>('./locales/*/*.json', { import: 'default', eager: true });
const [reference, ...translations] = UI_LANGUAGES;

type Catalog = Record<string, string>;

/** `{a: {b: 'x'}}` → `{'a.b': 'x'}`: keys as the code names them. */
function flatten(value: unknown, prefix = ''): Catalog {
  if (typeof value === 'string') return { [prefix]: value };
  if (typeof value !== 'object' || value === null) throw new Error(`${prefix}: not text`);
  return Object.assign(
    {},
    ...Object.entries(value).map(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key)),
  );
}

const catalog = (language: string, namespace: string): Catalog =>
  flatten(files[`./locales/${language}/${namespace}.json`]);

const namespacesOf = (language: string): string[] =>
  Object.keys(files)
    .flatMap((path) => path.match(new RegExp(`^\\./locales/${language}/(.+)\\.json$`))?.[1] ?? [])
    .sort();

/** `{{count}}` and `<1>` are filled in by code: a translation must keep every one of them. */
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|<\/?(\d+)>/g)].map((m) => m[0]).sort();

describe('translation catalogs', () => {
  const namespaces = namespacesOf(reference);

  it.each(translations)('%s has the same namespaces as the reference language', (language) => {
    expect(namespacesOf(language)).toEqual(namespaces);
  });

  describe.each(translations)('%s', (language) => {
    it.each(namespaces)('%s: every key translated, none extra, none empty, placeholders kept', (namespace) => {
      const source = catalog(reference, namespace);
      const translated = catalog(language, namespace);
      expect(Object.keys(translated).sort()).toEqual(Object.keys(source).sort());
      for (const [key, text] of Object.entries(translated)) {
        expect(text.trim(), `${namespace}:${key}`).not.toBe('');
        expect(placeholders(text), `${namespace}:${key}`).toEqual(placeholders(source[key] ?? ''));
      }
    });
  });
});
