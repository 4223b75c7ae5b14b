import { createSocket, type Socket } from 'node:dgram';
import type { types } from 'mediasoup';

// Synthetic audio over plain RTP, for tests that must see packets cross the SFU (into a PlainTransport
// producer, out of PlainTransport consumers) without a browser. mediasoup forwards Opus without
// looking inside, so the payload is filler; the audio-level header extension is real, so the
// active-speaker observer hears a loud sender as speaking.

export const OPUS_PAYLOAD_TYPE = 100;
export const AUDIO_LEVEL_EXTENSION_ID = 1;
const AUDIO_LEVEL_URI = 'urn:ietf:params:rtp-hdrext:ssrc-audio-level';

/** What a sender of `ssrc` declares when producing. */
export const opusParameters = (ssrc: number): types.RtpParameters => ({
  codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PAYLOAD_TYPE, clockRate: 48_000, channels: 2 }],
  encodings: [{ ssrc }],
  headerExtensions: [{ uri: AUDIO_LEVEL_URI, id: AUDIO_LEVEL_EXTENSION_ID }],
  rtcp: { cname: `c${ssrc}` },
});

export interface AudioSender {
  /** starts a 20 ms packet stream to a comedia PlainTransport on the loopback port */
  start(port: number): void;
  /** 0 is as loud as it gets, 127 silence (RFC 6464 -dBov) */
  setLevel(level: number): void;
  stop(): void;
}

export async function audioSender(ssrc: number, level = 127): Promise<AudioSender> {
  const socket = await boundSocket();
  let sequence = 0;
  let timestamp = 0;
  let timer: NodeJS.Timeout | undefined;
  const send = (port: number) => {
    const packet = Buffer.alloc(12 + 8 + 40, 0x55);
    packet[0] = 0x90; // version 2, header extension follows
    packet[1] = OPUS_PAYLOAD_TYPE;
    packet.writeUInt16BE(sequence, 2);
    packet.writeUInt32BE(timestamp >>> 0, 4);
    packet.writeUInt32BE(ssrc >>> 0, 8);
    // One-byte header extension (0xBEDE), one word: the audio level with the voice-activity bit.
    packet.writeUInt16BE(0xbede, 12);
    packet.writeUInt16BE(1, 14);
    packet[16] = (AUDIO_LEVEL_EXTENSION_ID << 4) | 0;
    packet[17] = (level < 127 ? 0x80 : 0) | level;
    packet[18] = 0;
    packet[19] = 0;
    socket.send(packet, port, '127.0.0.1');
    sequence = (sequence + 1) & 0xffff;
    timestamp += 960;
  };
  return {
    start: (port) => {
      timer = setInterval(() => send(port), 20);
    },
    setLevel: (value) => {
      level = value;
    },
    stop: () => {
      clearInterval(timer);
      socket.close();
    },
  };
}

/** A loopback UDP port that counts the RTP packets it receives, per SSRC. */
export interface RtpSink {
  port: number;
  packets(ssrc: number): number;
  close(): void;
}

export async function rtpSink(): Promise<RtpSink> {
  const socket = await boundSocket();
  const counts = new Map<number, number>();
  socket.on('message', (packet) => {
    // RTCP (payload types 200–204 once the marker bit is masked) is not media.
    if (packet.length < 12 || (packet[1] !== undefined && (packet[1] & 0x7f) >= 72 && (packet[1] & 0x7f) <= 76)) {
      return;
    }
    const ssrc = packet.readUInt32BE(8);
    counts.set(ssrc, (counts.get(ssrc) ?? 0) + 1);
  });
  return {
    port: socket.address().port,
    packets: (ssrc) => counts.get(ssrc) ?? 0,
    close: () => socket.close(),
  };
}

async function boundSocket(): Promise<Socket> {
  const socket = createSocket('udp4');
  socket.on('message', () => {});
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return socket;
}

/** The SSRC a consumer sends with (mediasoup gives each consumer its own). */
export const consumerSsrc = (rtpParameters: unknown): number => {
  const ssrc = (rtpParameters as types.RtpParameters).encodings?.[0]?.ssrc;
  if (ssrc === undefined) throw new Error('a consumer without an SSRC');
  return ssrc;
};
