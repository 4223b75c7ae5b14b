import { isChair, type RoomId } from '@plenary/shared';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../stores/appStore.ts';
import { selectPlace, selectSelf } from '../../stores/selectors.ts';
import { LoadBoundary } from './LoadBoundary.tsx';
import { userColour } from './userColour.ts';

const loadEditor = () => import('./NotesEditor.tsx');

/**
 * A room's shared notes. The editor (ProseMirror, Yjs) is its own chunk, fetched the first time
 * notes are shown, so joining a workshop doesn't wait for it.
 */
export function NotesPanel({ roomId, label }: { roomId: RoomId; label: string }) {
  const { t } = useTranslation('notes');
  const workshopId = useAppStore((state) => state.workshopId);
  const self = useAppStore(selectSelf);
  const [attempt, setAttempt] = useState(0);
  // A new lazy component per attempt: React remembers a failed import otherwise.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reason to load again
  const Editor = useMemo(() => lazy(loadEditor), [attempt]);
  if (!workshopId || !self) return null;
  return (
    <LoadBoundary message={t('loadFailed')} retryLabel={t('tryAgain')} onRetry={() => setAttempt((n) => n + 1)}>
      <Suspense fallback={<p className="muted">{t('loadingEditor')}</p>}>
        <Editor
          key={roomId}
          workshopId={workshopId}
          roomId={roomId}
          name={self.name}
          color={userColour(self.id)}
          canWrite={self.role !== 'observer'}
          label={label}
        />
      </Suspense>
    </LoadBoundary>
  );
}

/** The Notes tab: the notes of the room this person is in (or visiting). */
export function RoomNotesTab() {
  const { t } = useTranslation(['notes', 'common']);
  const place = useAppStore(useShallow(selectPlace));
  const chair = useAppStore((state) => {
    const self = selectSelf(state);
    return self !== undefined && isChair(self.role);
  });
  if (place.kind === 'lobby') return null;
  const title =
    place.kind === 'plenary'
      ? t('title.plenary')
      : t('title.room', { room: place.roomName ?? t('common:aBreakoutRoom') });
  const intro = place.kind === 'breakout' ? 'intro.group' : chair ? 'intro.plenaryChair' : 'intro.plenary';
  return (
    <section className="notes-panel" aria-labelledby="notes-title">
      <h2 id="notes-title">{title}</h2>
      <p className="muted small-print">{t(intro)}</p>
      <NotesPanel roomId={place.roomId} label={title} />
    </section>
  );
}
