import type { LibraryItem, WorkshopId } from '@plenary/shared';
import { useState } from 'react';
import { act, credentials } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair } from '../../stores/selectors.ts';
import { PresentForm, UploadForm } from '../console/chairOnly.tsx';
import { PresentationQueue } from '../presentation/PresentationQueue.tsx';
import { saveBlob } from '../report/download.ts';
import { formatSize, groupLibrary } from './libraryGroups.ts';
import { fetchDocument } from './libraryHttp.ts';

const TYPE_LABEL: Record<LibraryItem['type'], string> = {
  pdf: 'PDF',
  docx: 'Word',
  pptx: 'PowerPoint',
  xlsx: 'Excel',
  png: 'PNG image',
  jpeg: 'JPEG image',
  gif: 'GIF image',
  webp: 'WebP image',
};

/** Everyone: the workshop's documents by scope, to download; chairs (and the presenter) add, chairs remove and present. */
export function LibraryPanel() {
  const workshop = useAppStore((state) => state.workshop);
  const workshopId = useAppStore((state) => state.workshopId);
  const chair = useAppStore(selectIsChair);
  const presenting = useAppStore(
    (state) => state.selfId !== null && state.workshop?.presentation?.presenterId === state.selfId,
  );
  const [problem, setProblem] = useState<string | null>(null);
  if (!workshop || !workshopId) return null;
  const groups = groupLibrary(workshop.library, workshop);
  const nameOf = (id: string) => workshop.participants[id as keyof typeof workshop.participants]?.name ?? 'someone';
  return (
    <section className="panel-section library-panel" aria-labelledby="library-title">
      <h2 id="library-title">Library</h2>
      {(chair || presenting) && <UploadForm />}
      {chair && <PresentForm />}
      <PresentationQueue />
      {groups.length === 0 && <p className="muted">No documents yet.</p>}
      {groups.map((group) => (
        <section key={group.key} className="library-group" aria-label={group.label}>
          <h3>{group.label}</h3>
          <ul className="plain-list library-items">
            {group.items.map((item) => (
              <li key={item.id} className="library-item" aria-label={item.name}>
                <div className="library-item-text">
                  <strong className="library-name">{item.name}</strong>
                  <span className="muted small-print">
                    {TYPE_LABEL[item.type]} · {formatSize(item.size)} · {nameOf(item.uploadedBy)}
                  </span>
                </div>
                <div className="button-row">
                  <button
                    type="button"
                    className="small"
                    onClick={() => void download(workshopId, item, setProblem)}
                    aria-label={`Download ${item.name}`}
                  >
                    Download
                  </button>
                  {chair && (
                    <button
                      type="button"
                      className="small danger"
                      aria-label={`Remove ${item.name}`}
                      onClick={() => void act({ type: 'library.remove', libraryItemId: item.id })}
                    >
                      Remove
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
          {problem}
        </p>
      )}
    </section>
  );
}

async function download(workshopId: WorkshopId, item: LibraryItem, report: (problem: string | null) => void) {
  const token = credentials.participantToken(workshopId);
  if (!token) {
    report('This page has no participant token; reload it and try again.');
    return;
  }
  const file = await fetchDocument({ workshopId, item, token });
  if (!file.ok) {
    report(file.message);
    return;
  }
  report(null);
  saveBlob(file.blob, file.fileName);
}
