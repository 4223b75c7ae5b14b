import { type Ack, Command, Fact, NOTES_FRAGMENT, type RoomId } from '@plenary/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindFacts } from '../../net/facts.ts';
import { ackChannel, createRequester } from '../../net/request.ts';
import { FakeSocket } from '../../testing/fakeSocket.ts';
import { FakeServer, settle } from '../../testing/fakes.ts';
import { NotesChannel } from './notesChannel.ts';
import { NotesSync } from './notesSync.ts';
import { takeBatch } from './updates.ts';

const ROOM = 'group-1' as RoomId;
const fast = { flushDelayMs: 0, awarenessThrottleMs: 0, retryDelayMs: 1 };

/** The server's side of one room's notes: stores before it acknowledges, relays to the others. */
class NotesHub {
  readonly doc = new Y.Doc();
  readonly stored: Uint8Array[] = [];
  readonly clients: Client[] = [];
  /** Set to lose the next acknowledgement: the update is stored, the connection drops before the ack. */
  dropBeforeAck: Client | null = null;

  text(): string {
    return this.doc.getText('notes').toString();
  }

  connect({ readOnly = false } = {}): Client {
    const server = new FakeServer();
    const socket = new FakeSocket(server);
    const channel = new NotesChannel();
    const client: Client = { server, socket, channel, opened: new Set(), awareness: [] };
    const request = createRequester(ackChannel(socket.socket));
    // What the session does: facts to the channel, the connection's ups and downs to `use`.
    bindFacts(socket.socket, (event) => {
      if (event.name === Fact.notesUpdated || event.name === Fact.notesAwarenessUpdated) channel.deliver(event);
    });
    socket.on('disconnect', () => {
      client.opened.clear();
      channel.use(null);
    });
    socket.on('connect', () => channel.use(request));
    server.on(Command.notesOpen, ({ roomId, stateVector }) => {
      client.opened.add(roomId as RoomId);
      return ok({
        update: Y.encodeStateAsUpdate(this.doc, stateVector as Uint8Array),
        stateVector: Y.encodeStateVector(this.doc),
        readOnly,
      });
    });
    server.on(Command.notesUpdate, ({ roomId, update }) => {
      if (readOnly) return { ok: false, error: { code: 'forbidden', message: 'observers read only' } };
      if (!client.opened.has(roomId as RoomId))
        return { ok: false, error: { code: 'conflict', message: 'open first' } };
      const bytes = update as Uint8Array;
      this.stored.push(bytes);
      Y.applyUpdate(this.doc, bytes);
      this.#relay(client, roomId as RoomId, Fact.notesUpdated, bytes);
      if (this.dropBeforeAck === client) {
        // The acknowledgement never arrives: what the client sees is the connection dropping.
        this.dropBeforeAck = null;
        socket.drop('transport close');
        return { ok: false, error: { code: 'internal', message: 'lost' } };
      }
      return ok({});
    });
    server.on(Command.notesAwareness, ({ roomId, update }) => {
      client.awareness.push(update as Uint8Array);
      this.#relay(client, roomId as RoomId, Fact.notesAwarenessUpdated, update as Uint8Array);
      return ok({});
    });
    server.on(Command.notesClose, ({ roomId }) => {
      client.opened.delete(roomId as RoomId);
      return ok({});
    });
    this.clients.push(client);
    socket.connect();
    return client;
  }

  #relay(
    from: Client,
    roomId: RoomId,
    fact: typeof Fact.notesUpdated | typeof Fact.notesAwarenessUpdated,
    data: Uint8Array,
  ) {
    for (const other of this.clients) {
      // Browsers receive binary as an ArrayBuffer.
      if (other !== from && other.socket.connected && other.opened.has(roomId)) {
        other.socket.fact(fact, { roomId, update: data.slice().buffer });
      }
    }
  }
}

interface Client {
  server: FakeServer;
  socket: FakeSocket;
  channel: NotesChannel;
  opened: Set<RoomId>;
  awareness: Uint8Array[];
}

const ok = <T>(data: T): Ack<T> => ({ ok: true, data });

const syncs: NotesSync[] = [];
function follow(client: Client, options = {}) {
  const sync = new NotesSync(ROOM, client.channel, { ...fast, ...options });
  syncs.push(sync);
  const release = sync.acquire({ name: 'Ana', color: '#ee6352' });
  return { sync, release, text: sync.doc.getText('notes') };
}

afterEach(() => {
  for (const sync of syncs.splice(0)) sync.destroy();
});

describe('NotesSync', () => {
  it('keeps two editors in step and calls nothing saved before the server stored it', async () => {
    const hub = new NotesHub();
    const ana = hub.connect();
    const ben = hub.connect();
    await settle();
    const a = follow(ana);
    const b = follow(ben);
    await settle();
    expect(a.sync.getStatus()).toMatchObject({ save: 'saved', loaded: true, readOnly: false });

    const release = ana.server.hold(Command.notesUpdate);
    a.text.insert(0, 'Challenges: funding. ');
    await settle();
    expect(a.sync.getStatus().label).toBe('saving');
    release();
    await settle();
    expect(a.sync.getStatus().label).toBe('saved');
    expect(b.text.toString()).toBe('Challenges: funding. ');
    b.text.insert(b.text.length, 'Trends: drought.');
    await settle();
    expect(a.text.toString()).toBe('Challenges: funding. Trends: drought.');
    expect(hub.text()).toBe(a.text.toString());
    // What came from the server is never sent back.
    expect(ana.server.sentOf(Command.notesUpdate)).toHaveLength(1);
    expect(ben.server.sentOf(Command.notesUpdate)).toHaveLength(1);
  });

  it('keeps what is typed offline and merges it on return, both ways', async () => {
    const hub = new NotesHub();
    const ana = hub.connect();
    const ben = hub.connect();
    await settle();
    const a = follow(ana);
    const b = follow(ben);
    await settle();
    a.text.insert(0, 'Agreed. ');
    await settle();

    ben.socket.drop('transport close');
    b.text.insert(b.text.length, 'Offline words. ');
    a.text.insert(a.text.length, 'Online words. ');
    await settle();
    expect(b.sync.getStatus().label).toBe('offlineKept');
    expect(b.sync.unsaved.length).toBeGreaterThan(0);

    ben.socket.reconnect();
    await settle();
    for (const text of [hub.text(), a.text.toString(), b.text.toString()]) {
      expect(text).toContain('Offline words. ');
      expect(text).toContain('Online words. ');
    }
    expect(b.text.toString()).toBe(a.text.toString());
    expect(b.sync.getStatus().label).toBe('saved');
    expect(b.sync.unsaved).toHaveLength(0);
  });

  it('sends again an update whose acknowledgement was lost, without doubling it', async () => {
    const hub = new NotesHub();
    const ana = hub.connect();
    await settle();
    const a = follow(ana);
    await settle();
    hub.dropBeforeAck = ana;
    a.text.insert(0, 'Stored but not acknowledged. ');
    await settle();
    expect(a.sync.unsaved.length).toBe(1);
    ana.socket.reconnect();
    await settle();
    expect(a.sync.unsaved).toHaveLength(0);
    expect(hub.text()).toBe('Stored but not acknowledged. ');
  });

  it('re-sends queued updates the server never got once the connection is back', async () => {
    const hub = new NotesHub();
    const ana = hub.connect();
    await settle();
    const a = follow(ana);
    await settle();
    ana.socket.drop('ping timeout');
    for (const word of ['one ', 'two ', 'three ']) a.text.insert(a.text.length, word);
    await settle();
    expect(hub.stored).toHaveLength(0);
    ana.socket.reconnect();
    await settle();
    expect(hub.text()).toBe('one two three ');
  });

  it('retries after the server asks to slow down', async () => {
    const hub = new NotesHub();
    const ana = hub.connect();
    await settle();
    const a = follow(ana);
    await settle();
    let refusals = 1;
    const real = hub.clients[0] as Client;
    const original = real.server.request;
    real.server.request = async (command, payload) => {
      if (command === Command.notesUpdate && refusals-- > 0) {
        return { ok: false, error: { code: 'rate_limited', message: 'slow down' } };
      }
      return original(command, payload);
    };
    a.text.insert(0, 'Patience.');
    await settle(40);
    expect(hub.text()).toBe('Patience.');
    expect(a.sync.getStatus().label).toBe('saved');
  });

  it('gives observers a read-only copy and sends nothing for them', async () => {
    const hub = new NotesHub();
    const writer = follow(hub.connect());
    const olga = hub.connect({ readOnly: true });
    await settle();
    writer.text.insert(0, 'Minutes.');
    await settle();
    const o = follow(olga);
    await settle();
    expect(o.text.toString()).toBe('Minutes.');
    expect(o.sync.getStatus()).toMatchObject({ readOnly: true, label: 'readOnly' });
    expect(olga.server.sentOf(Command.notesUpdate)).toHaveLength(0);
  });

  it('shows who else is here, and drops the cursor when the editor closes', async () => {
    const hub = new NotesHub();
    const ana = hub.connect();
    const ben = hub.connect();
    await settle();
    const a = follow(ana);
    const b = follow(ben);
    await settle();
    const seenByBen = () => [...b.sync.awareness.getStates().values()].map((state) => state.user?.name);
    expect(seenByBen()).toContain('Ana');
    a.release();
    await settle();
    expect(b.sync.awareness.getStates().has(a.sync.doc.clientID)).toBe(false);
    expect(ana.server.sentOf(Command.notesClose)).toEqual([{ roomId: ROOM }]);
  });

  it('closes only after everything typed is stored', async () => {
    const hub = new NotesHub();
    const ana = hub.connect();
    await settle();
    const a = follow(ana);
    await settle();
    const release = ana.server.hold(Command.notesUpdate);
    a.text.insert(0, 'Last words.');
    await settle();
    a.release();
    await settle();
    expect(ana.server.sentOf(Command.notesClose)).toHaveLength(0);
    release();
    await settle();
    expect(hub.text()).toBe('Last words.');
    expect(ana.server.sentOf(Command.notesClose)).toHaveLength(1);
  });

  it('sends words kept from an earlier visit as soon as it can', async () => {
    const earlier = new Y.Doc();
    const kept: Uint8Array[] = [];
    earlier.on('update', (update: Uint8Array) => kept.push(update));
    earlier.getXmlFragment(NOTES_FRAGMENT).insert(0, [new Y.XmlText('typed before a reload')]);
    const hub = new NotesHub();
    const ana = hub.connect();
    await settle();
    const unsaved: number[] = [];
    const sync = new NotesSync(ROOM, ana.channel, {
      ...fast,
      restore: Y.mergeUpdates(kept),
      onUnsaved: (updates) => unsaved.push(updates.length),
    });
    syncs.push(sync);
    await settle();
    expect(hub.doc.getXmlFragment(NOTES_FRAGMENT).toString()).toContain('typed before a reload');
    expect(unsaved.at(-1)).toBe(0);
    // Nobody has the editor open: it doesn't keep following the room.
    expect(ana.server.sentOf(Command.notesClose)).toHaveLength(1);
  });
});

describe('takeBatch', () => {
  const update = (size: number) => new Uint8Array(size);
  it('takes the oldest updates that fit together, and always at least one', () => {
    const queue = [update(10), update(20), update(30)];
    expect(takeBatch(queue, 35)).toHaveLength(2);
    expect(takeBatch(queue, 5)).toHaveLength(1);
    expect(takeBatch(queue, 100, 1)).toHaveLength(1);
  });
});
