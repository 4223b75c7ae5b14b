import { Command, Fact, type RoomChanged, type WorkshopState } from '@plenary/shared';
import { afterEach, describe, expect, it } from 'vitest';
import {
  command,
  connectTo,
  createWorkshop,
  eventually,
  joinWithInvite,
  newDataDir,
  nextEvent,
  profile,
  rejoin,
  request,
  type ServerProcess,
  spawnServerProcess,
  type TestClient,
} from './harness.ts';

const running: ServerProcess[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients) client.disconnect();
  for (const server of running) server.process.kill('SIGKILL');
  await Promise.all(running.map((server) => server.exited));
  running.length = 0;
  clients.length = 0;
});

async function start(dataDir: string): Promise<ServerProcess> {
  const server = await spawnServerProcess(dataDir);
  running.push(server);
  return server;
}

async function connect(url: string): Promise<TestClient> {
  const client = await connectTo(url);
  clients.push(client);
  return client;
}

const snapshotOf = async (client: TestClient): Promise<WorkshopState['queue'] & { state: unknown }> => {
  const answer = await request(client, Command.workshopSnapshot, {});
  if (!answer.ok) throw new Error(answer.error.message);
  return { ...answer.data.workshop.queue, state: answer.data.workshop };
};

describe('a server killed with SIGKILL', () => {
  it('comes back with every acknowledged change, and its timers re-armed', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    const { invites } = await createWorkshop(first.url, { settings: { lobbyEnabled: false } });
    const chair = await connect(first.url);
    const chairJoin = await joinWithInvite(chair, invites.facilitator, profile('Chair'));
    const people = [];
    for (const [index, organisation] of ['Fiji', 'Samoa', 'Tonga', 'Palau'].entries()) {
      const client = await connect(first.url);
      people.push({
        client,
        joined: await joinWithInvite(client, invites.delegate, profile(`D${index}`, organisation)),
      });
    }
    await command(chair, { type: 'workshop.updateSettings', recallGraceMs: 1_000 });
    for (const person of people.slice(0, 3).reverse()) {
      await command(person.client, { type: 'queue.raiseHand', kind: 'new-point' });
    }
    await command(chair, { type: 'breakouts.createSet', name: 'Groups', roomNames: ['North', 'South'] });
    const before = await snapshotOf(chair);
    const setId = (before.state as WorkshopState).breakouts.sets[0]?.id as string;
    await command(chair, { type: 'breakouts.autoAssign', setId, strategy: 'random', seed: 3 });
    // The breakouts end 4 s from now: while the server is down, then after it is back.
    const lastRevision = await command(chair, { type: 'breakouts.open', setId, durationMs: 4_000 });

    first.process.kill('SIGKILL');
    await first.exited;

    const second = await start(dataDir);
    const chairAgain = await connect(second.url);
    const back = await rejoin(chairAgain, chairJoin.participantToken);
    expect(back.workshop.revision).toBeGreaterThanOrEqual(lastRevision);
    expect(back.workshop.queue.entries.map((entry) => entry.participantId)).toEqual(
      people
        .slice(0, 3)
        .reverse()
        .map((person) => person.joined.self.id),
    );
    expect(back.workshop.breakouts.open?.setId).toBe(setId);

    const delegate = people[0] as (typeof people)[number];
    const delegateAgain = await connect(second.url);
    const roomChanges: RoomChanged[] = [];
    delegateAgain.on(Fact.roomChanged, (change) => roomChanges.push(change));
    const delegateBack = await rejoin(delegateAgain, delegate.joined.participantToken);
    expect(delegateBack.whereabouts.location.kind).toBe('breakout');

    // The re-armed deadline recalls, the grace passes, the rooms close: back in the plenary.
    await eventually(() => expect(roomChanges.at(-1)?.room?.roomId).toBe('plenary'), 15_000);
    const closed = await request(chairAgain, Command.workshopSnapshot, {});
    expect(closed.ok && closed.data.workshop.breakouts.open).toBeNull();
    // and it keeps working
    const next = nextEvent(delegateAgain, Fact.workshopChanged);
    await command(chairAgain, { type: 'queue.clear' });
    expect((await next).slices.queue?.entries).toEqual([]);
  });
});

describe('a server asked to stop', () => {
  it('closes its connections and exits cleanly on SIGTERM, keeping what it stored', async () => {
    const dataDir = newDataDir();
    const server = await start(dataDir);
    const { invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
    const client = await connect(server.url);
    const joined = await joinWithInvite(client, invites.facilitator, profile('Chair'));
    const disconnected = new Promise((resolve) => client.once('disconnect', resolve));
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    await disconnected;

    const again = await start(dataDir);
    const back = await rejoin(await connect(again.url), joined.participantToken);
    expect(back.self.name).toBe('Chair');
  });
});
