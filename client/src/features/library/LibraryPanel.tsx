import type { LibraryItem, WorkshopId } from '@plenary/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureText } from '../../components/FailureText.tsx';
import type { Failure } from '../../i18n/message.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { act, credentials } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair } from '../../stores/selectors.ts';
import { PresentForm, UploadForm } from '../console/chairOnly.tsx';
import { PresentationQueue } from '../presentation/PresentationQueue.tsx';
import { saveBlob } from '../report/download.ts';
import { formatSize, groupLibrary } from './libraryGroups.ts';
import { fetchDocument } from './libraryHttp.ts';
import { useScopeWords } from './useScopeWords.ts';

/** A download that failed: which document, and why. */
interface Problem {
  name: string;
  error: Failure;
}

/** Everyone: the workshop's documents by scope, to download; chairs (and the presenter) add, chairs remove and present. */
export function LibraryPanel() {
  const { t } = useTranslation('library');
  const locale = useLocale();
  const scopeWords = useScopeWords();
  const workshop = useAppStore((state) => state.workshop);
  const workshopId = useAppStore((state) => state.workshopId);
  const chair = useAppStore(selectIsChair);
  const presenting = useAppStore(
    (state) => state.selfId !== null && state.workshop?.presentation?.presenterId === state.selfId,
  );
  const [problem, setProblem] = useState<Problem | null>(null);
  if (!workshop || !workshopId) return null;
  const groups = groupLibrary(workshop.library, workshop);
  const nameOf = (id: string) => workshop.participants[id as keyof typeof workshop.participants]?.name ?? t('someone');
  return (
    <section className="panel-section library-panel" aria-labelledby="library-title">
      <h2 id="library-title">{t('title')}</h2>
      {(chair || presenting) && <UploadForm />}
      {chair && <PresentForm />}
      <PresentationQueue />
      {groups.length === 0 && <p className="muted">{t('none')}</p>}
      {groups.map((group) => (
        <section key={group.key} className="library-group" aria-label={scopeWords(group.name)}>
          <h3>{scopeWords(group.name)}</h3>
          <ul className="plain-list library-items">
            {group.items.map((item) => (
              <li key={item.id} className="library-item" aria-label={item.name}>
                <div className="library-item-text">
                  <strong className="library-name">{item.name}</strong>
                  <span className="muted small-print">
                    {t(`type.${item.type}`)} · {formatSize(item.size, locale)} · {nameOf(item.uploadedBy)}
                  </span>
                </div>
                <div className="button-row">
                  <button
                    type="button"
                    className="small"
                    onClick={() => void download(workshopId, item, setProblem)}
                    aria-label={t('downloadItem', { name: item.name })}
                  >
                    {t('download')}
                  </button>
                  {chair && (
                    <button
                      type="button"
                      className="small danger"
                      aria-label={t('removeItem', { name: item.name })}
                      onClick={() => void act({ type: 'library.remove', libraryItemId: item.id })}
                    >
                      {t('remove')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {problem && (
        <p role="alert" className="library-problem">
          {t('notOpened', { name: problem.name })} <FailureText failure={problem.error} />
        </p>
      )}
    </section>
  );
}

async function download(workshopId: WorkshopId, item: LibraryItem, report: (problem: Problem | null) => void) {
  const token = credentials.participantToken(workshopId);
  if (!token) {
    report({ name: item.name, error: { code: 'no_token', message: '' } });
    return;
  }
  const file = await fetchDocument({ workshopId, item, token });
  if (!file.ok) {
    report({ name: item.name, error: file.error });
    return;
  }
  report(null);
  saveBlob(file.blob, file.fileName);
}
