import { Notices } from '../../components/Notices.tsx';
import { roleWithArticle } from '../../lib/roles.ts';
import { leaveWorkshop } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectSelf } from '../../stores/selectors.ts';

/** Registered but not yet admitted: no media until a facilitator lets this person in. */
export function LobbyScreen() {
  const title = useAppStore((state) => state.workshop?.title ?? '');
  const self = useAppStore(selectSelf);
  return (
    <main className="entry" aria-label="Lobby">
      <div className="entry-card">
        <p className="brand" aria-hidden="true">
          Plenary
        </p>
        <h1>{title}</h1>
        <p className="lobby-wait" role="status">
          <span className="pulse" aria-hidden="true" />
          Waiting for the facilitator to let you in
        </p>
        {self && (
          <p className="lead">
            You will join as {self.name} ({self.organisation}), {roleWithArticle(self.role)}. Your camera and microphone
            start when you are let in.
          </p>
        )}
        <Notices topics={['connection', 'join']} />
        <button type="button" className="quiet" onClick={() => void leaveWorkshop()}>
          Leave
        </button>
      </div>
    </main>
  );
}
