import { useShallow } from 'zustand/react/shallow';
import { JoinScreen } from './features/lobby/JoinScreen.tsx';
import { LobbyScreen } from './features/lobby/LobbyScreen.tsx';
import { ResumeScreen } from './features/lobby/ResumeScreen.tsx';
import { StageScreen } from './features/stage/StageScreen.tsx';
import { NotFoundScreen } from './features/start/NotFoundScreen.tsx';
import { StartScreen } from './features/start/StartScreen.tsx';
import { useAppStore } from './stores/appStore.ts';
import { selectPlace } from './stores/selectors.ts';

/** In a workshop: the lobby or a room. Outside: the page the address names. */
export function App() {
  const inWorkshop = useAppStore((state) => state.phase === 'in');
  const inLobby = useAppStore((state) => selectPlace(state).kind === 'lobby');
  const route = useAppStore(useShallow((state) => state.route));
  if (inWorkshop) return inLobby ? <LobbyScreen /> : <StageScreen />;
  switch (route.kind) {
    case 'start':
      return <StartScreen />;
    case 'invite':
      return <JoinScreen token={route.token} />;
    case 'workshop':
      return <ResumeScreen workshopId={route.workshopId} />;
    case 'unknown':
      return <NotFoundScreen />;
  }
}
