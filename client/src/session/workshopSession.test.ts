import { Command, Fact, PROTOCOL_VERSION } from '@plenary/shared';
import { testFakeParameters } from 'mediasoup-client';
import { describe, expect, it } from 'vitest';
import { englishNotices } from '../testing/english.ts';
import { mid, peer, pid, producerInfo, settle } from '../testing/fakes.ts';
import { grantEverything, invite, joinedRoom, setup } from '../testing/session.ts';
import { participant, participantToken, WORKSHOP_ID } from '../testing/workshop.ts';

const me = pid('me');
const bob = pid('bob');

describe('WorkshopSession: joining', () => {
  it('joins with the protocol version and the invite, shows the room, receives and sends media', async () => {
    const { server, store, tracks } = await joinedRoom();
    expect(server.sentOf(Command.sessionJoin)).toEqual([{ protocolVersion: PROTOCOL_VERSION, credential: invite }]);
    const state = store.getState();
    expect(state).toMatchObject({ phase: 'in', selfId: 'me', workshopId: WORKSHOP_ID });
    expect(state.workshop?.title).toBe('Regional training');
    expect(Object.keys(state.peers).sort()).toEqual(['bob', 'me']);
    expect(state.localMedia).toEqual({ mic: 'live', camera: 'live' });
    const consumed = server.sentOf(Command.mediaConsume).map((c) => c.producerId);
    expect(consumed.sort()).toEqual(['bob-cam', 'bob-mic']);
    expect(server.sentOf(Command.mediaResumeConsumer)).toHaveLength(2);
    const produced = server.sentOf(Command.mediaProduce).map((p) => p.source);
    expect(produced.sort()).toEqual(['camera', 'mic']);
    expect(tracks.get(bob, 'mic')?.kind).toBe('audio');
    expect(tracks.get(me, 'camera')?.kind).toBe('video');
  });

  it('keeps the participant token for this workshop, to come back as the same person', async () => {
    const { credentials } = await joinedRoom();
    expect(credentials.participantToken(WORKSHOP_ID)).toBe(participantToken('me'));
  });

  it('waits in the lobby without media when the join answer has no room', async () => {
    const { server, store } = await joinedRoom({
      configure: (s) => {
        s.roomId = null;
        s.whereabouts = { location: { kind: 'lobby' }, visiting: null };
      },
    });
    expect(store.getState()).toMatchObject({ phase: 'in', roomId: null, peers: {} });
    expect(server.sentOf(Command.mediaCreateTransport)).toHaveLength(0);
  });

  it("shows the server's refusal and closes the socket", async () => {
    const { socket, store, session, ended } = setup({
      configure: (server) =>
        server.on(Command.sessionJoin, () => ({
          ok: false,
          error: { code: 'incompatible_protocol', message: 'This page is out of date. Reload it.' },
        })),
    });
    expect(await session.join(invite, WORKSHOP_ID)).toMatchObject({ ok: false, code: 'incompatible_protocol' });
    expect(store.getState().phase).toBe('out');
    expect(englishNotices(store.getState().notices)).toEqual([
      {
        topic: 'join',
        tone: 'alert',
        text: 'You could not join the workshop. This page is out of date. Reload it. Server: This page is out of date. Reload it.',
      },
    ]);
    expect(socket.connected).toBe(false);
    expect(socket.listenerCount(Fact.peerJoined)).toBe(0);
    expect(ended()).toBe(1);
  });

  it('says so when the server cannot be reached', async () => {
    const { socket, store, session, server } = setup();
    socket.unreachable = true;
    expect(await session.join(invite, WORKSHOP_ID)).toMatchObject({ ok: false, code: 'unreachable' });
    expect(englishNotices(store.getState().notices)[0]?.text).toMatch(/Cannot reach the Plenary server/);
    expect(server.sent).toHaveLength(0);
  });

  it('applies facts that arrive before the join answer after the snapshot, not before', async () => {
    const { server, socket, store, session } = setup();
    const release = server.hold(Command.sessionJoin);
    const joining = session.join(invite, WORKSHOP_ID);
    await settle();
    server.addRemoteProducer(producerInfo('cy-mic', 'cy', 'mic'));
    socket.fact(Fact.peerJoined, { peers: [peer('cy', 'Cy', 40)] });
    socket.fact(Fact.producerAdded, producerInfo('cy-mic', 'cy', 'mic'));
    socket.fact(Fact.workshopChanged, { revision: 11, slices: { title: 'Renamed' }, patches: {}, chat: [] });
    release();
    await joining;
    await settle();
    expect(Object.keys(store.getState().peers).sort()).toEqual(['bob', 'cy', 'me']);
    expect(server.sentOf(Command.mediaConsume).map((c) => c.producerId)).toContain('cy-mic');
    expect(store.getState().workshop).toMatchObject({ revision: 11, title: 'Renamed' });
  });

  it('joins without media and says why when the devices are refused', async () => {
    const { store, server } = await joinedRoom({
      acquire: async () => ({ tracks: {}, problem: { key: 'devices.blocked_both' } }),
    });
    expect(store.getState().localMedia).toEqual({ mic: 'off', camera: 'off' });
    expect(store.getState().notices).toContainEqual({
      topic: 'devices',
      tone: 'alert',
      message: { key: 'devices.blocked_both' },
    });
    expect(server.sentOf(Command.mediaProduce)).toHaveLength(0);
    // Receiving does not depend on our devices.
    expect(server.sentOf(Command.mediaConsume)).toHaveLength(2);
  });
});

describe('WorkshopSession: media facts', () => {
  it('receives a newcomer, shows their mute, and drops them when they leave', async () => {
    const { server, socket, store, tracks } = await joinedRoom();
    server.addRemoteProducer(producerInfo('cy-mic', 'cy', 'mic'));
    socket.fact(Fact.peerJoined, { peers: [peer('cy', 'Cy', 40)] });
    socket.fact(Fact.producerAdded, producerInfo('cy-mic', 'cy', 'mic'));
    await settle();
    expect(tracks.get(pid('cy'), 'mic')).toBeDefined();

    socket.fact(Fact.producerPausedChanged, { producerId: mid('cy-mic'), paused: true });
    expect(store.getState().producers['cy-mic']?.paused).toBe(true);

    socket.fact(Fact.peerLeft, { participantIds: [pid('cy')] });
    expect(store.getState().peers.cy).toBeUndefined();
    expect(tracks.get(pid('cy'), 'mic')).toBeUndefined();
  });

  it('stops receiving a producer that closed', async () => {
    const { socket, store, tracks } = await joinedRoom();
    socket.fact(Fact.producerClosed, { producerId: mid('bob-cam') });
    expect(store.getState().producers['bob-cam']).toBeUndefined();
    expect(tracks.get(bob, 'camera')).toBeUndefined();
    expect(tracks.get(bob, 'mic')).toBeDefined();
  });

  it('rebuilds media when the server asks, keeping the person muted', async () => {
    const { server, socket, store, session } = await joinedRoom();
    await session.toggleMic();
    const before = server.sentOf(Command.mediaCreateTransport).length;
    socket.fact(Fact.mediaReconnectRequired, {
      reason: 'worker restarted',
      routerRtpCapabilities: testFakeParameters.generateRouterRtpCapabilities(),
    });
    await settle(40);
    expect(server.sentOf(Command.mediaCreateTransport).length).toBe(before + 2);
    // Bob's old producers died with the router; his new ones arrive as facts and are received.
    socket.fact(Fact.producerAdded, producerInfo('bob-mic', 'bob', 'mic'));
    await settle();
    expect(server.sentOf(Command.mediaConsume)).toHaveLength(3);
    expect(store.getState().localMedia).toEqual({ mic: 'paused', camera: 'live' });
    expect(server.sentOf(Command.mediaSetProducerPaused).at(-1)?.paused).toBe(true);
    expect(store.getState().notices.some((notice) => notice.topic === 'media')).toBe(false);
  });

  it('follows a chair who muted us, and says who it was', async () => {
    const { server, socket, store } = await joinedRoom({
      configure: (s) => {
        s.workshop.participants[pid('chair')] = participant('chair', { name: 'Fatima', role: 'facilitator' });
      },
    });
    socket.fact(Fact.moderated, { action: 'mute', by: pid('chair') });
    await settle();
    expect(store.getState().localMedia.mic).toBe('paused');
    expect(server.sentOf(Command.mediaSetProducerPaused).at(-1)?.paused).toBe(true);
    expect(englishNotices(store.getState().notices)).toContainEqual({
      topic: 'moderation',
      tone: 'alert',
      text: 'Fatima muted your microphone.',
    });
  });
});

describe('WorkshopSession: controls', () => {
  it('mutes and unmutes the mic', async () => {
    const { server, store, session } = await joinedRoom();
    await session.toggleMic();
    expect(store.getState().localMedia.mic).toBe('paused');
    await session.toggleMic();
    expect(store.getState().localMedia.mic).toBe('live');
    expect(server.sentOf(Command.mediaSetProducerPaused).map((p) => p.paused)).toEqual([true, false]);
  });

  it('stays muted, in the room and after a media rebuild, when the server refuses the unmute', async () => {
    const { server, socket, store, session } = await joinedRoom();
    await session.toggleMic();
    server.on(Command.mediaSetProducerPaused, () => ({ ok: false, error: { code: 'internal', message: 'busy' } }));
    await session.toggleMic();
    expect(store.getState().localMedia.mic).toBe('paused');
    expect(englishNotices(store.getState().notices)).toContainEqual({
      topic: 'media',
      tone: 'alert',
      text: 'Could not unmute: busy',
    });
    server.on(Command.mediaSetProducerPaused, () => ({ ok: true, data: {} }));
    socket.fact(Fact.mediaReconnectRequired, {
      reason: 'worker restarted',
      routerRtpCapabilities: testFakeParameters.generateRouterRtpCapabilities(),
    });
    await settle(40);
    expect(store.getState().localMedia.mic).toBe('paused');
  });

  it('stops the camera by closing its producer, and starts it with a new one', async () => {
    const { server, store, session, tracks } = await joinedRoom();
    await session.toggleCamera();
    expect(store.getState().localMedia.camera).toBe('off');
    expect(server.sentOf(Command.mediaCloseProducer)).toHaveLength(1);
    expect(tracks.get(me, 'camera')).toBeUndefined();

    await session.toggleCamera();
    expect(store.getState().localMedia.camera).toBe('live');
    expect(server.sentOf(Command.mediaProduce).filter((p) => p.source === 'camera')).toHaveLength(2);
    expect(tracks.get(me, 'camera')).toBeDefined();
  });

  it('asks for the microphone again when unmuting a mic that never started', async () => {
    let allowMic = false;
    const { store, session, server } = await joinedRoom({
      acquire: async (want) =>
        allowMic ? grantEverything(want) : { tracks: {}, problem: { key: 'devices.blocked_mic' as const } },
    });
    expect(store.getState().localMedia.mic).toBe('off');
    allowMic = true;
    await session.toggleMic();
    expect(store.getState().localMedia.mic).toBe('live');
    expect(server.sentOf(Command.mediaProduce).map((p) => p.source)).toEqual(['mic']);
    expect(store.getState().notices.some((notice) => notice.topic === 'devices')).toBe(false);
  });

  it('sends workshop commands as they are and applies nothing until the server says so', async () => {
    const { server, session, store } = await joinedRoom();
    const before = store.getState().workshop;
    expect(await session.command({ type: 'queue.raiseHand', kind: 'direct-reply' })).toEqual({
      ok: true,
      data: { revision: 11 },
    });
    expect(server.sentOf(Command.workshopCommand)).toEqual([{ type: 'queue.raiseHand', kind: 'direct-reply' }]);
    expect(store.getState().workshop).toBe(before);
  });

  it('leaves: tells the server, releases media, goes out keeping the page', async () => {
    const { server, socket, store, session, tracks, ended } = await joinedRoom();
    await session.leave();
    expect(server.sentOf(Command.sessionLeave)).toEqual([{}]);
    expect(store.getState()).toMatchObject({ phase: 'out', peers: {}, selfId: null, workshop: null });
    expect(tracks.get(bob, 'mic')).toBeUndefined();
    expect(tracks.get(me, 'camera')).toBeUndefined();
    expect(socket.connected).toBe(false);
    expect(ended()).toBe(1);
    // Facts from a session that is over change nothing.
    socket.fact(Fact.peerJoined, { peers: [peer('late')] });
    expect(store.getState().peers).toEqual({});
  });
});
