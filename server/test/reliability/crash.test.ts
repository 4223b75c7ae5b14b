// Crash durability: 50 clients issue acknowledged commands (chat, hands, votes, notes) against a server
// process that is killed with SIGKILL at a seeded moment; restarted on the same data directory, it
// must reflect every command it acknowledged. Short form: 2 trials; long form (PLENARY_LONG=1): 20.
import { Command, type CommandRequest, type ParticipantId, type WorkshopView } from '@plenary/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  command,
  connectTo,
  createWorkshop,
  joinWithInvite,
  newDataDir,
  profile,
  rejoin,
  request,
  type ServerProcess,
  spawnServerProcess,
  type TestClient,
} from '../harness.ts';
import { Clients, inParallel, Random, SEED, scale, sleep } from './support.ts';

const TRIALS = scale(2, 20);
const CLIENTS = 50;

const running: ServerProcess[] = [];
const clients = new Clients();
afterEach(async () => {
  clients.closeAll();
  for (const server of running.splice(0)) {
    server.process.kill('SIGKILL');
    await server.exited;
  }
});

async function start(dataDir: string): Promise<ServerProcess> {
  const server = await spawnServerProcess(dataDir);
  running.push(server);
  return server;
}

/** What one client had acknowledged when the server died, and what it was still waiting for. */
interface Ledger {
  participantId: ParticipantId;
  chats: string[];
  /** the hand as the last acknowledged raise/lower left it */
  handUp: boolean;
  /** lines written into the plenary's notes, acknowledged */
  notes: string[];
  /** the option of the last acknowledged vote */
  vote: string | null;
  /** an operation sent but not answered when the server died: its outcome may go either way */
  pending: 'hand' | 'vote' | null;
  highestRevision: number;
}

async function trial(index: number): Promise<void> {
  const random = new Random(SEED).fork(`crash ${index}`);
  const dataDir = newDataDir();
  const first = await start(dataDir);
  const { invites } = await createWorkshop(first.url, { settings: { lobbyEnabled: false } });
  const chair = clients.add(await connectTo(first.url));
  const chairJoin = await joinWithInvite(chair, invites.facilitator, profile('Chair'));
  await command(chair, { type: 'poll.create', question: 'Adopt the report?', options: ['Yes', 'No', 'Later'] });
  const poll = await request(chair, Command.workshopSnapshot, {});
  if (!poll.ok) throw new Error(poll.error.message);
  const { id: pollId, options } = poll.data.workshop.polls[0] ?? { id: '', options: [] };
  await command(chair, { type: 'poll.open', pollId });

  const people: Array<{ client: TestClient; ledger: Ledger }> = [];
  await inParallel(CLIENTS, 10, async (person) => {
    const client = clients.add(await connectTo(first.url));
    client.io.reconnection(false);
    const joined = await joinWithInvite(
      client,
      invites.delegate,
      profile(`D${person}`, `Administration ${person % 20}`),
    );
    people[person] = {
      client,
      ledger: {
        participantId: joined.self.id,
        chats: [],
        notes: [],
        handUp: false,
        vote: null,
        pending: null,
        highestRevision: 0,
      },
    };
  });

  const roomId = chairJoin.workshop.plenaryRoomId;
  let killed = false;
  const load = people.map(async ({ client, ledger }, person) => {
    const steps = random.fork(`person ${person}`);
    const notes = new Y.Doc();
    /** Sends one command; true when the server acknowledged it as done. */
    const acked = async (payload: CommandRequest<typeof Command.workshopCommand>) => {
      const answer = await request(client, Command.workshopCommand, payload);
      if (answer.ok) ledger.highestRevision = Math.max(ledger.highestRevision, answer.data.revision);
      return answer.ok;
    };
    // The kill may come while a slow client is still opening the notes: it just has nothing to check.
    const open = await request(client, Command.notesOpen, { roomId, stateVector: Y.encodeStateVector(notes) }).catch(
      () => null,
    );
    if (open && !open.ok) throw new Error(`notes.open refused: ${open.error.message}`);
    for (let step = 0; open && !killed; step++) {
      const text = `trial ${index} person ${person} step ${step}`;
      try {
        switch (step % 4) {
          case 0:
            if (await acked({ type: 'chat.send', channel: { kind: 'room', roomId }, text })) ledger.chats.push(text);
            break;
          case 1:
            ledger.pending = 'hand';
            if (
              await acked(ledger.handUp ? { type: 'queue.lowerHand' } : { type: 'queue.raiseHand', kind: 'new-point' })
            ) {
              ledger.handUp = !ledger.handUp;
            }
            ledger.pending = null;
            break;
          case 2: {
            const optionId = steps.pick(options).id;
            ledger.pending = 'vote';
            if (await acked({ type: 'poll.vote', pollId, optionId })) ledger.vote = optionId;
            ledger.pending = null;
            break;
          }
          default: {
            // Notes are answered once the update is stored.
            const before = Y.encodeStateVector(notes);
            notes.getText('notes').insert(0, `${text}\n`);
            const update = Y.encodeStateAsUpdate(notes, before);
            if ((await request(client, Command.notesUpdate, { roomId, update })).ok) ledger.notes.push(text);
          }
        }
      } catch {
        // The server died with this one in flight (pending stays set) or the socket closed.
        return;
      }
      await sleep(steps.int(20, 120));
    }
  });

  // The kill comes at a seeded moment once every kind of write has been acknowledged at least once,
  // however slowly a loaded machine gets there.
  const started = (kind: 'chats' | 'notes') => people.some(({ ledger }) => ledger[kind].length > 0);
  const deadline = Date.now() + 60_000;
  while (!(started('chats') && started('notes')) && Date.now() < deadline) await sleep(10);
  await sleep(random.int(0, 2_200));
  killed = true;
  first.process.kill('SIGKILL');
  await first.exited;
  await Promise.all(load);
  clients.closeAll();

  const second = await start(dataDir);
  const chairAgain = clients.add(await connectTo(second.url));
  const back = await rejoin(chairAgain, chairJoin.participantToken);
  const workshop: WorkshopView = back.workshop;
  const ledgers = people.map((person) => person.ledger);
  const acknowledged = ledgers.reduce((sum, ledger) => sum + ledger.chats.length, 0);
  expect(acknowledged, 'the load ran before the kill').toBeGreaterThan(0);

  expect(workshop.revision).toBeGreaterThanOrEqual(Math.max(...ledgers.map((ledger) => ledger.highestRevision)));
  const stored = new Set(Object.values(workshop.chat).flatMap((log) => log.map((message) => message.text)));
  const lost = ledgers.flatMap((ledger) => ledger.chats.filter((text) => !stored.has(text)));
  expect(lost).toEqual([]);

  const open = await request(chairAgain, Command.notesOpen, { roomId, stateVector: Y.encodeStateVector(new Y.Doc()) });
  if (!open.ok) throw new Error(`notes.open refused after the restart: ${open.error.message}`);
  const notes = new Y.Doc();
  Y.applyUpdate(notes, new Uint8Array(open.data.update));
  const written = notes.getText('notes').toString();
  expect(
    ledgers.some((ledger) => ledger.notes.length > 0),
    'notes were written before the kill',
  ).toBe(true);
  expect(ledgers.flatMap((ledger) => ledger.notes.filter((line) => !written.includes(line)))).toEqual([]);

  const queued = workshop.queue.entries.map((entry) => entry.participantId);
  expect(new Set(queued).size, 'one entry per person').toBe(queued.length);
  const votes = workshop.polls.find((candidate) => candidate.id === pollId)?.votes ?? {};
  for (const ledger of ledgers) {
    if (ledger.pending !== 'hand')
      expect(queued.includes(ledger.participantId), ledger.participantId).toBe(ledger.handUp);
    if (ledger.pending !== 'vote') expect(votes[ledger.participantId] ?? null, ledger.participantId).toBe(ledger.vote);
  }
}

describe('a server killed with SIGKILL under load', () => {
  it.each(Array.from({ length: TRIALS }, (_, index) => [index]))(
    'trial %i: keeps every acknowledged command',
    async (index) => {
      await trial(index);
    },
    120_000,
  );
});
