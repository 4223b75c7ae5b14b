// Two Plenary nodes as separate processes, sharing one workshop through a real PostgreSQL and a
// real Redis (started by this project's globalSetup). People connect through load balancers, some
// ending up on each node. What one node decides reaches, and moves, the people on the other; no
// revision is decided twice; and when a node stops (SIGTERM) or dies (SIGKILL), its people carry on
// on the other node as themselves, with nothing acknowledged lost.
import { randomUUID } from 'node:crypto';
import { Command, type CreateWorkshopResponse, Fact, type RoomId, type WorkshopId } from '@plenary/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../engines.ts';
import {
  command,
  connectTo,
  createWorkshop,
  eventually,
  newDataDir,
  rejoin,
  request,
  type ServerProcess,
  spawnServerProcess,
} from '../harness.ts';
import { type LoadBalancer, startLoadBalancer } from './loadBalancer.ts';
import { arrive, chatTexts, chatter, type Member, openNotes, snapshotOf, standing } from './members.ts';

const GRACE_MS = 3_000;
const plenary = 'plenary' as RoomId;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const portOf = (node: ServerProcess) => Number(new URL(node.url).port);

let env: Record<string, string>;
let databaseUrl: string;
const nodes: ServerProcess[] = [];
const balancers: LoadBalancer[] = [];
const everyone: Member[] = [];
let nodeA: ServerProcess;
let nodeB: ServerProcess;
let lbA: LoadBalancer;
let lbB: LoadBalancer;
let created: CreateWorkshopResponse;
let workshopId: WorkshopId;
let chair: Member;
let cochair: Member;
let ana: Member;
let ben: Member;
let cai: Member;
let dee: Member;
/** Red and Blue, once the breakout set exists */
const rooms: { red: RoomId; blue: RoomId } = { red: '' as RoomId, blue: '' as RoomId };

async function startNode(): Promise<ServerProcess> {
  const node = await spawnServerProcess(newDataDir(), env, { dieWithTests: true });
  nodes.push(node);
  return node;
}

async function join(balancer: LoadBalancer, role: 'facilitator' | 'co-facilitator' | 'delegate', name: string) {
  const member = await arrive(balancer.url, created.invites[role], name, `Administration of ${name}`);
  everyone.push(member);
  return member;
}

/** Every command the store logged for the workshop, read straight from PostgreSQL. */
async function logged(): Promise<Array<{ revision: number; type: string }>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ revision: number; command: string }>(
      'SELECT revision, command FROM workshop_commands WHERE workshop_id = $1 ORDER BY revision',
      [workshopId],
    );
    return rows.rows.map((row) => ({
      revision: row.revision,
      type: (JSON.parse(row.command) as { type: string }).type,
    }));
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  databaseUrl = await createDatabase(inject('postgresUrl'), `cluster_${randomUUID().replaceAll('-', '')}`);
  env = {
    PLENARY_DATABASE_URL: databaseUrl,
    PLENARY_REDIS_URL: inject('redisUrl'),
    PLENARY_REDIS_PREFIX: `test-${randomUUID().slice(0, 8)}`,
    PLENARY_TOKEN_SECRET: `${randomUUID()}${randomUUID()}`,
    PLENARY_RECONNECT_GRACE_MS: String(GRACE_MS),
  };
  [nodeA, nodeB] = await Promise.all([startNode(), startNode()]);
  lbA = await startLoadBalancer(portOf(nodeA));
  lbB = await startLoadBalancer(portOf(nodeB));
  balancers.push(lbA, lbB);
  created = await createWorkshop(nodeA.url, { settings: { lobbyEnabled: false } });
  workshopId = created.workshopId;
  chair = await join(lbA, 'facilitator', 'Chair');
  ana = await join(lbA, 'delegate', 'Ana');
  ben = await join(lbA, 'delegate', 'Ben');
  cochair = await join(lbB, 'co-facilitator', 'Co-chair');
  cai = await join(lbB, 'delegate', 'Cai');
  dee = await join(lbB, 'delegate', 'Dee');
}, 60_000);

afterAll(async () => {
  for (const member of everyone) member.client.disconnect();
  await Promise.all(balancers.map((balancer) => balancer.close()));
  for (const node of nodes) node.process.kill('SIGKILL');
  await Promise.all(nodes.map((node) => node.exited));
});

describe('two nodes sharing a workshop', () => {
  it('count a consensus check answered on both once per person, and never fork under concurrent commands', async () => {
    await command(chair.client, { type: 'proposal.put', text: 'Adopt the regional plan' });
    const proposalId = (await snapshotOf(cochair)).workshop.proposals[0]?.id ?? '';
    const delegates = [ana, ben, cai, dee];
    const answerOf = (member: Member) => (member === ana || member === cai ? 'agree' : 'abstain');
    const respond = (member: Member) =>
      request(member.client, Command.workshopCommand, {
        type: 'proposal.respond',
        proposalId,
        response: answerOf(member),
      });
    // Everyone at once, on both nodes: each delegate answers twice (a double click), raises a hand,
    // and everyone chats.
    const [answers, others] = await Promise.all([
      Promise.all(delegates.map((member) => Promise.all([respond(member), respond(member)]))),
      Promise.all([
        ...delegates.map((member) =>
          request(member.client, Command.workshopCommand, { type: 'queue.raiseHand', kind: 'new-point' }),
        ),
        ...everyone.flatMap((member) =>
          [0, 1, 2].map((index) =>
            request(member.client, Command.workshopCommand, {
              type: 'chat.send',
              channel: { kind: 'room', roomId: plenary },
              text: `${member.name} says ${index}`,
            }),
          ),
        ),
      ]),
    ]);
    for (const pair of answers) expect(pair.filter((answer) => answer.ok)).toHaveLength(1);
    const accepted = [...answers.flat(), ...others].flatMap((answer) => (answer.ok ? [answer.data.revision] : []));
    expect(others.every((answer) => answer.ok)).toBe(true);
    // each revision was decided by exactly one command
    expect(new Set(accepted).size).toBe(accepted.length);

    await command(cochair.client, { type: 'proposal.close', proposalId });
    const onA = await snapshotOf(chair);
    const onB = await snapshotOf(cochair);
    expect(onB.workshop).toEqual(onA.workshop);
    expect(onA.workshop.proposals[0]?.result).toMatchObject({ agree: 2, object: 0, abstain: 2, consensus: true });
    expect(onA.workshop.queue.entries.map((entry) => entry.participantId).sort()).toEqual(
      delegates.map((member) => member.participantId).sort(),
    );
    const final = onA.workshop.revision;
    expect((await logged()).map((entry) => entry.revision)).toEqual(Array.from({ length: final }, (_, i) => i + 1));
    // every client heard every revision after its join, whichever node decided it
    await eventually(() => {
      for (const member of everyone) expect(member.revision).toBe(final);
    });
    for (const member of everyone) {
      const heard = new Set(member.revisions);
      const first = Math.min(...member.revisions);
      for (let revision = first; revision <= final; revision++) expect(heard.has(revision)).toBe(true);
    }
  });

  it('carry notes typed through one node to a reader on the other, and to a newcomer there', async () => {
    const readerOnB = await openNotes(cai, plenary);
    const writerOnA = await openNotes(ana, plenary);
    await writerOnA.type('Agreed: the regional plan.');
    await eventually(() => expect(readerOnB.text()).toBe('Agreed: the regional plan.'));
    const newcomer = await join(lbB, 'delegate', 'Eru');
    expect((await openNotes(newcomer, plenary)).text()).toBe('Agreed: the regional plan.');
    await readerOnB.type(' Next: the budget.');
    await eventually(() => expect(writerOnA.text()).toBe('Agreed: the regional plan. Next: the budget.'));
  });

  it('give someone on node B the chairs’ view as soon as node A makes them a co-facilitator', async () => {
    const eru = everyone.find((member) => member.name === 'Eru');
    if (!eru) throw new Error('Eru has not joined');
    const toChairs = (text: string) =>
      command(ana.client, {
        type: 'chat.send',
        channel: { kind: 'facilitators', participantId: ana.participantId },
        text,
      });
    await toChairs('Only for the chairs, before');
    await eventually(() => expect(cochair.chats).toContain('Only for the chairs, before'));
    expect(eru.chats).not.toContain('Only for the chairs, before');
    await command(chair.client, {
      type: 'participant.setRole',
      participantId: eru.participantId,
      role: 'co-facilitator',
    });
    await eventually(async () => expect((await snapshotOf(eru)).self.role).toBe('co-facilitator'));
    await toChairs('Only for the chairs, after');
    await eventually(() => expect(eru.chats).toContain('Only for the chairs, after'));
  });

  it('keep one connection per person across nodes, and do not count someone gone who moved to the other', async () => {
    const gil = await join(lbA, 'delegate', 'Gil');
    const replaced = new Promise<string>((resolve) =>
      gil.client.once(Fact.sessionReplaced, (fact) => resolve(fact.reason)),
    );
    const elsewhere = await connectTo(lbB.url);
    const again = await rejoin(elsewhere, gil.token);
    expect(again.self.id).toBe(gil.participantId);
    await expect(replaced).resolves.toMatch(/another window/);
    await eventually(() => expect(gil.client.connected).toBe(false));
    // Node A's grace timer for the replaced connection runs out meanwhile: Gil is on B, so stays.
    const until = Date.now() + GRACE_MS + 1_500;
    while (Date.now() < until) {
      expect((await snapshotOf(chair)).workshop.participants[gil.participantId]?.connected).toBe(true);
      await sleep(200);
    }
    elsewhere.disconnect();
    everyone.splice(everyone.indexOf(gil), 1);
  });

  it('end a timed turn once, though both nodes hold the workshop and arm its timer', async () => {
    await command(chair.client, { type: 'queue.giveFloor', durationMs: 1_000 });
    const speaker = (await snapshotOf(chair)).workshop.queue.turn?.participantId;
    expect(speaker).toBeDefined();
    await eventually(async () => expect((await snapshotOf(cochair)).workshop.queue.turn).toBeNull(), 10_000);
    await sleep(500); // a second timer firing late would have been stored by now
    expect((await logged()).filter((entry) => entry.type === 'queue.endTurn')).toHaveLength(1);
    expect((await snapshotOf(chair)).workshop.queue.speeches.map((speech) => speech.participantId)).toEqual([speaker]);
  });

  it('move the people on node B when node A opens breakouts, in Socket.IO rooms that span the nodes', async () => {
    await command(chair.client, { type: 'breakouts.createSet', name: 'Groups', roomNames: ['Red', 'Blue'] });
    const set = (await snapshotOf(chair)).workshop.breakouts.sets[0];
    if (!set) throw new Error('no set');
    rooms.red = set.rooms[0]?.id as RoomId;
    rooms.blue = set.rooms[1]?.id as RoomId;
    const plan: Array<[Member, RoomId]> = [
      [ana, rooms.red],
      [cai, rooms.red],
      [ben, rooms.blue],
      [dee, rooms.blue],
    ];
    for (const [member, roomId] of plan) {
      await command(chair.client, {
        type: 'breakouts.assign',
        setId: set.id,
        participantId: member.participantId,
        roomId,
      });
    }
    await command(chair.client, { type: 'breakouts.open', setId: set.id, durationMs: 3_600_000 });
    await eventually(() => {
      for (const [member, roomId] of plan) {
        expect(member.rooms.at(-1)?.whereabouts.location).toMatchObject({ kind: 'breakout', roomId });
        // Everyone knows each room mate (from the entry or a later peerJoined), so no news of this
        // step can still be on its way when the counts are cleared below.
        const known = [
          ...(member.rooms.at(-1)?.room?.peers.map((peer) => peer.participantId) ?? []),
          ...member.peersJoined,
        ];
        for (const [mate, mateRoom] of plan) {
          if (mate !== member && mateRoom === roomId) expect(known).toContain(mate.participantId);
        }
      }
    });

    // Decided on A, about someone on B: Cai moves from Red to Blue.
    for (const member of everyone) member.peersJoined.length = member.peersLeft.length = 0;
    await command(chair.client, { type: 'breakouts.move', participantId: cai.participantId, roomId: rooms.blue });
    await eventually(() => {
      expect(cai.rooms.at(-1)?.whereabouts.location).toMatchObject({ kind: 'breakout', roomId: rooms.blue });
      expect(ana.peersLeft).toContain(cai.participantId); // on A, in Red: hears B's connection leave
      expect(ben.peersJoined).toContain(cai.participantId); // on A, in Blue: hears it arrive
      expect(dee.peersJoined).toContain(cai.participantId); // on B, in Blue
    });
    expect(ana.peersJoined).not.toContain(cai.participantId);
  });

  it('resume the people of a node that stops (SIGTERM) on the other, as they were, losing nothing acknowledged', async () => {
    const redNotes = await openNotes(ana, rooms.red);
    await redNotes.type('Red: water first.');
    const movers = [chair, ana, ben];
    const before = await Promise.all(movers.map(async (member) => standing(await snapshotOf(member))));
    const revisionBefore = (await snapshotOf(chair)).workshop.revision;

    lbA.pointAt(portOf(nodeB)); // the balancer sends reconnections to the node that is left
    const talk = chatter(ana, rooms.red);
    await sleep(200);
    nodeA.process.kill('SIGTERM');
    expect(await nodeA.exited).toBe(0);
    await eventually(() => {
      for (const member of movers) expect(member.comebacks).toEqual(['recovered']);
    }, 15_000);
    await sleep(200);
    const acked = await talk.stop();
    expect(acked.length).toBeGreaterThan(0);

    const after = await Promise.all(movers.map(async (member) => standing(await snapshotOf(member))));
    expect(after).toEqual(before);
    expect(chatTexts(await snapshotOf(cochair))).toEqual(expect.arrayContaining(acked));
    expect((await openNotes(ana, rooms.red)).text()).toBe('Red: water first.');
    // resumed, not rejoined: the changes decided while they were away were replayed to them
    const now = (await snapshotOf(chair)).workshop.revision;
    for (const member of movers) {
      const heard = new Set(member.revisions);
      for (let revision = revisionBefore + 1; revision <= now; revision++) expect(heard.has(revision)).toBe(true);
    }
  });

  it('bring the people of a node that dies (SIGKILL) back on another, and mark those who never return gone', async () => {
    const nodeC = await startNode();
    lbA.pointAt(portOf(nodeC));
    lbB.pointAt(portOf(nodeC));
    // Fay is on B and will not come back after it dies.
    const fay = await arrive(`http://127.0.0.1:${portOf(nodeB)}`, created.invites.delegate, 'Fay');
    everyone.push(fay);
    fay.client.io.reconnection(false);
    const returning = everyone.filter((member) => member !== fay);
    const before = await Promise.all(returning.map(async (member) => standing(await snapshotOf(member))));
    const comebacks = returning.map((member) => member.comebacks.length);

    const talk = chatter(cai, rooms.blue);
    await sleep(200);
    nodeB.process.kill('SIGKILL');
    await nodeB.exited;
    await eventually(() => {
      for (const [index, member] of returning.entries()) {
        expect(member.comebacks.slice(comebacks[index])).toEqual(['rejoined']);
      }
    }, 15_000);
    const acked = await talk.stop();
    expect(acked.length).toBeGreaterThan(0);

    const after = await Promise.all(returning.map(async (member) => standing(await snapshotOf(member))));
    expect(after).toEqual(before);
    expect(chatTexts(await snapshotOf(chair))).toEqual(expect.arrayContaining(acked));
    expect((await openNotes(cai, plenary)).text()).toBe('Agreed: the regional plan. Next: the budget.');

    // Fay's node died with her connection: after the grace period the survivor marks her gone.
    const connected = async () => (await snapshotOf(chair)).workshop.participants;
    expect((await connected())[fay.participantId]?.connected).toBe(true);
    await eventually(async () => {
      const participants = await connected();
      expect(participants[fay.participantId]?.connected).toBe(false);
      for (const member of returning) expect(participants[member.participantId]?.connected).toBe(true);
    }, GRACE_MS * 4);
  });
});
