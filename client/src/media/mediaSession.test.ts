import { Command } from '@plenary/shared';
import { type Device, type FakeHandler, testFakeParameters, type types } from 'mediasoup-client';
import { describe, expect, it } from 'vitest';
import { createFakeDevice, FakeServer, FakeTrack, mid, pid, producerInfo, settle } from '../testing/fakes.ts';
import { type MediaLink, MediaSession, type MediaSessionOptions, type ReceivedMedia } from './mediaSession.ts';
import type { ReceiveDecision } from './tileViews.ts';
import { TrackRegistry } from './tracks.ts';

async function started(configure?: (server: FakeServer) => void, options: Partial<MediaSessionOptions> = {}) {
  const server = new FakeServer();
  configure?.(server);
  const tracks = new TrackRegistry();
  const transports: types.Transport[] = [];
  const failures: string[] = [];
  const ended: string[] = [];
  const media = new MediaSession({
    ...options,
    request: server.request,
    tracks,
    selfId: server.selfId,
    createDevice: async () => {
      const device: Device = await createFakeDevice();
      device.observer.on('newtransport', (transport) => transports.push(transport));
      return device;
    },
    onFailure: (reason) => failures.push(reason),
    onLocalTrackEnded: (source) => ended.push(source),
  });
  await media.start(testFakeParameters.generateRouterRtpCapabilities());
  return { server, tracks, media, transports, failures, ended };
}

describe('MediaSession', () => {
  it('creates one send and one receive transport', async () => {
    const { server, transports } = await started();
    expect(server.sentOf(Command.mediaCreateTransport)).toEqual([{ direction: 'send' }, { direction: 'recv' }]);
    expect(transports.map((transport) => transport.direction).sort()).toEqual(['recv', 'send']);
  });

  it('gives both transports the TURN servers the server hands out, asked for as they are built', async () => {
    const turn = { urls: ['turn:192.0.2.1:3478?transport=udp'], username: '1700000000:self', credential: 'c2VjcmV0' };
    const server = new FakeServer().on(Command.mediaRefreshIceServers, () => ({
      ok: true,
      data: { servers: [turn], expiresAt: 1_700_000_000_000 },
    }));
    const given: unknown[] = [];
    const media = new MediaSession({
      request: server.request,
      tracks: new TrackRegistry(),
      selfId: server.selfId,
      createDevice: async () => {
        const device: Device = await createFakeDevice();
        const [send, recv] = [device.createSendTransport.bind(device), device.createRecvTransport.bind(device)];
        device.createSendTransport = (options) => {
          given.push(options.iceServers);
          return send(options);
        };
        device.createRecvTransport = (options) => {
          given.push(options.iceServers);
          return recv(options);
        };
        return device;
      },
    });
    await media.start(testFakeParameters.generateRouterRtpCapabilities());
    expect(server.sentOf(Command.mediaRefreshIceServers)).toEqual([{}]);
    expect(given).toEqual([[turn], [turn]]);
  });

  it('builds its transports without TURN when the server hands out none or refuses', async () => {
    const { transports } = await started((server) =>
      server.on(Command.mediaRefreshIceServers, () => ({ ok: false, error: { code: 'internal', message: 'no' } })),
    );
    expect(transports).toHaveLength(2);
  });

  it('publishes the mic: connects the transport once, produces with its source, shows our track', async () => {
    const { server, media, tracks } = await started();
    const mic = new FakeTrack('audio');
    await media.publish('mic', mic.track);
    const camera = new FakeTrack('video');
    await media.publish('camera', camera.track);

    expect(server.sentOf(Command.mediaConnectTransport)).toHaveLength(1);
    const produced = server.sentOf(Command.mediaProduce);
    expect(produced.map(({ kind, source }) => ({ kind, source }))).toEqual([
      { kind: 'audio', source: 'mic' },
      { kind: 'video', source: 'camera' },
    ]);
    expect(produced[0]?.transportId).toBe(server.sentOf(Command.mediaConnectTransport)[0]?.transportId);
    expect(tracks.get(server.selfId, 'mic')).toBe(mic.track);
    expect(media.hasProducer('camera')).toBe(true);
  });

  it('mutes by pausing locally and telling the server; unmutes the same way', async () => {
    const { server, media } = await started();
    await media.publish('mic', new FakeTrack('audio').track);
    const [producerId] = [...server.producers.keys()];
    await media.setPaused('mic', true);
    await media.setPaused('mic', false);
    expect(server.sentOf(Command.mediaSetProducerPaused)).toEqual([
      { producerId, paused: true },
      { producerId, paused: false },
    ]);
  });

  it('stays muted when the server refuses the unmute', async () => {
    const { server, media } = await started();
    const mic = new FakeTrack('audio');
    await media.publish('mic', mic.track);
    await media.setPaused('mic', true);
    server.on(Command.mediaSetProducerPaused, () => ({ ok: false, error: { code: 'internal', message: 'boom' } }));
    await expect(media.setPaused('mic', false)).rejects.toThrow('boom');
    // disableTrackOnPause: a paused producer disables its track, so nothing is sent.
    expect(mic.enabled).toBe(false);
  });

  it('stops sending the camera: closes the producer and tells the server, leaving the track to its owner', async () => {
    const { server, media, tracks } = await started();
    const camera = new FakeTrack('video');
    await media.publish('camera', camera.track);
    const [producerId] = [...server.producers.keys()];
    await media.unpublish('camera');
    expect(server.sentOf(Command.mediaCloseProducer)).toEqual([{ producerId }]);
    // The controller decides when a device is let go (a room move sends the same track again).
    expect(camera.readyState).toBe('live');
    expect(tracks.get(server.selfId, 'camera')).toBeUndefined();
    expect(media.hasProducer('camera')).toBe(false);
  });

  it("consumes someone's producer, registers its track and resumes it on the server", async () => {
    const { server, media, tracks } = await started((s) => s.addRemoteProducer(producerInfo('bob-mic', 'bob', 'mic')));
    await media.consume(producerInfo('bob-mic', 'bob', 'mic'));

    const [consume] = server.sentOf(Command.mediaConsume);
    expect(consume?.producerId).toBe('bob-mic');
    expect(consume?.rtpCapabilities.codecs?.length).toBeGreaterThan(0);
    expect(server.sentOf(Command.mediaResumeConsumer)).toHaveLength(1);
    expect(tracks.get(pid('bob'), 'mic')?.kind).toBe('audio');
    expect(media.receivingCount).toBe(1);
  });

  it('consumes a producer only once, even when asked twice at the same time', async () => {
    const { server, media } = await started((s) => s.addRemoteProducer(producerInfo('bob-cam', 'bob', 'camera')));
    const bobCam = producerInfo('bob-cam', 'bob', 'camera');
    await Promise.all([media.consume(bobCam), media.consume(bobCam)]);
    await media.consume(bobCam);
    expect(server.sentOf(Command.mediaConsume)).toHaveLength(1);
    expect(media.receivingCount).toBe(1);
  });

  it('never consumes our own producers', async () => {
    const { server, media } = await started();
    await media.consume(producerInfo('mine', server.selfId, 'mic'));
    expect(server.sentOf(Command.mediaConsume)).toHaveLength(0);
  });

  it('drops a consumer when its producer closes, or when the server closes it', async () => {
    const { server, media, tracks } = await started((s) => {
      s.addRemoteProducer(producerInfo('bob-mic', 'bob', 'mic'));
      s.addRemoteProducer(producerInfo('bob-cam', 'bob', 'camera'));
    });
    await media.consume(producerInfo('bob-mic', 'bob', 'mic'));
    await media.consume(producerInfo('bob-cam', 'bob', 'camera'));

    media.dropProducer(mid('bob-mic'));
    expect(tracks.get(pid('bob'), 'mic')).toBeUndefined();
    expect(tracks.get(pid('bob'), 'camera')).toBeDefined();

    const consumerOfCam = server.sentOf(Command.mediaResumeConsumer)[1]?.consumerId;
    media.closeConsumer(mid(consumerOfCam ?? 'missing'));
    expect(tracks.get(pid('bob'), 'camera')).toBeUndefined();
    expect(media.receivingCount).toBe(0);
  });

  it('abandons a consume whose producer closed while the server was answering', async () => {
    const { server, media, tracks } = await started((s) => s.addRemoteProducer(producerInfo('bob-mic', 'bob', 'mic')));
    const answer = server.hold(Command.mediaConsume);
    const consuming = media.consume(producerInfo('bob-mic', 'bob', 'mic'));
    await settle();
    expect(server.sentOf(Command.mediaConsume)).toHaveLength(1);
    media.dropProducer(mid('bob-mic'));
    answer();
    await consuming;
    expect(tracks.get(pid('bob'), 'mic')).toBeUndefined();
    expect(media.receivingCount).toBe(0);
    expect(server.sentOf(Command.mediaResumeConsumer)).toHaveLength(0);
  });

  it('drops everything of a participant who left, including consumes under way', async () => {
    const { server, media, tracks } = await started((s) => {
      s.addRemoteProducer(producerInfo('bob-mic', 'bob', 'mic'));
      s.addRemoteProducer(producerInfo('bob-cam', 'bob', 'camera'));
      s.addRemoteProducer(producerInfo('cy-mic', 'cy', 'mic'));
    });
    await media.consume(producerInfo('bob-mic', 'bob', 'mic'));
    await media.consume(producerInfo('cy-mic', 'cy', 'mic'));
    const answer = server.hold(Command.mediaConsume);
    const consumingCam = media.consume(producerInfo('bob-cam', 'bob', 'camera'));
    await settle();
    expect(server.sentOf(Command.mediaConsume)).toHaveLength(3);
    media.dropParticipant(pid('bob'));
    answer();
    await consumingCam;
    expect(tracks.get(pid('bob'), 'mic')).toBeUndefined();
    expect(tracks.get(pid('bob'), 'camera')).toBeUndefined();
    expect(tracks.get(pid('cy'), 'mic')).toBeDefined();
    expect(media.receivingCount).toBe(1);
  });

  it('restarts ICE when a transport disconnects or fails', async () => {
    const { server, transports, media } = await started();
    await media.publish('mic', new FakeTrack('audio').track);
    const send = transports.find((transport) => transport.direction === 'send');
    if (!send) throw new Error('no send transport');
    (send.handler as FakeHandler).setConnectionState('failed');
    await settle();
    expect(server.sentOf(Command.mediaRestartIce)).toEqual([{ transportId: send.id }]);
  });

  it('reports a failed ICE restart so the caller can rebuild media', async () => {
    const { server, transports, failures } = await started((s) =>
      s.on(Command.mediaRestartIce, () => ({ ok: false, error: { code: 'not_found', message: 'transport gone' } })),
    );
    const recv = transports.find((transport) => transport.direction === 'recv');
    if (!recv) throw new Error('no recv transport');
    (recv.handler as FakeHandler).setConnectionState('disconnected');
    await settle();
    expect(server.sentOf(Command.mediaRestartIce)).toHaveLength(1);
    expect(failures).toEqual(['ICE restart failed: transport gone']);
  });

  it('unpublishes and reports a local track that ended by itself (device unplugged)', async () => {
    const { server, media, ended } = await started();
    const camera = new FakeTrack('video');
    await media.publish('camera', camera.track);
    camera.end();
    await settle();
    expect(ended).toEqual(['camera']);
    expect(media.hasProducer('camera')).toBe(false);
    expect(server.sentOf(Command.mediaCloseProducer)).toHaveLength(1);
  });

  it('closes everything on close: producers and consumers, the registry emptied, late work abandoned', async () => {
    const { media, tracks, server } = await started((s) => s.addRemoteProducer(producerInfo('bob-mic', 'bob', 'mic')));
    const mic = new FakeTrack('audio');
    await media.publish('mic', mic.track);
    await media.consume(producerInfo('bob-mic', 'bob', 'mic'));
    media.close();
    expect(media.hasProducer('mic')).toBe(false);
    expect(mic.readyState).toBe('live');
    expect(tracks.get(pid('bob'), 'mic')).toBeUndefined();
    expect(tracks.get(server.selfId, 'mic')).toBeUndefined();
    await media.consume(producerInfo('bob-mic', 'bob', 'mic'));
    expect(server.sentOf(Command.mediaConsume)).toHaveLength(1);
  });

  it('refuses to publish what the server refused, leaving the track to its owner', async () => {
    const { media, server } = await started();
    server.on(Command.mediaProduce, () => ({
      ok: false,
      error: { code: 'forbidden', message: 'not allowed to speak' },
    }));
    const mic = new FakeTrack('audio');
    await expect(media.publish('mic', mic.track)).rejects.toThrow('not allowed to speak');
    expect(mic.readyState).toBe('live');
    expect(media.hasProducer('mic')).toBe(false);
  });
});

describe('MediaSession: simulcast, screens and what is received', () => {
  it('sends the camera as three VP8 simulcast layers, a screen as one, the microphone as Opus', async () => {
    const { server, media } = await started();
    await media.publish('mic', new FakeTrack('audio').track);
    await media.publish('camera', new FakeTrack('video').track);
    await media.publish('screen', new FakeTrack('video').track);
    const sent = server.sentOf(Command.mediaProduce).map(({ source, rtpParameters }) => ({
      source,
      codec: (rtpParameters.codecs[0] as { mimeType: string }).mimeType.toLowerCase(),
      layers: rtpParameters.encodings?.length,
    }));
    expect(sent).toEqual([
      { source: 'mic', codec: 'audio/opus', layers: 1 },
      { source: 'camera', codec: 'video/vp8', layers: 3 },
      { source: 'screen', codec: 'video/vp8', layers: 1 },
    ]);
    const camera = server.sentOf(Command.mediaProduce)[1]?.rtpParameters.encodings as {
      scaleResolutionDownBy?: number;
    }[];
    expect(camera.map((encoding) => encoding.scaleResolutionDownBy)).toEqual([4, 2, 1]);
  });

  it('leaves a shared screen running when its producer closes: the caller owns the capture', async () => {
    const { media, tracks, server } = await started();
    const screen = new FakeTrack('video');
    await media.publish('screen', screen.track);
    expect(tracks.get(server.selfId, 'screen')).toBe(screen.track);
    await media.unpublish('screen');
    expect(screen.readyState).toBe('live');
    expect(tracks.get(server.selfId, 'screen')).toBeUndefined();
  });

  it('reports the end of a shared screen (the browser’s own "Stop sharing")', async () => {
    const { media, ended, server } = await started();
    const screen = new FakeTrack('video');
    await media.publish('screen', screen.track);
    screen.end();
    await settle();
    expect(ended).toEqual(['screen']);
    expect(server.sentOf(Command.mediaCloseProducer)).toHaveLength(1);
  });

  it('receives a video nobody can see paused, and asks only for what changes as tiles move', async () => {
    let decision: ReceiveDecision = { paused: true, spatialLayer: null };
    const asked: ReceivedMedia[] = [];
    const { server, media } = await started(
      (s) => {
        s.addRemoteProducer(producerInfo('bob-cam', 'bob', 'camera'));
        s.addRemoteProducer(producerInfo('bob-mic', 'bob', 'mic'));
      },
      {
        decideReceiving: (received) => {
          asked.push(received);
          return received.kind === 'audio' ? { paused: false, spatialLayer: null } : decision;
        },
      },
    );
    await media.consume(producerInfo('bob-cam', 'bob', 'camera'));
    await media.consume(producerInfo('bob-mic', 'bob', 'mic'));
    expect(asked.map(({ participantId, source, kind }) => [participantId, source, kind])).toEqual([
      ['bob', 'camera', 'video'],
      ['bob', 'mic', 'audio'],
    ]);
    // Only the microphone was resumed; the camera stays paused on the server as it was created.
    expect(server.sentOf(Command.mediaResumeConsumer)).toHaveLength(1);
    const micConsumer = server.sentOf(Command.mediaResumeConsumer)[0]?.consumerId;

    decision = { paused: false, spatialLayer: 1 };
    media.refreshReceiving();
    media.refreshReceiving();
    await settle();
    const camConsumer = server.sentOf(Command.mediaSetConsumerPaused)[0]?.consumerId;
    expect(camConsumer).not.toBe(micConsumer);
    expect(server.sentOf(Command.mediaSetConsumerPaused)).toEqual([{ consumerId: camConsumer, paused: false }]);
    expect(server.sentOf(Command.mediaSetPreferredLayers)).toEqual([{ consumerId: camConsumer, spatialLayer: 1 }]);

    decision = { paused: false, spatialLayer: 0 };
    media.refreshReceiving();
    decision = { paused: true, spatialLayer: null };
    media.refreshReceiving();
    await settle();
    expect(server.sentOf(Command.mediaSetPreferredLayers).at(-1)).toEqual({ consumerId: camConsumer, spatialLayer: 0 });
    expect(server.sentOf(Command.mediaSetConsumerPaused).at(-1)).toEqual({ consumerId: camConsumer, paused: true });
    expect(server.sentOf(Command.mediaSetConsumerPaused)).toHaveLength(2);
  });

  it('asks again after the server refused a pause', async () => {
    let decision: ReceiveDecision = { paused: false, spatialLayer: null };
    const { server, media } = await started((s) => s.addRemoteProducer(producerInfo('bob-cam', 'bob', 'camera')), {
      decideReceiving: () => decision,
    });
    await media.consume(producerInfo('bob-cam', 'bob', 'camera'));
    server.on(Command.mediaSetConsumerPaused, () => ({ ok: false, error: { code: 'internal', message: 'busy' } }));
    decision = { paused: true, spatialLayer: null };
    media.refreshReceiving();
    await settle();
    media.refreshReceiving();
    await settle();
    expect(server.sentOf(Command.mediaSetConsumerPaused)).toHaveLength(2);
  });

  it('says when media from someone else starts arriving', async () => {
    const flowing: ReceivedMedia[] = [];
    const { media } = await started((s) => s.addRemoteProducer(producerInfo('bob-mic', 'bob', 'mic')), {
      onRemoteMediaFlowing: (received) => flowing.push(received),
    });
    await media.consume(producerInfo('bob-mic', 'bob', 'mic'));
    await settle();
    expect(flowing).toEqual([{ participantId: 'bob', source: 'mic', kind: 'audio' }]);
  });
});

describe('MediaSession: a network that changes', () => {
  it('reports the link lost while a transport is disconnected, and back once every transport is through', async () => {
    const links: MediaLink[] = [];
    const { transports, media } = await started(undefined, { onLinkChange: (link) => links.push(link) });
    await media.publish('mic', new FakeTrack('audio').track);
    await settle();
    expect(links).toEqual(['connected']);
    const send = transports.find((transport) => transport.direction === 'send') as types.Transport;
    (send.handler as FakeHandler).setConnectionState('disconnected');
    (send.handler as FakeHandler).setConnectionState('connected');
    expect(links).toEqual(['connected', 'reconnecting', 'connected']);
  });

  it('gives up on an ICE restart that does not reconnect in time', async () => {
    const { server, transports, failures } = await started(undefined, { iceRestartTimeoutMs: 200 });
    const recv = transports.find((transport) => transport.direction === 'recv') as types.Transport;
    (recv.handler as FakeHandler).setConnectionState('disconnected');
    await settle(5);
    expect(server.sentOf(Command.mediaRestartIce)).toHaveLength(1);
    expect(failures).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(failures).toEqual(['not reconnected 200 ms after an ICE restart']);
  });

  it('gives up at once when a restarted transport fails again, and not when it comes back', async () => {
    const { transports, failures } = await started(undefined, { iceRestartTimeoutMs: 30 });
    const [send, recv] = transports as [types.Transport, types.Transport];
    (send.handler as FakeHandler).setConnectionState('disconnected');
    (recv.handler as FakeHandler).setConnectionState('disconnected');
    await settle();
    (send.handler as FakeHandler).setConnectionState('connected');
    (recv.handler as FakeHandler).setConnectionState('failed');
    expect(failures).toEqual(['ICE restart did not reconnect']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(failures).toEqual(['ICE restart did not reconnect']);
  });

  it('closes what it sent on the server too when released for a rebuild in the same room', async () => {
    const { server, media } = await started();
    await media.publish('mic', new FakeTrack('audio').track);
    await media.publish('camera', new FakeTrack('video').track);
    const ids = [...server.producers.keys()];
    await media.closeAndRelease();
    expect(media.closed).toBe(true);
    expect(
      server
        .sentOf(Command.mediaCloseProducer)
        .map((sent) => sent.producerId)
        .sort(),
    ).toEqual(ids.sort());
  });
});
