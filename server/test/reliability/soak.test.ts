// Soak (long form only): hundreds of clients churning for up to half an hour against a server
// process (dropping and coming back, recovering, taking media transports, raising hands, chatting,
// breakouts opening and closing). Afterwards the mediasoup objects, rooms and connections are back
// at the baseline and RSS is within ±10%. Bounded by time and by iterations.
//   PLENARY_SOAK_MINUTES (default 0, or 30 with PLENARY_LONG=1), PLENARY_SOAK_CLIENTS (300),
//   PLENARY_SOAK_SETTLE_S (185: Socket.IO keeps each broadcast two minutes for recovery, swept each
//   minute, so memory is compared once those have gone).
import { Command } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import {
  command,
  connectTo,
  createWorkshop,
  eventually,
  joinWithInvite,
  newDataDir,
  profile,
  rejoin,
  request,
  type TestClient,
} from '../harness.ts';
import { gcReportFile, settledMemory, spawnWithGcHook } from '../memory.ts';
import { Clients, inParallel, LONG, metrics, Random, SEED, sleep } from './support.ts';

const MINUTES = Number(process.env.PLENARY_SOAK_MINUTES ?? (LONG ? 30 : 0));
const CLIENTS = Number(process.env.PLENARY_SOAK_CLIENTS ?? 300);
const SETTLE_S = Number(process.env.PLENARY_SOAK_SETTLE_S ?? 185);
const BREAKOUT_CYCLE_MS = 30_000;

interface Member {
  client: TestClient;
  token: string;
  handUp: boolean;
}

describe.skipIf(MINUTES <= 0)('soak', () => {
  it(
    `${CLIENTS} clients churning for ${MINUTES} min leave no media objects, connections or memory behind`,
    async () => {
      const random = new Random(SEED).fork('soak');
      const clients = new Clients();
      const gcReport = gcReportFile();
      const server = await spawnWithGcHook(newDataDir(), gcReport, { PLENARY_RECONNECT_GRACE_MS: '600000' });
      try {
        const { invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
        const chair = clients.add(await connectTo(server.url));
        await joinWithInvite(chair, invites.facilitator, profile('Chair'));
        const members: Member[] = [];
        await inParallel(CLIENTS, 8, async (index) => {
          const client = clients.add(await connectTo(server.url));
          const joined = await joinWithInvite(client, invites.delegate, profile(`D${index}`, `Org ${index % 20}`));
          members[index] = { client, token: joined.participantToken, handUp: false };
        });
        const rooms = Array.from({ length: 10 }, (_, index) => `Group ${index + 1}`);
        await command(chair, { type: 'breakouts.createSet', name: 'Soak', roomNames: rooms });
        const snapshot = await request(chair, Command.workshopSnapshot, {});
        const setId = snapshot.ok ? (snapshot.data.workshop.breakouts.sets[0]?.id ?? '') : '';

        await sleep(SETTLE_S * 1000);
        const baseline = { counts: await metrics(server.url), ...(await settledMemory(server.process, gcReport)) };

        const fresh = async (member: Member) => {
          member.client.disconnect();
          member.client = clients.add(await connectTo(server.url));
          await rejoin(member.client, member.token);
        };
        const actions: Array<(member: Member) => Promise<unknown>> = [
          fresh,
          async (member) => {
            const back = new Promise<void>((resolve) => member.client.once('connect', () => resolve()));
            member.client.io.engine.close();
            await back;
          },
          (member) =>
            request(member.client, Command.mediaCreateTransport, { direction: random.pick(['send', 'recv']) }),
          async (member) => {
            const answer = await request(
              member.client,
              Command.workshopCommand,
              member.handUp ? { type: 'queue.lowerHand' } : { type: 'queue.raiseHand', kind: 'new-point' },
            );
            if (answer.ok) member.handUp = !member.handUp;
          },
          (member) =>
            request(member.client, Command.workshopCommand, {
              type: 'chat.send',
              channel: { kind: 'room', roomId: 'plenary' },
              text: `soak ${random.int(0, 1e9)}`,
            }),
        ];

        const deadline = Date.now() + MINUTES * 60_000;
        const maxIterations = MINUTES * 60 * 20;
        let open = false;
        let cycledAt = Date.now();
        const timeouts: string[] = [];
        let performed = 0;
        for (let iteration = 0; Date.now() < deadline && iteration < maxIterations; iteration++) {
          performed += 1;
          const member = random.pick(members);
          // A refused command is fine here (a full transport quota, say); a connection that hangs is not.
          await random
            .pick(actions)(member)
            .catch((error: Error) => timeouts.push(error.message));
          if (Date.now() - cycledAt > BREAKOUT_CYCLE_MS) {
            cycledAt = Date.now();
            if (open) await command(chair, { type: 'breakouts.close' });
            else {
              await command(chair, { type: 'breakouts.autoAssign', setId, strategy: 'random', seed: iteration });
              await command(chair, { type: 'breakouts.open', setId, durationMs: 3_600_000 });
            }
            open = !open;
          }
          await sleep(random.int(10, 60));
        }
        expect(timeouts.slice(0, 10)).toEqual([]);

        // Back to the baseline's shape: breakouts closed, everyone connected afresh, without media.
        if (open) await command(chair, { type: 'breakouts.close' });
        await inParallel(members.length, 8, async (index) => fresh(members[index] as Member));
        const counts = ['workers', 'routers', 'transports', 'producers', 'consumers'].map(
          (kind) => `plenary_mediasoup_${kind}`,
        );
        const watched = [...counts, 'plenary_rooms_open', 'plenary_connections'];
        await eventually(async () => {
          const now = await metrics(server.url);
          for (const name of watched) {
            expect(now[name], name).toBe(baseline.counts[name]);
          }
        }, 30_000);
        await sleep(SETTLE_S * 1000);
        const { rss, heap } = await settledMemory(server.process, gcReport);
        const after = await metrics(server.url);
        // The figures, for the record (the long form runs rarely, and by hand).
        console.info(
          `soak: ${performed} actions over ${MINUTES} min, RSS ${baseline.rss} → ${rss} KiB,`,
          `heap + buffers ${Math.round(baseline.heap)} → ${Math.round(heap)} KiB;`,
          Object.fromEntries(watched.map((name) => [name, `${baseline.counts[name]} → ${after[name]}`])),
        );
        expect(Math.abs(rss - baseline.rss) / baseline.rss, `RSS ${baseline.rss} → ${rss} KiB`).toBeLessThanOrEqual(
          0.1,
        );
      } finally {
        clients.closeAll();
        server.process.kill('SIGKILL');
        await server.exited;
      }
    },
    (MINUTES * 60 + 2 * SETTLE_S + 600) * 1000,
  );
});
