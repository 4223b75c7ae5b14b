import { Command } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../lib/storage.ts';
import { TrackRegistry } from '../media/tracks.ts';
import { createAppStore } from '../stores/state.ts';
import { englishNotices } from '../testing/english.ts';
import { FakeSocket } from '../testing/fakeSocket.ts';
import { createFakeDevice, FakeServer, settle } from '../testing/fakes.ts';
import { grantEverything, profile } from '../testing/session.ts';
import { inviteToken, participant, participantToken, WORKSHOP_ID } from '../testing/workshop.ts';
import { Credentials } from './credentials.ts';
import { Entry } from './entry.ts';
import type { Route } from './route.ts';
import { WorkshopSession } from './workshopSession.ts';

function setup(configure?: (server: FakeServer) => void) {
  const server = new FakeServer(participant('me', { name: 'Ada' }));
  configure?.(server);
  const store = createAppStore();
  const credentials = new Credentials(memoryStorage());
  const routes: Route[] = [];
  const entry = new Entry({
    store,
    credentials,
    openSession: () =>
      new WorkshopSession({
        store,
        tracks: new TrackRegistry(),
        socket: new FakeSocket(server).socket,
        credentials,
        createDevice: createFakeDevice,
        acquire: grantEverything,
      }),
    replaceRoute: (route) => routes.push(route),
  });
  return { server, store, credentials, routes, entry };
}

const invite = inviteToken('delegate');
const refuse = (code: 'forbidden' | 'not_found') => (server: FakeServer) =>
  server.on(Command.sessionJoin, (request) =>
    request.credential.kind === 'participant'
      ? { ok: false, error: { code, message: 'this workshop no longer knows you' } }
      : { ok: true, data: joinAnswer(server) },
  );

/** A join answer putting the newcomer in the lobby. */
function joinAnswer(server: FakeServer) {
  return {
    participantToken: participantToken(server.self.id),
    self: server.self,
    workshop: { ...server.workshop, participants: { [server.self.id]: server.self } },
    whereabouts: server.whereabouts,
    serverNow: Date.now(),
    room: null,
    ice: { servers: [], expiresAt: null },
  };
}

describe('Entry: first visit', () => {
  it('joins with the invite and the profile, remembers the profile, and moves the address to /w/<id>', async () => {
    const { entry, server, credentials, routes, store } = setup();
    expect(await entry.joinWithInvite(invite, profile)).toEqual({ ok: true });
    expect(server.sentOf(Command.sessionJoin)[0]?.credential).toEqual({ kind: 'invite', token: invite, profile });
    expect(credentials.profile()).toEqual({ name: 'Ada', organisation: 'Ministry of Health', country: 'Fiji' });
    expect(credentials.participantToken(WORKSHOP_ID)).toBe(participantToken('me'));
    expect(routes).toEqual([{ kind: 'workshop', workshopId: WORKSHOP_ID }]);
    expect(store.getState().phase).toBe('in');
  });

  it('does nothing on its own for an invite this device has not used', async () => {
    const { entry, server } = setup();
    await entry.enterRoute({ kind: 'invite', token: invite });
    await entry.enterRoute({ kind: 'workshop', workshopId: WORKSHOP_ID });
    expect(server.sent).toHaveLength(0);
  });
});

describe('Entry: coming back', () => {
  it('resumes with the stored token on a second visit to the invite link, without the form', async () => {
    const { entry, server, credentials, routes } = setup();
    credentials.saveParticipantToken(WORKSHOP_ID, 'stored-participant-token');
    await entry.enterRoute({ kind: 'invite', token: invite });
    expect(server.sentOf(Command.sessionJoin).map((join) => join.credential)).toEqual([
      { kind: 'participant', token: 'stored-participant-token' },
    ]);
    expect(routes).toEqual([{ kind: 'workshop', workshopId: WORKSHOP_ID }]);
  });

  it('resumes on a reload of /w/<id>', async () => {
    const { entry, server, credentials, store } = setup();
    credentials.saveParticipantToken(WORKSHOP_ID, 'stored-participant-token');
    await entry.enterRoute({ kind: 'workshop', workshopId: WORKSHOP_ID });
    expect(server.sentOf(Command.sessionJoin)).toHaveLength(1);
    expect(store.getState().phase).toBe('in');
  });

  it.each(['forbidden', 'not_found'] as const)(
    'drops a token refused as %s and lets the person join again with the form',
    async (code) => {
      const { entry, server, credentials, store } = setup(refuse(code));
      credentials.saveParticipantToken(WORKSHOP_ID, 'expired-participant-token');
      await entry.enterRoute({ kind: 'invite', token: invite });
      expect(credentials.participantToken(WORKSHOP_ID)).toBeNull();
      expect(store.getState().phase).toBe('out');
      expect(englishNotices(store.getState().notices)).toEqual([
        {
          topic: 'join',
          tone: 'status',
          text: 'Your earlier visit could not be resumed. Join again with your invitation. Server: this workshop no longer knows you',
        },
      ]);
      expect(await entry.joinWithInvite(invite, profile)).toEqual({ ok: true });
      expect(server.sentOf(Command.sessionJoin).map((join) => join.credential.kind)).toEqual(['participant', 'invite']);
      expect(credentials.participantToken(WORKSHOP_ID)).toBe(participantToken('me'));
    },
  );

  it('keeps the token when the server was only unreachable', async () => {
    const { entry, credentials, store } = setup((server) =>
      server.on(Command.sessionJoin, () => ({ ok: false, error: { code: 'internal', message: 'database busy' } })),
    );
    credentials.saveParticipantToken(WORKSHOP_ID, 'stored-participant-token');
    const outcome = await entry.resume(WORKSHOP_ID);
    expect(outcome).toMatchObject({ ok: false, code: 'internal' });
    expect(credentials.participantToken(WORKSHOP_ID)).toBe('stored-participant-token');
    expect(englishNotices(store.getState().notices)).toEqual([
      {
        topic: 'join',
        tone: 'alert',
        text: 'You could not join the workshop. Something went wrong on the server. Try again. Server: database busy',
      },
    ]);
  });

  it('does not start a second session while one is running', async () => {
    const { entry, server, credentials } = setup();
    await entry.joinWithInvite(invite, profile);
    await settle();
    credentials.saveParticipantToken(WORKSHOP_ID, 'stored-participant-token');
    await entry.enterRoute({ kind: 'workshop', workshopId: WORKSHOP_ID });
    expect(await entry.resume(WORKSHOP_ID)).toMatchObject({ ok: false, code: 'already_joined' });
    expect(server.sentOf(Command.sessionJoin)).toHaveLength(1);
  });
});
