// People who move together (breakouts opening, recalled) go through RoomDoors together: each is told
// their room once with everyone in it, and those who stay behind hear once who came or went.
import { Fact, type ParticipantId, type PeerInfo, type RoomChanged } from '@plenary/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  command,
  createWorkshop,
  eventually,
  joinWithInvite,
  profile,
  startTestServer,
  type TestClient,
  type TestServer,
} from './harness.ts';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

interface Heard {
  rooms: RoomChanged[];
  joined: PeerInfo[][];
  left: ParticipantId[][];
}

function listen(client: TestClient): Heard {
  const heard: Heard = { rooms: [], joined: [], left: [] };
  client.on(Fact.roomChanged, (change) => heard.rooms.push(change));
  client.on(Fact.peerJoined, ({ peers }) => heard.joined.push(peers));
  client.on(Fact.peerLeft, ({ participantIds }) => heard.left.push(participantIds));
  return heard;
}

describe('moving together', () => {
  it('tells each mover their room once with everyone in it, and those staying once who came or went', async () => {
    const { invites, workshopId } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
    const chairClient = await server.connect();
    await joinWithInvite(chairClient, invites.facilitator, profile('Chair'));
    const chair = listen(chairClient);
    const delegates: Array<{ id: ParticipantId; heard: Heard }> = [];
    for (const name of ['Ana', 'Ben', 'Cy', 'Dee', 'Eve', 'Fay']) {
      const client = await server.connect();
      const heard = listen(client);
      const joined = await joinWithInvite(client, invites.delegate, profile(name));
      delegates.push({ id: joined.self.id, heard });
    }
    await command(chairClient, { type: 'breakouts.createSet', name: 'Groups', roomNames: ['One', 'Two'] });
    const workshop = await server.app.workshops.get(workshopId);
    const setId = workshop?.state.breakouts.sets[0]?.id ?? '';
    await command(chairClient, { type: 'breakouts.autoAssign', setId, strategy: 'random', seed: 7 });
    const assignments = workshop?.state.breakouts.sets[0]?.assignments ?? {};
    await eventually(() => expect(chair.joined.flat()).toHaveLength(6));
    for (const heard of [chair, ...delegates.map((delegate) => delegate.heard)]) {
      heard.joined.length = 0;
      heard.left.length = 0;
    }

    await command(chairClient, { type: 'breakouts.open', setId, durationMs: 600_000 });
    await eventually(() => {
      for (const { heard } of delegates) expect(heard.rooms).toHaveLength(1);
    });
    for (const { id, heard } of delegates) {
      const room = heard.rooms[0]?.room;
      expect(room?.roomId).toBe(assignments[id]);
      const mates = delegates.filter((other) => assignments[other.id] === assignments[id]).map((other) => other.id);
      expect(room?.peers.map((peer) => peer.participantId).sort()).toEqual(mates.sort());
      expect(heard.joined).toEqual([]);
    }
    await eventually(() => expect(chair.left).toHaveLength(1));
    expect(chair.left[0]?.sort()).toEqual(delegates.map((delegate) => delegate.id).sort());

    await command(chairClient, { type: 'breakouts.close' });
    await eventually(() => {
      for (const { heard } of delegates) expect(heard.rooms).toHaveLength(2);
    });
    for (const { heard } of delegates) {
      expect(heard.rooms[1]?.room?.roomId).toBe('plenary');
      expect(heard.rooms[1]?.room?.peers).toHaveLength(7);
    }
    await eventually(() => expect(chair.joined).toHaveLength(1));
    expect(chair.joined[0]?.map((peer) => peer.participantId).sort()).toEqual(
      delegates.map((delegate) => delegate.id).sort(),
    );
  });
});
