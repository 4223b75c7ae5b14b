// What the UI can do, as plain functions: components import these instead of reaching for the
// socket or mediasoup. They act on the one current session, if any.
import { trackRegistry } from '../media/tracks.ts';
import { createSocket } from '../net/socket.ts';
import { appStore } from '../stores/appStore.ts';
import { type NoticeTopic, withoutNotice } from '../stores/slices/notices.ts';
import { RoomSession } from './roomSession.ts';

let current: RoomSession | null = null;

export async function joinRoom(displayName: string): Promise<void> {
  if (current && !current.ended) return;
  const session = new RoomSession({
    store: appStore,
    tracks: trackRegistry,
    socket: createSocket(),
    onEnded: () => {
      if (current === session) current = null;
    },
  });
  current = session;
  await session.join(displayName);
}

export async function leaveRoom(): Promise<void> {
  await current?.leave();
}

export async function toggleMic(): Promise<void> {
  await current?.toggleMic();
}

export async function toggleCamera(): Promise<void> {
  await current?.toggleCamera();
}

export function dismissNotice(topic: NoticeTopic): void {
  appStore.setState((state) => ({ notices: withoutNotice(state.notices, topic) }));
}
