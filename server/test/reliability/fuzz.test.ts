// Fuzz: malformed payloads for every command (the workshop command once per type), from a seeded
// generator. The server must answer each with a well-formed error, never crash, and never change
// the workshop for it. Short form: 100 payloads a target; long form (PLENARY_LONG=1): 1,000.
// PLENARY_SEED replays another run. See support.ts; HTTP and notes: fuzzHttp, fuzzNotes.
import { Command, PROTOCOL_VERSION, type WorkshopId, type WorkshopState } from '@plenary/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  command,
  connectTo,
  createWorkshop,
  eventually,
  joinWithInvite,
  profile,
  request,
  requestRaw,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../harness.ts';
import { MADE_UP_IDS } from './commands.ts';
import {
  ackProblem,
  drain,
  expectHealthy,
  FUZZ_TIMEOUT_MS,
  invalidPayload,
  LANE_GAP_MS,
  PER_TARGET,
  preview,
} from './fuzzing.ts';
import { type Mutation, oversizeString } from './malformed.ts';
import { Clients, emitRaw, Random, SEED, sleep } from './support.ts';
import { fuzzTargets, type Target } from './targets.ts';

const JOINED_LANES = 24;
const JOINING_LANES = 4;

interface Failure {
  target: string;
  mutation: Mutation | 'forged';
  problem: string;
  payload: string;
}

let server: TestServer;
let workshopId: WorkshopId;
let invites: Awaited<ReturnType<typeof createWorkshop>>['invites'];
let chairs: TestClient[] = [];
let strangers: TestClient[] = [];
const clients = new Clients();

const stateNow = async (): Promise<WorkshopState> => {
  const workshop = await server.app.workshops.get(workshopId);
  if (!workshop) throw new Error('workshop missing');
  return structuredClone(workshop.state);
};

beforeAll(async () => {
  server = await startTestServer();
  ({ workshopId, invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } }));
  chairs = [];
  for (let index = 0; index < JOINED_LANES; index++) {
    const client = clients.add(await connectTo(server.url));
    await joinWithInvite(client, invites.facilitator, profile(`Chair ${index}`));
    chairs.push(client);
  }
  strangers = await Promise.all(
    Array.from({ length: JOINING_LANES }, async () => clients.add(await connectTo(server.url))),
  );
  // Something of everything for payloads to refer to.
  await command(chairs[0] as TestClient, {
    type: 'breakouts.createSet',
    name: 'Groups',
    roomNames: ['North', 'South'],
  });
  await command(chairs[0] as TestClient, { type: 'poll.create', question: 'Adopt?', options: ['Yes', 'No'] });
});
afterAll(async () => {
  clients.closeAll();
  await server.close();
});

describe('fuzzing every command', () => {
  it(
    `answers ${PER_TARGET} malformed payloads per command with an error and changes nothing`,
    async () => {
      const before = await stateNow();
      const targets = fuzzTargets({ ...MADE_UP_IDS, plenaryRoomId: before.plenaryRoomId }, invites.delegate);
      const random = new Random(SEED).fork('commands');
      const failures: Failure[] = [];
      const sent = new Map<string, number>();
      function* jobs(joined: boolean) {
        for (const target of targets.filter((candidate) => candidate.joined === joined)) {
          const stream = random.fork(target.name);
          for (let index = 0; index < PER_TARGET; index++) {
            const malformed = invalidPayload(target, stream);
            if (malformed) yield { target, ...malformed };
          }
        }
      }
      const send = async (lane: TestClient, job: { target: Target; mutation: Mutation; payload: unknown }) => {
        const answer = await requestRaw(lane, job.target.event, job.payload).catch((error: Error) => error.message);
        sent.set(job.target.name, (sent.get(job.target.name) ?? 0) + 1);
        const problem = ackProblem(answer, 'invalid_payload');
        if (problem)
          failures.push({ target: job.target.name, mutation: job.mutation, problem, payload: preview(job.payload) });
      };
      await Promise.all([drain(chairs, jobs(true), send), drain(strangers, jobs(false), send)]);

      expect(failures.slice(0, 10)).toEqual([]);
      // Near every draw breaks the template; a target whose draws all came out valid would be untested.
      for (const target of targets)
        expect(sent.get(target.name) ?? 0, target.name).toBeGreaterThanOrEqual(PER_TARGET * 0.9);
      expect(await stateNow()).toEqual(before);
      for (const lane of [...chairs, ...strangers]) expect(lane.connected).toBe(true);
      await expectHealthy(server.url);
    },
    FUZZ_TIMEOUT_MS,
  );

  it('refuses joins with forged or foreign tokens, registering no one', async () => {
    const before = await stateNow();
    const random = new Random(SEED).fork('forged');
    const failures: Failure[] = [];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    const token = () => Array.from({ length: random.int(16, 2048) }, () => random.pick([...alphabet])).join('');
    const unsigned = (claims: object) =>
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    function* jobs() {
      for (let index = 0; index < PER_TARGET; index++) {
        const forged = random.pick([
          token(),
          unsigned({ kind: 'invite', workshopId, role: 'facilitator', iss: 'plenary' }),
          unsigned({ kind: 'participant', workshopId, participantId: 'p-1', iss: 'plenary' }),
          `${invites.facilitator.slice(0, -4)}AAAA`,
          invites.facilitator.split('.').reverse().join('.'),
        ]);
        const profileOf = profile('Forger');
        yield random.chance(0.5)
          ? { protocolVersion: PROTOCOL_VERSION, credential: { kind: 'invite', token: forged, profile: profileOf } }
          : { protocolVersion: PROTOCOL_VERSION, credential: { kind: 'participant', token: forged } };
      }
    }
    await drain(strangers, jobs(), async (lane, payload) => {
      const answer = await requestRaw(lane, Command.sessionJoin, payload).catch((error: Error) => error.message);
      const problem = ackProblem(answer);
      if (problem)
        failures.push({ target: Command.sessionJoin, mutation: 'forged', problem, payload: preview(payload) });
    });
    expect(failures.slice(0, 10)).toEqual([]);
    expect(await stateNow()).toEqual(before);
  });

  it('ignores commands sent without an ack, or with something else last, and refuses unknown events', async () => {
    const before = await stateNow();
    const targets = fuzzTargets({ ...MADE_UP_IDS, plenaryRoomId: before.plenaryRoomId }, invites.delegate);
    const lane = chairs[0] as TestClient;
    // Valid commands too: without an ack there is no one to answer, so nothing is done.
    for (const target of targets) {
      for (const last of [undefined, 'not a function', 42, { ack: true }, null]) {
        if (last === undefined) emitRaw(lane, target.event, target.template);
        else emitRaw(lane, target.event, target.template, last);
      }
      await sleep(LANE_GAP_MS);
    }
    const unknown = [
      'constructor',
      'toString',
      '__proto__',
      'hasOwnProperty',
      'session:JOIN',
      'workshop:changed',
      'x'.repeat(500),
    ];
    for (const event of unknown) {
      expect(ackProblem(await requestRaw(lane, event, {}), 'invalid_payload'), event).toBeNull();
    }
    // Facts and answers reach a connection in order: this one is answered after all of the above.
    expect((await request(lane, Command.workshopSnapshot, {})).ok).toBe(true);
    expect(await stateNow()).toEqual(before);
    await expectHealthy(server.url);
  });

  it('drops a connection that sends a frame over the 100 KB cap, and only that one', async () => {
    const before = await stateNow();
    const joined = clients.add(await connectTo(server.url));
    await joinWithInvite(joined, invites.delegate, profile('Oversize'));
    const after = await stateNow();
    const stranger = clients.add(await connectTo(server.url));
    for (const client of [joined, stranger]) {
      client.io.reconnection(false);
      const dropped = new Promise((resolve) => client.once('disconnect', resolve));
      emitRaw(client, Command.workshopCommand, { type: 'chat.send', text: oversizeString() }, () => {});
      await dropped;
    }
    for (const lane of [...chairs, ...strangers]) expect(lane.connected).toBe(true);
    // Only the join changed the workshop; the dropped connection counts as present during its grace.
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(await stateNow()).toEqual(after);
    await expectHealthy(server.url);
  });
});

afterEach(async () => {
  await eventually(async () => expect((await fetch(`${server.url}/healthz`)).status).toBe(200));
});
