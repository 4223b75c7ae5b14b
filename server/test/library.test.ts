import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Fact, libraryFilePath, libraryUploadPath, type WorkshopChange } from '@plenary/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  command,
  createWorkshop,
  eventually,
  joinWithInvite,
  newDataDir,
  profile,
  startTestServer,
  type TestServer,
} from './harness.ts';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n');
let server: TestServer;
let dataDir: string;
beforeEach(async () => {
  dataDir = newDataDir();
  server = await startTestServer({ maxUploadBytes: 2_000 }, dataDir);
});
afterEach(async () => {
  await server.close();
});

const stored = () => readdirSync(join(dataDir, 'files')).filter((name) => name !== 'incoming');
const incoming = () => readdirSync(join(dataDir, 'files', 'incoming'));

async function setUp() {
  const { invites, workshopId } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
  const chair = await server.connect();
  const chairJoin = await joinWithInvite(chair, invites.facilitator, profile('Chair'));
  const ana = await server.connect();
  const anaJoin = await joinWithInvite(ana, invites.delegate, profile('Ana', 'Fiji'));
  const upload = (token: string, body: Buffer, name = 'deck.pdf', scope?: string) =>
    fetch(`${server.url}${libraryUploadPath(workshopId, name, scope)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body,
    });
  const download = (token: string | null, itemId: string) =>
    fetch(`${server.url}${libraryFilePath(workshopId, itemId)}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  return { workshopId, chair, chairJoin, ana, anaJoin, upload, download };
}

describe('the resource library', () => {
  it('stores a chair’s upload, shows it to everyone, and serves it back to participants only', async () => {
    const { ana, chairJoin, anaJoin, upload, download } = await setUp();
    const seen: WorkshopChange[] = [];
    ana.on(Fact.workshopChanged, (change) => seen.push(change));
    const response = await upload(chairJoin.participantToken, pdf, '../../Day 1 deck.PDF');
    expect(response.status).toBe(201);
    const { libraryItem } = (await response.json()) as { libraryItem: { id: string; name: string; type: string } };
    expect(libraryItem).toMatchObject({ name: 'Day 1 deck.pdf', type: 'pdf' });
    await eventually(() => expect(seen.at(-1)?.slices.library?.map((item) => item.id)).toEqual([libraryItem.id]));

    const file = await download(anaJoin.participantToken, libraryItem.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await download(null, libraryItem.id)).status).toBe(403);
    expect((await download(anaJoin.participantToken, 'doc999')).status).toBe(404);
  });

  it('leaves no file and no record for a refused upload', async () => {
    const { upload, chairJoin, anaJoin, workshopId } = await setUp();
    const revision = (await server.app.workshops.get(workshopId))?.state.revision;
    const refusals = [
      [await upload(anaJoin.participantToken, pdf), 403],
      [await upload(chairJoin.participantToken, Buffer.concat([pdf, Buffer.alloc(3_000)])), 413],
      [
        await upload(chairJoin.participantToken, Buffer.from('<html><script>alert(1)</script></html>'), 'deck.pdf'),
        415,
      ],
      [await upload(chairJoin.participantToken, pdf, 'deck.pdf', 'room:atlantis'), 404],
      [await upload(chairJoin.participantToken, pdf, 'deck.pdf', 'galaxy'), 400],
      [await upload('forged', pdf), 403],
    ] as const;
    for (const [response, status] of refusals) {
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect(incoming()).toEqual([]);
    expect((await server.app.workshops.get(workshopId))?.state.revision).toBe(revision);
    expect((await server.app.workshops.get(workshopId))?.state.library).toEqual([]);
    expect(stored()).toEqual([]);
  });

  it('keeps a room’s documents for those who may see the room', async () => {
    const { chair, chairJoin, anaJoin, upload, download, workshopId } = await setUp();
    await command(chair, { type: 'breakouts.createSet', name: 'Groups', roomNames: ['North', 'South'] });
    const set = (await server.app.workshops.get(workshopId))?.state.breakouts.sets[0];
    const [north, south] = set?.rooms ?? [];
    if (!set || !north || !south) throw new Error('no rooms');
    await command(chair, { type: 'breakouts.assign', setId: set.id, participantId: anaJoin.self.id, roomId: north.id });
    const sheet = await upload(chairJoin.participantToken, pdf, 'task.pdf', `room:${south.id}`);
    const { libraryItem } = (await sheet.json()) as { libraryItem: { id: string } };
    expect((await download(anaJoin.participantToken, libraryItem.id)).status).toBe(403);
    expect((await download(chairJoin.participantToken, libraryItem.id)).status).toBe(200);
  });

  it('lets the person holding the deck upload and turn pages that everyone follows', async () => {
    const { chair, ana, chairJoin, anaJoin, upload } = await setUp();
    const { libraryItem } = (await (await upload(chairJoin.participantToken, pdf)).json()) as {
      libraryItem: { id: string };
    };
    await command(chair, { type: 'presentation.start', libraryItemId: libraryItem.id, presenterId: anaJoin.self.id });
    expect((await upload(anaJoin.participantToken, pdf, 'my-slides.pdf')).status).toBe(201);
    const pages: number[] = [];
    chair.on(Fact.workshopChanged, (change) => {
      if (change.slices.presentation) pages.push(change.slices.presentation.page);
    });
    await command(ana, { type: 'presentation.turnPage', page: 2 });
    await command(ana, { type: 'presentation.turnPage', page: 3 });
    await eventually(() => expect(pages).toEqual([2, 3]));
  });
});
