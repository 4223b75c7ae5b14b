// A WorkshopSession wired to a FakeServer through a FakeSocket, with FakeHandler media. Tests only.
import { expect } from 'vitest';
import { memoryStorage } from '../lib/storage.ts';
import type { AcquiredMedia, LocalSource } from '../media/localMedia.ts';
import { TrackRegistry } from '../media/tracks.ts';
import { Credentials } from '../session/credentials.ts';
import { type Credential, WorkshopSession } from '../session/workshopSession.ts';
import { createAppStore } from '../stores/state.ts';
import { FakeSocket } from './fakeSocket.ts';
import { createFakeDevice, FakeServer, FakeTrack, peer, producerInfo, settle } from './fakes.ts';
import { inviteToken, participant, WORKSHOP_ID } from './workshop.ts';

export interface Options {
  configure?: (server: FakeServer) => void;
  acquire?: (want: LocalSource[]) => Promise<AcquiredMedia>;
}

export const grantEverything = async (want: LocalSource[]): Promise<AcquiredMedia> => ({
  tracks: Object.fromEntries(want.map((source) => [source, new FakeTrack(source === 'mic' ? 'audio' : 'video').track])),
  problem: null,
});

export const profile = {
  name: 'Ada',
  organisation: 'Ministry of Health',
  country: 'Fiji',
  language: 'en',
  timeZone: 'Pacific/Fiji',
};
export const invite: Credential = { kind: 'invite', token: inviteToken('delegate'), profile };

export function setup({ configure, acquire = grantEverything }: Options = {}) {
  const server = new FakeServer(participant('me', { name: 'Ada' }));
  server.peers = [peer('bob', 'Bob', 10)];
  server.addRemoteProducer(producerInfo('bob-mic', 'bob', 'mic'));
  server.addRemoteProducer(producerInfo('bob-cam', 'bob', 'camera'));
  configure?.(server);
  const socket = new FakeSocket(server);
  const store = createAppStore();
  const tracks = new TrackRegistry();
  const credentials = new Credentials(memoryStorage());
  let endedCount = 0;
  const session = new WorkshopSession({
    store,
    tracks,
    socket: socket.socket,
    credentials,
    createDevice: createFakeDevice,
    acquire,
    onEnded: () => {
      endedCount += 1;
    },
  });
  return { server, socket, store, tracks, session, credentials, ended: () => endedCount };
}

export async function joinedRoom(options?: Options) {
  const room = setup(options);
  expect(await room.session.join(invite, WORKSHOP_ID)).toEqual({ ok: true });
  await settle();
  return room;
}
