import { JoinScreen } from './features/lobby/JoinScreen.tsx';
import { StageScreen } from './features/stage/StageScreen.tsx';
import { useAppStore } from './stores/appStore.ts';

export function App() {
  const inRoom = useAppStore((state) => state.phase === 'joined');
  return inRoom ? <StageScreen /> : <JoinScreen />;
}
