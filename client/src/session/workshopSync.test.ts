import { Command, Fact, type RoomChanged } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { englishNotices } from '../testing/english.ts';
import { mid, peer, pid, producerInfo, settle } from '../testing/fakes.ts';
import { joinedRoom } from '../testing/session.ts';
import {
  change,
  chatMessage,
  inLobby,
  inPlenary,
  PLENARY,
  participantToken,
  rid,
  roomEntry,
  WORKSHOP_ID,
  workshopView,
} from '../testing/workshop.ts';

const breakout = rid('room-1');
const toBreakout: RoomChanged = {
  whereabouts: { location: { kind: 'breakout', roomId: breakout, setId: 's1' }, visiting: null },
  room: roomEntry(breakout, [peer('dee', 'Dee', 5)], [producerInfo('dee-mic', 'dee', 'mic')]),
};

describe('WorkshopSession: workshop changes', () => {
  it('applies changes in revision order and ignores ones it already has', async () => {
    const { socket, store, server } = await joinedRoom();
    socket.fact(Fact.workshopChanged, change(11, { title: 'Day one' }));
    socket.fact(Fact.workshopChanged, change(11, { title: 'Replayed' }));
    socket.fact(Fact.workshopChanged, change(12, {}, [chatMessage('m1', PLENARY, 'Welcome')]));
    expect(store.getState().workshop).toMatchObject({ revision: 12, title: 'Day one' });
    expect(store.getState().workshop?.chat[`room:${PLENARY}`]?.map((m) => m.text)).toEqual(['Welcome']);
    expect(server.sentOf(Command.workshopSnapshot)).toHaveLength(0);
  });

  it('asks for a snapshot on a gap, then replays what arrived meanwhile on top of it', async () => {
    const { socket, store, server } = await joinedRoom();
    server.workshop = workshopView([server.self], { revision: 14, title: 'From the snapshot' });
    const release = server.hold(Command.workshopSnapshot);
    socket.fact(Fact.workshopChanged, change(13, { title: 'Skipped ahead' }));
    await settle();
    expect(server.sentOf(Command.workshopSnapshot)).toEqual([{}]);
    expect(store.getState().workshop?.revision).toBe(10);
    // While the snapshot is on its way: one it will already include, one after it.
    socket.fact(Fact.workshopChanged, change(14, { title: 'Included in the snapshot' }));
    socket.fact(Fact.workshopChanged, change(15, { title: 'After the snapshot' }));
    release();
    await settle();
    expect(store.getState().workshop).toMatchObject({ revision: 15, title: 'After the snapshot' });
    expect(server.sentOf(Command.workshopSnapshot)).toHaveLength(1);
  });

  it('asks for a snapshot when a change doesn’t fit the view it has, and applies nothing of it', async () => {
    const { socket, store, server } = await joinedRoom();
    server.workshop = workshopView([server.self], { revision: 11, title: 'From the snapshot' });
    socket.fact(
      Fact.workshopChanged,
      change(11, { title: 'Misfit' }, [], { breakouts: { open: null, sets: ['nope'] } }),
    );
    await settle();
    expect(server.sentOf(Command.workshopSnapshot)).toEqual([{}]);
    expect(store.getState().workshop).toMatchObject({ revision: 11, title: 'From the snapshot' });
  });

  it('keeps the media room as it is when a snapshot arrives', async () => {
    const { socket, store, server } = await joinedRoom();
    const peers = store.getState().peers;
    server.workshop = workshopView([server.self], { revision: 20 });
    socket.fact(Fact.workshopChanged, change(15));
    await settle();
    expect(store.getState().workshop?.revision).toBe(20);
    expect(store.getState().peers).toBe(peers);
  });
});

describe('WorkshopSession: moving between rooms', () => {
  it('tears media down and builds it again in the new room, without leaving the workshop', async () => {
    const { socket, store, server, tracks } = await joinedRoom();
    expect(tracks.get(pid('bob'), 'mic')).toBeDefined();
    const transportsBefore = server.sentOf(Command.mediaCreateTransport).length;
    server.addRemoteProducer(producerInfo('dee-mic', 'dee', 'mic'));
    socket.fact(Fact.roomChanged, toBreakout);
    // The old room is gone at once: no tiles or sound of people we no longer share a room with.
    expect(tracks.get(pid('bob'), 'mic')).toBeUndefined();
    expect(store.getState()).toMatchObject({ phase: 'in', roomId: breakout });
    expect(Object.keys(store.getState().peers).sort()).toEqual(['dee', 'me']);
    await settle(40);
    expect(server.sentOf(Command.mediaCreateTransport).length).toBe(transportsBefore + 2);
    expect(server.sentOf(Command.mediaConsume).map((c) => c.producerId)).toContain('dee-mic');
    expect(tracks.get(pid('dee'), 'mic')).toBeDefined();
    expect(store.getState().localMedia).toEqual({ mic: 'live', camera: 'live' });
    expect(server.sentOf(Command.sessionJoin)).toHaveLength(1);
  });

  it('keeps the mute across a move', async () => {
    const { socket, store, session, server } = await joinedRoom();
    await session.toggleMic();
    socket.fact(Fact.roomChanged, toBreakout);
    await settle(40);
    expect(store.getState().localMedia.mic).toBe('paused');
    expect(server.sentOf(Command.mediaSetProducerPaused).at(-1)?.paused).toBe(true);
  });

  it('receives producers of the new room announced while its media is still being built', async () => {
    const { socket, server, tracks } = await joinedRoom();
    const release = server.hold(Command.mediaCreateTransport);
    socket.fact(Fact.roomChanged, { ...toBreakout, room: roomEntry(breakout) });
    server.addRemoteProducer(producerInfo('eve-cam', 'eve', 'camera'));
    socket.fact(Fact.peerJoined, { peers: [peer('eve', 'Eve', 9)] });
    socket.fact(Fact.producerAdded, producerInfo('eve-cam', 'eve', 'camera'));
    release();
    await settle(40);
    expect(server.sentOf(Command.mediaConsume).filter((c) => c.producerId === mid('eve-cam'))).toHaveLength(1);
    expect(tracks.get(pid('eve'), 'camera')).toBeDefined();
  });

  it('drops all media when sent back to the lobby, and builds it when admitted', async () => {
    const { socket, store, server, tracks } = await joinedRoom();
    socket.fact(Fact.roomChanged, { whereabouts: inLobby, room: null });
    await settle();
    expect(store.getState()).toMatchObject({ roomId: null, peers: {}, localMedia: { mic: 'off', camera: 'off' } });
    expect(tracks.get(pid('me'), 'camera')).toBeUndefined();
    const transports = server.sentOf(Command.mediaCreateTransport).length;
    socket.fact(Fact.roomChanged, { whereabouts: inPlenary, room: roomEntry(PLENARY, [peer('bob', 'Bob', 10)]) });
    await settle(40);
    expect(server.sentOf(Command.mediaCreateTransport).length).toBe(transports + 2);
    expect(store.getState().localMedia).toEqual({ mic: 'live', camera: 'live' });
  });
});

describe('WorkshopSession: connection', () => {
  it('joins again with the participant token after a reconnect the server did not recover', async () => {
    const { server, socket, store } = await joinedRoom();
    socket.drop('transport close');
    expect(store.getState().link).toBe('reconnecting');
    expect(store.getState().notices.some((notice) => notice.topic === 'connection')).toBe(true);
    socket.reconnect();
    await settle(40);
    const joins = server.sentOf(Command.sessionJoin);
    expect(joins).toHaveLength(2);
    expect(joins[1]?.credential).toEqual({ kind: 'participant', token: participantToken('me') });
    expect(store.getState().link).toBe('online');
    expect(store.getState().localMedia).toEqual({ mic: 'live', camera: 'live' });
    expect(server.sentOf(Command.mediaCreateTransport)).toHaveLength(4);
  });

  it('waits for the room to be handed back after a recovered reconnect, without joining again', async () => {
    const { server, socket, store, tracks } = await joinedRoom();
    socket.drop('transport close');
    expect(tracks.get(pid('bob'), 'mic')).toBeUndefined();
    socket.reconnect({ recovered: true });
    await settle();
    expect(server.sentOf(Command.sessionJoin)).toHaveLength(1);
    expect(store.getState().link).toBe('online');
    // Missed facts are replayed by socket.io; the server puts us back in our room.
    socket.fact(Fact.workshopChanged, change(11, { title: 'Missed while away' }));
    socket.fact(Fact.roomChanged, { whereabouts: inPlenary, room: roomEntry(PLENARY, [peer('bob', 'Bob', 10)], []) });
    server.addRemoteProducer(producerInfo('bob-mic', 'bob', 'mic'));
    socket.fact(Fact.producerAdded, producerInfo('bob-mic', 'bob', 'mic'));
    await settle(40);
    expect(store.getState().workshop?.title).toBe('Missed while away');
    expect(tracks.get(pid('bob'), 'mic')).toBeDefined();
    expect(server.sentOf(Command.mediaCreateTransport)).toHaveLength(4);
  });

  it('goes out, forgetting the token, when the rejoin is refused because the workshop forgot us', async () => {
    const { server, socket, store, credentials } = await joinedRoom();
    socket.drop('transport close');
    server.on(Command.sessionJoin, () => ({ ok: false, error: { code: 'not_found', message: 'no longer known' } }));
    socket.reconnect();
    await settle();
    expect(store.getState().phase).toBe('out');
    expect(englishNotices(store.getState().notices)).toEqual([
      {
        topic: 'join',
        tone: 'alert',
        text: 'You could not join the workshop. That is no longer there. Server: no longer known',
      },
    ]);
    expect(credentials.participantToken(WORKSHOP_ID)).toBeNull();
  });

  it('goes out when the server ends the session', async () => {
    const { socket, store } = await joinedRoom();
    socket.drop('io server disconnect');
    expect(store.getState().phase).toBe('out');
    expect(englishNotices(store.getState().notices)[0]?.text).toMatch(/^The server ended your session/);
  });
});
