import type { WorkshopId } from '@plenary/shared';
import { EntryCard } from '../../components/EntryCard.tsx';
import { Notices } from '../../components/Notices.tsx';
import { hasStoredToken, resume } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';

/** `/w/<id>`: this device comes back with the token it kept; without one, an invitation is needed. */
export function ResumeScreen({ workshopId }: { workshopId: WorkshopId }) {
  const joining = useAppStore((state) => state.phase === 'joining');
  if (joining) {
    return (
      <EntryCard title="Joining the workshop">
        <p role="status">Joining…</p>
        <Notices topics={['join']} />
      </EntryCard>
    );
  }
  if (!hasStoredToken(workshopId)) {
    return (
      <EntryCard title="An invitation is needed">
        <Notices topics={['join']} />
        <p className="lead">
          To join this workshop, open the invitation link the facilitator sent you. This device has not joined it before
          (or its earlier visit has expired).
        </p>
        <p>
          <a href="/">Start a new workshop instead</a>
        </p>
      </EntryCard>
    );
  }
  return (
    <EntryCard title="You are not in the workshop">
      <Notices topics={['join']} />
      <button type="button" className="primary" onClick={() => void resume(workshopId)}>
        Join again
      </button>
    </EntryCard>
  );
}
