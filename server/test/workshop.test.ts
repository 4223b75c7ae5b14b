import {
  Command,
  Fact,
  type JoinResult,
  type RoomChanged,
  type RoomId,
  type WorkshopChange,
  type WorkshopId,
} from '@plenary/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  command,
  createWorkshop,
  eventually,
  joinWithInvite,
  profile,
  rejoin,
  request,
  startTestServer,
  type TestClient,
  type TestServer,
} from './harness.ts';

interface Person {
  client: TestClient;
  joined: JoinResult;
  changes: WorkshopChange[];
  rooms: RoomChanged[];
}

let server: TestServer;
let invites: Awaited<ReturnType<typeof createWorkshop>>['invites'];
let workshopId: WorkshopId;

beforeEach(async () => {
  server = await startTestServer();
  ({ invites, workshopId } = await createWorkshop(server.url));
});
afterEach(async () => {
  await server.close();
});

const state = async () => {
  const workshop = await server.app.workshops.get(workshopId);
  if (!workshop) throw new Error('workshop missing');
  return workshop.state;
};

async function arrive(token: string, name: string, organisation: string, country = organisation): Promise<Person> {
  const client = await server.connect();
  const changes: WorkshopChange[] = [];
  const rooms: RoomChanged[] = [];
  client.on(Fact.workshopChanged, (change) => changes.push(change));
  client.on(Fact.roomChanged, (room) => rooms.push(room));
  const joined = await joinWithInvite(client, token, profile(name, organisation, country));
  return { client, joined, changes, rooms };
}

const currentRoom = (person: Person): RoomId | null =>
  person.rooms.at(-1)?.room?.roomId ?? person.joined.room?.roomId ?? null;

/** Revisions a client saw after joining are consecutive: nothing was lost or reordered. */
function expectNoGaps(person: Person): void {
  const revisions = person.changes.map((change) => change.revision);
  const first = person.joined.workshop.revision + 1;
  expect(revisions).toEqual(revisions.map((_, index) => first + index));
}

describe('a workshop of 70 delegates from 20 administrations', () => {
  // Generous waits: 70 real connections on two cores take ~2 s here, but far longer on a busy machine.
  it('admits from the lobby, keeps a fair queue, runs balanced breakouts with a broadcast, and recalls', {
    timeout: 120_000,
  }, async () => {
    const chair = await arrive(invites.facilitator, 'Resource person', 'Secretariat');
    expect(chair.joined.whereabouts.location.kind).toBe('plenary');
    const delegates: Person[] = [];
    for (let index = 0; index < 70; index++) {
      delegates.push(await arrive(invites.delegate, `Delegate ${index}`, `Administration ${index % 20}`));
    }
    for (const delegate of delegates) {
      expect(delegate.joined.whereabouts.location.kind).toBe('lobby');
      expect(delegate.joined.room).toBeNull();
    }

    // The facilitator lets everyone in: each delegate's media moves into the plenary.
    await command(chair.client, { type: 'lobby.admitAll' });
    await eventually(() => {
      for (const delegate of delegates) expect(currentRoom(delegate)).toBe('plenary');
    }, 45_000);

    // A point of order goes ahead of a new point raised earlier; everyone sees the same order.
    const [first, second] = delegates as [Person, Person];
    await command(first.client, { type: 'queue.raiseHand', kind: 'new-point' });
    await command(second.client, { type: 'queue.raiseHand', kind: 'point-of-order' });
    const expectedOrder = [second.joined.self.id, first.joined.self.id];
    await eventually(() => {
      for (const delegate of delegates) {
        const queue = delegate.changes.findLast((change) => change.slices.queue)?.slices.queue;
        expect(queue?.entries.map((entry) => entry.participantId)).toEqual(expectedOrder);
      }
    }, 45_000);

    // Only a chair runs breakouts; a refused command changes nothing.
    const before = (await state()).revision;
    const refused = await request(first.client, Command.workshopCommand, {
      type: 'breakouts.createSet',
      name: 'mine',
      roomNames: ['A'],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await state()).revision).toBe(before);

    await command(chair.client, {
      type: 'breakouts.createSet',
      name: 'Challenges, solutions, trends',
      roomNames: ['Group 1', 'Group 2', 'Group 3', 'Group 4', 'Group 5'],
    });
    const set = (await state()).breakouts.sets[0];
    if (!set) throw new Error('no set');
    await command(chair.client, { type: 'breakouts.autoAssign', setId: set.id, strategy: 'balanced', seed: 7 });
    const assignments = (await state()).breakouts.sets[0]?.assignments ?? {};
    const groups = new Map<string, string[]>();
    for (const delegate of delegates) {
      const room = assignments[delegate.joined.self.id];
      expect(room).toBeDefined();
      groups.set(room as string, [...(groups.get(room as string) ?? []), delegate.joined.self.organisation]);
    }
    expect([...groups.values()].map((members) => members.length)).toEqual([14, 14, 14, 14, 14]);
    for (const members of groups.values()) expect(new Set(members).size).toBe(members.length);

    await command(chair.client, { type: 'breakouts.open', setId: set.id, durationMs: 20 * 60_000 });
    await eventually(() => {
      for (const delegate of delegates) expect(currentRoom(delegate)).toBe(assignments[delegate.joined.self.id]);
    }, 45_000);
    expect(currentRoom(chair)).toBe('plenary');
    // Each room's media holds its own members only.
    const lastEntered = delegates.at(-1) as Person;
    const peers = lastEntered.rooms.at(-1)?.room?.peers.map((peer) => peer.participantId) ?? [];
    for (const peer of peers) expect(assignments[peer]).toBe(assignments[lastEntered.joined.self.id]);

    await command(chair.client, { type: 'breakouts.broadcast', text: 'Ten minutes left: agree on three proposals' });
    await eventually(() => {
      for (const delegate of delegates) {
        const texts = delegate.changes.flatMap((change) => change.chat.map((message) => message.text));
        expect(texts).toContain('Ten minutes left: agree on three proposals');
      }
    }, 45_000);

    await command(chair.client, { type: 'breakouts.recall', graceMs: 1_000 });
    await eventually(() => {
      for (const delegate of delegates) expect(currentRoom(delegate)).toBe('plenary');
    }, 45_000);
    expect((await state()).breakouts.open).toBeNull();
    for (const person of [chair, ...delegates]) expectNoGaps(person);
  });
});

describe('commands that create something', () => {
  it('answer with the id of what they created, never to be looked up by name', async () => {
    const chair = await arrive(invites.facilitator, 'Resource person', 'Secretariat');
    const send = async (payload: Parameters<typeof command>[1]) => {
      const answer = await request(chair.client, Command.workshopCommand, payload);
      if (!answer.ok) throw new Error(`${payload.type} refused: ${answer.error.message}`);
      return answer.data;
    };
    const day = await send({ type: 'agenda.addDay', date: '2025-03-10', title: 'Day 1' });
    expect('created' in day && day.created.id).toBe((await state()).days[0]?.id);

    const text = 'Adopt the draft conclusions';
    const first = await send({ type: 'proposal.put', text });
    const second = await send({ type: 'proposal.put', text });
    const proposals = (await state()).proposals;
    expect(proposals.map((proposal) => proposal.text)).toEqual([text, text]);
    expect([first, second]).toEqual([
      { revision: first.revision, created: { id: proposals[0]?.id } },
      { revision: first.revision + 1, created: { id: proposals[1]?.id } },
    ]);

    // A command that creates nothing answers with its revision only.
    expect(await send({ type: 'queue.clear' })).toEqual({ revision: first.revision + 2 });
  });
});

describe('coming back', () => {
  it('returns a participant to the same role, room and queue place with their token', async () => {
    const chair = await arrive(invites.facilitator, 'Chair', 'Secretariat');
    await command(chair.client, { type: 'workshop.updateSettings', lobbyEnabled: false });
    const ana = await arrive(invites.rapporteur, 'Ana', 'Fiji');
    const ben = await arrive(invites.delegate, 'Ben', 'Samoa');
    await command(ana.client, { type: 'queue.raiseHand', kind: 'new-point' });
    await command(ben.client, { type: 'queue.raiseHand', kind: 'new-point' });

    ana.client.disconnect();
    const again = await server.connect();
    const back = await rejoin(again, ana.joined.participantToken);
    expect(back.self).toMatchObject({ id: ana.joined.self.id, role: 'rapporteur', name: 'Ana' });
    expect(back.room?.roomId).toBe('plenary');
    expect(back.workshop.queue.entries.map((entry) => entry.participantId)).toEqual([
      ana.joined.self.id,
      ben.joined.self.id,
    ]);
    expect(Object.keys((await state()).participants)).toHaveLength(3);
  });

  it('moves a participant who opens a second tab, closing the first', async () => {
    const ana = await arrive(invites.facilitator, 'Ana', 'Fiji');
    const secondTab = await server.connect();
    const closed = new Promise((resolve) => ana.client.once('disconnect', resolve));
    const back = await rejoin(secondTab, ana.joined.participantToken);
    expect(back.self.id).toBe(ana.joined.self.id);
    await closed;
    expect(
      server.app.rooms
        .get(`ws:${workshopId}:room:plenary`)
        ?.peers()
        .map((peer) => peer.participantId),
    ).toEqual([ana.joined.self.id]);
  });

  it('answers a snapshot with the caller’s own view: no one else’s email', async () => {
    const chair = await arrive(invites.facilitator, 'Chair', 'Secretariat');
    await command(chair.client, { type: 'workshop.updateSettings', lobbyEnabled: false });
    const client = await server.connect();
    await joinWithInvite(client, invites.delegate, { ...profile('Ana', 'Fiji'), email: 'ana@example.org' } as never);
    const ben = await arrive(invites.delegate, 'Ben', 'Samoa');
    const snapshot = await request(ben.client, Command.workshopSnapshot, {});
    if (!snapshot.ok) throw new Error('snapshot refused');
    const emails = Object.values(snapshot.data.workshop.participants).map((participant) => participant.email);
    expect(emails).not.toContain('ana@example.org');
    expect('attendance' in snapshot.data.workshop).toBe(false);
    const invitesAnswer = await request(ben.client, Command.workshopCreateInvites, {});
    expect(invitesAnswer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('importing breakout assignments from a CSV', () => {
  it('previews every row’s problem without changing anything, and imports only a clean file', async () => {
    const chair = await arrive(invites.facilitator, 'Chair', 'Secretariat');
    await command(chair.client, { type: 'workshop.updateSettings', lobbyEnabled: false });
    const ana = await arrive(invites.delegate, 'Ana Lima', 'Fiji');
    await arrive(invites.delegate, 'Ben Tau', 'Samoa');
    await command(chair.client, { type: 'breakouts.createSet', name: 'Groups', roomNames: ['North', 'South'] });
    const setId = (await state()).breakouts.sets[0]?.id as string;
    const revision = (await state()).revision;

    const messy = 'name,room\n"ana  lima",North\nNobody Here,South\nBen Tau,Atlantis\n';
    const preview = await request(chair.client, Command.breakoutsPreviewCsv, { setId, csv: messy });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.data.errors.map((error) => [error.line, error.code])).toEqual([
      [3, 'unknown_participant'],
      [4, 'unknown_room'],
    ]);
    expect(Object.keys(preview.data.assignments)).toEqual([ana.joined.self.id]);
    const refused = await request(chair.client, Command.workshopCommand, {
      type: 'breakouts.importCsv',
      setId,
      csv: messy,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect((await state()).revision).toBe(revision);

    await command(chair.client, {
      type: 'breakouts.importCsv',
      setId,
      csv: 'name,room\nAna Lima,North\nBen Tau,South\n',
    });
    expect(Object.values((await state()).breakouts.sets[0]?.assignments ?? {})).toHaveLength(2);
    const byDelegate = await request(ana.client, Command.breakoutsPreviewCsv, { setId, csv: messy });
    expect(byDelegate).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('abuse', () => {
  it('rate-limits a connection that floods commands, without hurting others', async () => {
    const chair = await arrive(invites.facilitator, 'Chair', 'Secretariat');
    const answers = await Promise.all(
      Array.from({ length: 150 }, () => request(chair.client, Command.workshopSnapshot, {})),
    );
    const limited = answers.filter((answer) => !answer.ok && answer.error.code === 'rate_limited');
    expect(limited.length).toBeGreaterThan(50);
    const other = await arrive(invites.delegate, 'Calm', 'Tonga');
    expect((await request(other.client, Command.workshopSnapshot, {})).ok).toBe(true);
  });

  it('refuses a socket from a foreign origin', async () => {
    const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    const own = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: server.url },
    });
    expect(own.status).toBe(200);
  });
});
