import { type Binary, Command, Fact, type RoomId } from '@plenary/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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
  type ServerProcess,
  spawnServerProcess,
  startTestServer,
  type TestClient,
  type TestServer,
} from './harness.ts';

const plenary = 'plenary' as RoomId;
const bytes = (data: Binary) => (data instanceof Uint8Array ? data : new Uint8Array(data));

/** A client's side of a room's notes: a Y.Doc kept in sync over the socket. */
async function follow(client: TestClient, roomId: RoomId, doc = new Y.Doc()) {
  client.on(Fact.notesUpdated, (fact) => {
    if (fact.roomId === roomId) Y.applyUpdate(doc, bytes(fact.update), 'server');
  });
  const opened = await request(client, Command.notesOpen, { roomId, stateVector: Y.encodeStateVector(doc) });
  if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.message}`);
  Y.applyUpdate(doc, bytes(opened.data.update), 'server');
  const missing = Y.encodeStateAsUpdate(doc, bytes(opened.data.stateVector));
  if (missing.byteLength > 2) await request(client, Command.notesUpdate, { roomId, update: missing });
  return { doc, text: doc.getText('notes'), readOnly: opened.data.readOnly };
}

/** Types into the document and sends the update; resolves with the ack. */
function type(client: TestClient, roomId: RoomId, doc: Y.Doc, words: string) {
  const text = doc.getText('notes');
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array, origin: unknown) => {
    if (origin !== 'server') update = u;
  };
  doc.once('update', capture);
  text.insert(text.length, words);
  if (!update) throw new Error('no update');
  return request(client, Command.notesUpdate, { roomId, update });
}

describe('collaborative notes', () => {
  let server: TestServer;
  afterEach(async () => {
    await server?.close();
  });

  it('syncs two editors, merges offline edits on return, and guards who may read and write', async () => {
    server = await startTestServer();
    const { invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
    const ana = await server.connect();
    const ben = await server.connect();
    await joinWithInvite(ana, invites.rapporteur, profile('Ana', 'Fiji'));
    const benJoin = await joinWithInvite(ben, invites.delegate, profile('Ben', 'Samoa'));
    const anaNotes = await follow(ana, plenary);
    const benNotes = await follow(ben, plenary);
    expect(await type(ana, plenary, anaNotes.doc, 'Challenges: funding. ')).toEqual({ ok: true, data: {} });
    await eventually(() => expect(benNotes.text.toString()).toBe('Challenges: funding. '));

    // Ben drops off, both keep typing, Ben comes back: nothing is lost on either side.
    ben.disconnect();
    await type(ana, plenary, anaNotes.doc, 'Solutions: shared data. ');
    benNotes.text.insert(benNotes.text.length, 'Trends: drought. ');
    const benAgain = await server.connect();
    await rejoin(benAgain, benJoin.participantToken);
    const back = await follow(benAgain, plenary, benNotes.doc);
    await eventually(() => expect(anaNotes.text.toString()).toContain('Trends: drought.'));
    expect(back.text.toString()).toContain('Solutions: shared data.');
    expect(back.text.toString()).toBe(anaNotes.text.toString());

    // Bad input and other rooms
    const garbage = await request(ana, Command.notesUpdate, { roomId: plenary, update: new Uint8Array([1, 2, 3]) });
    expect(garbage).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const unknownRoom = await request(ana, Command.notesOpen, {
      roomId: 'nowhere' as RoomId,
      stateVector: new Uint8Array([0]),
    });
    expect(unknownRoom).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const observer = await server.connect();
    await joinWithInvite(observer, invites.observer, profile('Olga', 'Press'));
    const watched = await follow(observer, plenary);
    expect(watched.readOnly).toBe(true);
    expect(watched.text.toString()).toBe(anaNotes.text.toString());
    expect(await type(observer, plenary, watched.doc, 'graffiti')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('keeps a breakout room’s notes from people in another room', async () => {
    server = await startTestServer();
    const { invites, workshopId } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
    const chair = await server.connect();
    await joinWithInvite(chair, invites.facilitator, profile('Chair'));
    const ana = await server.connect();
    const anaJoin = await joinWithInvite(ana, invites.delegate, profile('Ana', 'Fiji'));
    await command(chair, { type: 'breakouts.createSet', name: 'Groups', roomNames: ['One', 'Two'] });
    const set = (await server.app.workshops.get(workshopId))?.state.breakouts.sets[0];
    const [one, two] = set?.rooms ?? [];
    if (!set || !one || !two) throw new Error('no rooms');
    await command(chair, { type: 'breakouts.assign', setId: set.id, participantId: anaJoin.self.id, roomId: one.id });
    expect((await follow(ana, one.id)).readOnly).toBe(false);
    const elsewhere = await request(ana, Command.notesOpen, { roomId: two.id, stateVector: new Uint8Array([0]) });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // the facilitator reads every room
    expect((await follow(chair, two.id)).readOnly).toBe(false);
  });
});

describe('a server killed mid-typing', () => {
  const running: ServerProcess[] = [];
  afterEach(async () => {
    for (const server of running) server.process.kill('SIGKILL');
    await Promise.all(running.map((server) => server.exited));
    running.length = 0;
  });

  it('has every acknowledged keystroke after it restarts', async () => {
    const dataDir = newDataDir();
    const first = await spawnServerProcess(dataDir);
    running.push(first);
    const { invites } = await createWorkshop(first.url, { settings: { lobbyEnabled: false } });
    const client = await connectTo(first.url);
    const joined = await joinWithInvite(client, invites.rapporteur, profile('Ana'));
    const notes = await follow(client, plenary);
    const acknowledged: string[] = [];
    const typing = (async () => {
      for (let index = 0; index < 2_000; index++) {
        const word = `w${index} `;
        const answer = await type(client, plenary, notes.doc, word).catch(() => null);
        if (!answer?.ok) return;
        acknowledged.push(word);
      }
    })();
    await eventually(() => expect(acknowledged.length).toBeGreaterThan(40), 10_000);
    first.process.kill('SIGKILL');
    await typing;
    client.disconnect();

    const second = await spawnServerProcess(dataDir);
    running.push(second);
    const reader = await connectTo(second.url);
    await rejoin(reader, joined.participantToken);
    const restored = (await follow(reader, plenary)).text.toString();
    for (const word of acknowledged) expect(restored).toContain(word);
    reader.disconnect();
  });
});
