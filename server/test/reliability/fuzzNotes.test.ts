// Fuzz of the notes: garbage and corrupted Yjs updates (valid-shaped payloads the schema lets
// through). Each is refused or absorbed; the notes still load, also after a restart. Seeded.
import { Command } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectTo,
  createWorkshop,
  joinWithInvite,
  newDataDir,
  profile,
  rejoin,
  request,
  requestRaw,
  startTestServer,
  type TestClient,
} from '../harness.ts';
import { ackProblem, FUZZ_TIMEOUT_MS, LANE_GAP_MS } from './fuzzing.ts';
import { Clients, Random, SEED, scale, sleep } from './support.ts';

describe('fuzzing the notes with garbage Yjs updates', () => {
  it(
    'refuses or survives each, and the notes still load, also after a restart',
    async () => {
      const dataDir = newDataDir();
      let notesServer = await startTestServer({}, dataDir);
      const local = new Clients();
      try {
        const { invites: own } = await createWorkshop(notesServer.url, { settings: { lobbyEnabled: false } });
        const client = local.add(await connectTo(notesServer.url));
        const joined = await joinWithInvite(client, own.facilitator, profile('Notes chair'));
        const roomId = joined.workshop.plenaryRoomId;
        const open = async (socket: TestClient) => {
          const answer = await request(socket, Command.notesOpen, {
            roomId,
            stateVector: Y.encodeStateVector(new Y.Doc()),
          });
          if (!answer.ok) throw new Error(`notes.open refused: ${answer.error.code} ${answer.error.message}`);
          return answer.data;
        };
        await open(client);
        // A real edit first, so corrupt updates have a document to damage.
        const doc = new Y.Doc();
        doc.getText('notes').insert(0, 'Agreed: meet again in March.');
        const real = Y.encodeStateAsUpdate(doc);
        expect((await request(client, Command.notesUpdate, { roomId, update: real })).ok).toBe(true);

        const random = new Random(SEED).fork('yjs');
        const failures: string[] = [];
        for (let index = 0; index < scale(100, 1_000); index++) {
          const update = random.chance(0.5)
            ? Uint8Array.from({ length: random.int(1, 400) }, () => random.int(0, 255))
            : Uint8Array.from(real, (byte) => (random.chance(0.05) ? random.int(0, 255) : byte));
          const answer = await requestRaw(client, Command.notesUpdate, { roomId, update }).catch(
            (error: Error) => error.message,
          );
          const accepted = typeof answer === 'object' && answer !== null && (answer as { ok?: unknown }).ok === true;
          const problem = accepted ? null : ackProblem(answer);
          if (problem) failures.push(`${problem} for ${Buffer.from(update).toString('hex').slice(0, 60)}`);
          await sleep(LANE_GAP_MS);
        }
        expect(failures.slice(0, 10)).toEqual([]);
        const reopened = new Y.Doc();
        Y.applyUpdate(reopened, new Uint8Array((await open(client)).update));
        expect(reopened.getText('notes').toString()).toContain('Agreed');

        // What was stored must load again.
        local.closeAll();
        await notesServer.close();
        notesServer = await startTestServer({}, dataDir);
        const again = local.add(await connectTo(notesServer.url));
        await rejoin(again, joined.participantToken);
        const loaded = new Y.Doc();
        Y.applyUpdate(loaded, new Uint8Array((await open(again)).update));
        expect(loaded.getText('notes').toString()).toContain('Agreed');
      } finally {
        local.closeAll();
        await notesServer.close();
      }
    },
    FUZZ_TIMEOUT_MS,
  );
});
