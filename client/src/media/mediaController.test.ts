import { Command, Fact, type Participant, type PeerInfo, type ProducerInfo } from '@plenary/shared';
import { type FakeHandler, testFakeParameters, type types } from 'mediasoup-client';
import { describe, expect, it } from 'vitest';
import { roomEntered } from '../stores/room.ts';
import { type AppState, createAppStore, initialAppState } from '../stores/state.ts';
import { workshopJoined } from '../stores/workshop.ts';
import { englishNotices } from '../testing/english.ts';
import { createFakeDevice, FakeServer, FakeTrack, mid, peer, pid, producerInfo, settle } from '../testing/fakes.ts';
import { joinResult, PLENARY, participant, rid, roomEntry, workshopView } from '../testing/workshop.ts';
import type { LocalSource } from './localMedia.ts';
import { MediaController } from './mediaController.ts';
import type { Timeline } from './roomSwitch.ts';
import { ViewRegistry } from './tileViews.ts';
import { TrackRegistry } from './tracks.ts';

const ROOM_2 = rid('room-2');
const inRoom2 = { location: { kind: 'breakout' as const, roomId: ROOM_2, setId: 'set-1' }, visiting: null };

interface Options {
  self?: Participant;
  peers?: PeerInfo[];
  producers?: ProducerInfo[];
  /** An open breakout set, for speaking to every room. */
  openedAt?: number;
}

function setup({ self = participant('me', { name: 'Ada' }), peers = [], producers = [], openedAt }: Options = {}) {
  const server = new FakeServer(self);
  for (const producer of producers) server.addRemoteProducer(producer);
  const workshop = workshopView([self], {
    breakouts: {
      sets: [],
      open:
        openedAt === undefined
          ? null
          : { setId: 'set-1', openedAt, endsAt: openedAt + 60_000, recallAt: null, visitors: {}, help: [] },
    },
  });
  const store = createAppStore(
    workshopJoined(initialAppState(), joinResult(self, { workshop, room: roomEntry(PLENARY, peers, producers) })),
  );
  const tracks = new TrackRegistry();
  const views = new ViewRegistry();
  const transports: types.Transport[] = [];
  const acquired: LocalSource[][] = [];
  const measures: { duration: number; detail: unknown }[] = [];
  let now = 0;
  const timeline: Timeline = {
    now: () => now,
    mark: () => undefined,
    measure: (_name, { start, end, detail }) => measures.push({ duration: end - start, detail }),
  };
  const screens: FakeTrack[] = [];
  const controller = new MediaController({
    store,
    tracks,
    request: server.request,
    views,
    timeline,
    iceRestartTimeoutMs: 10_000,
    createDevice: async () => {
      const device = await createFakeDevice();
      device.observer.on('newtransport', (transport) => transports.push(transport));
      return device;
    },
    acquire: async (want) => {
      acquired.push([...want]);
      return {
        tracks: Object.fromEntries(
          want.map((source) => [source, new FakeTrack(source === 'mic' ? 'audio' : 'video').track]),
        ),
        problem: null,
      };
    },
    capture: async () => {
      const screen = new FakeTrack('video');
      screens.push(screen);
      return { track: screen.track, problem: null };
    },
  });
  const enter = async (switching = false) => {
    await controller.enter(testFakeParameters.generateRouterRtpCapabilities(), { switching });
    await settle();
  };
  return {
    server,
    store,
    tracks,
    views,
    transports,
    acquired,
    measures,
    screens,
    controller,
    enter,
    advance: (ms: number) => {
      now += ms;
    },
    /** The server moves us to Room 2, where `others` are. */
    moveToRoom2: async (others: PeerInfo[] = [], offered: ProducerInfo[] = []) => {
      for (const producer of offered) server.addRemoteProducer(producer);
      store.setState((state: AppState) =>
        roomEntered(state, { whereabouts: inRoom2, room: roomEntry(ROOM_2, others, offered) }),
      );
      await enter(true);
    },
  };
}

const notice = (store: ReturnType<typeof createAppStore>, topic: string) =>
  englishNotices(store.getState().notices).find((candidate) => candidate.topic === topic)?.text;

describe('MediaController: moving rooms', () => {
  it('measures a switch until media from someone in the new room arrives', async () => {
    const room = setup();
    await room.enter();
    expect(room.measures).toEqual([]);
    room.advance(350);
    await room.moveToRoom2([peer('bob', 'Bob')], [producerInfo('bob-mic', 'bob', 'mic')]);
    expect(room.measures).toEqual([{ duration: 0, detail: { roomId: ROOM_2, until: 'remote-media' } }]);
  });

  it('measures a switch until connected when nobody else is in the new room', async () => {
    const room = setup({ peers: [peer('bob')] });
    await room.enter();
    await room.moveToRoom2();
    expect(room.measures).toEqual([{ duration: 0, detail: { roomId: ROOM_2, until: 'connected-alone' } }]);
  });

  it('does not call a room empty while someone there has yet to send', async () => {
    const room = setup();
    await room.moveToRoom2([peer('bob', 'Bob')]);
    expect(room.measures).toEqual([]);
  });
});

describe('MediaController: observers', () => {
  it('asks for no camera or microphone and sends nothing, yet receives the room', async () => {
    const room = setup({
      self: participant('me', { name: 'Olga', role: 'observer' }),
      peers: [peer('bob', 'Bob')],
      producers: [producerInfo('bob-mic', 'bob', 'mic'), producerInfo('bob-cam', 'bob', 'camera')],
    });
    await room.enter();
    expect(room.acquired).toEqual([]);
    expect(room.server.sentOf(Command.mediaProduce)).toEqual([]);
    expect(room.server.sentOf(Command.mediaConsume)).toHaveLength(2);
    expect(room.store.getState().localMedia).toEqual({ mic: 'off', camera: 'off' });
    await room.controller.toggleScreenShare();
    expect(room.screens).toEqual([]);
  });

  it('measures an observer’s switch into an empty room when its media is ready', async () => {
    const room = setup({ self: participant('me', { role: 'observer' }) });
    await room.moveToRoom2();
    expect(room.measures).toEqual([{ duration: 0, detail: { roomId: ROOM_2, until: 'ready-alone' } }]);
  });
});

describe('MediaController: screen sharing', () => {
  it('shares a screen as its own producer, and stops when the browser’s "Stop sharing" ends it', async () => {
    const room = setup();
    await room.enter();
    await room.controller.toggleScreenShare();
    await settle();
    expect(room.server.sentOf(Command.mediaProduce).map((sent) => sent.source)).toEqual(['mic', 'camera', 'screen']);
    expect(room.store.getState().screenShare).toBe('live');
    room.screens[0]?.end();
    await settle();
    expect(room.store.getState().screenShare).toBe('off');
    expect(room.server.sentOf(Command.mediaCloseProducer)).toHaveLength(1);
    expect(notice(room.store, 'devices')).toBe('You stopped sharing your screen.');
  });

  it('stops sharing from the button, ending the capture', async () => {
    const room = setup();
    await room.enter();
    await room.controller.toggleScreenShare();
    await room.controller.toggleScreenShare();
    expect(room.store.getState().screenShare).toBe('off');
    expect(room.screens[0]?.readyState).toBe('ended');
    expect(room.server.sentOf(Command.mediaCloseProducer)).toHaveLength(1);
  });

  it('keeps sharing through a rebuild in the same room, and stops on moving to another room', async () => {
    const room = setup();
    await room.enter();
    await room.controller.toggleScreenShare();
    room.controller.handle({
      name: Fact.mediaReconnectRequired,
      payload: { reason: 'worker died', routerRtpCapabilities: testFakeParameters.generateRouterRtpCapabilities() },
    });
    await settle();
    const screens = room.server.sentOf(Command.mediaProduce).filter((sent) => sent.source === 'screen');
    expect(screens).toHaveLength(2);
    expect(room.store.getState().screenShare).toBe('live');
    expect(room.screens).toHaveLength(1);

    await room.moveToRoom2();
    expect(room.screens[0]?.readyState).toBe('ended');
    expect(room.store.getState().screenShare).toBe('off');
    expect(room.server.sentOf(Command.mediaProduce).filter((sent) => sent.source === 'screen')).toHaveLength(2);
  });

  it('stops sharing when a chair stops the share', async () => {
    const room = setup();
    await room.enter();
    await room.controller.toggleScreenShare();
    room.controller.handle({ name: Fact.moderated, payload: { action: 'stopShare', by: pid('chair') } });
    await settle();
    expect(room.store.getState().screenShare).toBe('off');
    expect(room.screens[0]?.readyState).toBe('ended');
  });
});

describe('MediaController: what is received', () => {
  it('pauses a camera whose tiles are all out of sight, resumes it and picks its layer when seen', async () => {
    const room = setup({ peers: [peer('bob')], producers: [producerInfo('bob-cam', 'bob', 'camera')] });
    await room.enter();
    const tile = room.views.newViewId();
    room.views.report(pid('bob'), 'camera', tile, { visible: false, width: 640, height: 360 });
    await settle();
    const [paused] = room.server.sentOf(Command.mediaSetConsumerPaused);
    expect(paused).toMatchObject({ paused: true });
    room.views.report(pid('bob'), 'camera', tile, { visible: true, width: 160, height: 90 });
    await settle();
    expect(room.server.sentOf(Command.mediaSetConsumerPaused).at(-1)).toEqual({
      consumerId: paused?.consumerId,
      paused: false,
    });
    expect(room.server.sentOf(Command.mediaSetPreferredLayers)).toEqual([
      { consumerId: paused?.consumerId, spatialLayer: 0 },
    ]);
  });
});

describe('MediaController: a chair heard from another room', () => {
  it('forgets the chair’s microphone when the server closes our consumer of it', async () => {
    const room = setup({ peers: [peer('bob')], producers: [producerInfo('chair-mic', 'chair', 'mic')] });
    await room.enter();
    const [consumed] = room.server.sentOf(Command.mediaResumeConsumer);
    expect(room.tracks.get(pid('chair'), 'mic')).toBeDefined();
    room.controller.handle({ name: Fact.consumerClosed, payload: { consumerId: mid(consumed?.consumerId ?? 'x') } });
    expect(room.store.getState().producers).toEqual({});
    expect(room.tracks.get(pid('chair'), 'mic')).toBeUndefined();
  });
});

describe('MediaController: a network that changes', () => {
  it('rebuilds in the same room when an ICE restart fails, saying so until connected again', async () => {
    const room = setup({ peers: [peer('bob')], producers: [producerInfo('bob-mic', 'bob', 'mic')] });
    await room.enter();
    const before = [...room.server.producers.values()].filter((producer) => producer.participantId === 'me');
    room.server.on(Command.mediaRestartIce, () => ({ ok: false, error: { code: 'not_found', message: 'gone' } }));
    const send = room.transports.find((transport) => transport.direction === 'send') as types.Transport;
    (send.handler as FakeHandler).setConnectionState('disconnected');
    expect(notice(room.store, 'media')).toBe('Reconnecting audio and video…');
    await settle();
    // The old producers are closed on the server, so the new ones are not refused as duplicates.
    expect(
      room.server
        .sentOf(Command.mediaCloseProducer)
        .map((sent) => sent.producerId)
        .sort(),
    ).toEqual(before.map((producer) => producer.producerId).sort());
    expect(room.server.sentOf(Command.mediaCreateTransport)).toHaveLength(4);
    expect(room.server.sentOf(Command.mediaProduce)).toHaveLength(4);
    expect(room.server.sentOf(Command.mediaConsume)).toHaveLength(2);
    expect(room.store.getState().localMedia).toEqual({ mic: 'live', camera: 'live' });
    expect(notice(room.store, 'media')).toBeUndefined();
  });

  it('says "Reconnecting" while a transport is disconnected, and clears it when it is back', async () => {
    const room = setup();
    await room.enter();
    const send = room.transports.find((transport) => transport.direction === 'send') as types.Transport;
    (send.handler as FakeHandler).setConnectionState('disconnected');
    expect(notice(room.store, 'media')).toBe('Reconnecting audio and video…');
    (send.handler as FakeHandler).setConnectionState('connected');
    expect(notice(room.store, 'media')).toBeUndefined();
  });
});

describe('MediaController: chairs', () => {
  it('speaks to every room for the opening it was turned on in, and again after a rebuild', async () => {
    const room = setup({ self: participant('me', { role: 'facilitator' }), openedAt: 5_000 });
    room.server.on(Command.mediaSpeakToBreakouts, ({ on }) => ({ ok: true, data: { rooms: on ? 2 : 0 } }));
    await room.enter();
    expect(await room.controller.speakToAllRooms(true)).toBe(true);
    expect(room.store.getState().speakingToAllRooms).toBe(5_000);
    room.controller.handle({
      name: Fact.mediaReconnectRequired,
      payload: { reason: 'worker died', routerRtpCapabilities: testFakeParameters.generateRouterRtpCapabilities() },
    });
    await settle();
    expect(room.server.sentOf(Command.mediaSpeakToBreakouts)).toEqual([{ on: true }, { on: true }]);
    expect(await room.controller.speakToAllRooms(false)).toBe(true);
    expect(room.store.getState().speakingToAllRooms).toBeNull();
  });

  it('shows why the server refused to moderate', async () => {
    const room = setup({ self: participant('me', { role: 'facilitator' }) });
    room.server.on(Command.mediaModerate, () => ({
      ok: false,
      error: { code: 'not_found', message: 'that person has no media right now' },
    }));
    expect(await room.controller.moderate(pid('bob'), 'mute')).toBe(false);
    expect(room.server.sentOf(Command.mediaModerate)).toEqual([{ participantId: 'bob', action: 'mute' }]);
    expect(notice(room.store, 'action')).toContain('that person has no media right now');
  });
});

describe('MediaController: choosing other devices', () => {
  it('sends the newly chosen camera in place of the old one, on the same producer', async () => {
    const room = setup();
    await room.enter();
    const self = pid('me');
    const before = room.tracks.get(self, 'camera');
    expect(before).toBeDefined();
    await room.controller.applyChosenDevices(['camera']);
    const after = room.tracks.get(self, 'camera');
    expect(room.acquired.at(-1)).toEqual(['camera']);
    expect(after).not.toBe(before);
    expect(after?.readyState).toBe('live');
    expect(before?.readyState).toBe('ended');
    // No new producer: the room sees no camera closing and opening.
    expect(room.server.sentOf(Command.mediaProduce).map((sent) => sent.source)).toEqual(['mic', 'camera']);
    expect(room.server.sentOf(Command.mediaCloseProducer)).toEqual([]);
    expect(room.store.getState().localMedia.camera).toBe('live');
  });

  it('keeps a muted microphone muted on the new device, and asks for nothing that is not being sent', async () => {
    const room = setup();
    await room.enter();
    await room.controller.toggleMic();
    await room.controller.toggleCamera();
    expect(room.store.getState().localMedia).toEqual({ mic: 'paused', camera: 'off' });
    const asked = room.acquired.length;
    await room.controller.applyChosenDevices(['mic', 'camera']);
    expect(room.acquired.slice(asked)).toEqual([['mic']]);
    expect(room.tracks.get(pid('me'), 'mic')?.enabled).toBe(false);
    expect(room.store.getState().localMedia).toEqual({ mic: 'paused', camera: 'off' });
  });
});

describe('MediaController: devices across rooms', () => {
  it('sends the same microphone and camera in the next room without opening them again', async () => {
    const room = setup();
    await room.enter();
    const self = pid('me');
    const mic = room.tracks.get(self, 'mic');
    const camera = room.tracks.get(self, 'camera');
    expect(room.acquired).toEqual([['mic', 'camera']]);
    await room.moveToRoom2();
    expect(room.acquired).toEqual([['mic', 'camera']]);
    expect(room.tracks.get(self, 'mic')).toBe(mic);
    expect(room.tracks.get(self, 'camera')).toBe(camera);
    expect([mic?.readyState, camera?.readyState]).toEqual(['live', 'live']);
    // Sent again on the new room's transport: two more producers.
    expect(room.server.sentOf(Command.mediaProduce).map((sent) => sent.source)).toEqual([
      'mic',
      'camera',
      'mic',
      'camera',
    ]);
    expect(room.store.getState().localMedia).toEqual({ mic: 'live', camera: 'live' });
  });

  it('keeps a muted microphone muted in the next room, and a camera turned off off and released', async () => {
    const room = setup();
    await room.enter();
    const self = pid('me');
    const camera = room.tracks.get(self, 'camera');
    await room.controller.toggleMic();
    await room.controller.toggleCamera();
    expect(camera?.readyState).toBe('ended');
    await room.moveToRoom2();
    expect(room.acquired).toEqual([['mic', 'camera']]);
    expect(room.tracks.get(self, 'mic')?.enabled).toBe(false);
    expect(room.store.getState().localMedia).toEqual({ mic: 'paused', camera: 'off' });
  });

  it('opens a device again only if its track ended meanwhile (unplugged)', async () => {
    const room = setup();
    await room.enter();
    const camera = room.tracks.get(pid('me'), 'camera') as unknown as FakeTrack;
    room.controller.suspend();
    camera.stop();
    await room.moveToRoom2();
    expect(room.acquired).toEqual([['mic', 'camera'], ['camera']]);
    expect(room.tracks.get(pid('me'), 'camera')?.readyState).toBe('live');
  });

  it('lets every device go in the lobby and when the session ends', async () => {
    const room = setup();
    await room.enter();
    const self = pid('me');
    const opened = [room.tracks.get(self, 'mic'), room.tracks.get(self, 'camera')];
    await room.controller.enter(null);
    expect(opened.map((track) => track?.readyState)).toEqual(['ended', 'ended']);
    await room.enter();
    const reopened = [room.tracks.get(self, 'mic'), room.tracks.get(self, 'camera')];
    expect(reopened.map((track) => track?.readyState)).toEqual(['live', 'live']);
    room.controller.close();
    expect(reopened.map((track) => track?.readyState)).toEqual(['ended', 'ended']);
  });

  it('opens the newly chosen camera in the next room when it was chosen between rooms', async () => {
    const room = setup();
    await room.enter();
    const camera = room.tracks.get(pid('me'), 'camera');
    room.controller.suspend();
    await room.controller.applyChosenDevices(['camera']);
    expect(camera?.readyState).toBe('ended');
    await room.moveToRoom2();
    expect(room.acquired).toEqual([['mic', 'camera'], ['camera']]);
    expect(room.tracks.get(pid('me'), 'camera')?.readyState).toBe('live');
  });
});
