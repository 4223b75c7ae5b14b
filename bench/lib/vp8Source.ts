import { createSocket, type Socket } from 'node:dgram';
import type { types } from 'mediasoup';

// A synthetic VP8 video stream, paced in real time, sent as RTP over UDP. mediasoup forwards to a
// consumer only after a key frame, and its VP8 parser ignores a payload whose descriptor lacks the
// extended bit, so each packet starts `0x90|0x80, 0x80, <7-bit picture id>`, and the first packet of
// a key frame carries a key-frame header (P bit 0, start code 9d 01 2a, dimensions).

export const VP8_PAYLOAD_TYPE = 96;

/** What a producer of this source's stream (one VP8 encoding, `ssrc`) declares to mediasoup. */
export const rtpParametersOf = (ssrc: number): types.RtpParameters => ({
  codecs: [
    {
      mimeType: 'video/VP8',
      payloadType: VP8_PAYLOAD_TYPE,
      clockRate: 90_000,
      rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }],
    },
  ],
  encodings: [{ ssrc }],
});
const FPS = 30;
const KEY_FRAME_EVERY = FPS;
const MAX_PAYLOAD = 1100;
const RTP_HEADER = 12;

export interface Vp8Source {
  ssrc: number;
  /** starts sending to the port (a comedia PlainTransport learns our address from the first packet) */
  start(port: number): void;
  stop(): void;
  packetsSent(): number;
}

export async function vp8Source(ssrc: number, bitsPerSecond: number): Promise<Vp8Source> {
  const socket: Socket = createSocket('udp4');
  // mediasoup answers with RTCP (receiver reports, PLIs): read and dropped.
  socket.on('message', () => {});
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const frameBytes = Math.round(bitsPerSecond / 8 / FPS);
  let sequence = ssrc & 0xffff;
  let timestamp = 0;
  let pictureId = 0;
  let frame = 0;
  let sent = 0;
  let timer: NodeJS.Timeout | undefined;
  let started = 0;

  const sendFrame = (port: number) => {
    const key = frame % KEY_FRAME_EVERY === 0;
    let remaining = frameBytes;
    let first = true;
    while (remaining > 0) {
      const body = Math.min(MAX_PAYLOAD, remaining);
      remaining -= body;
      const packet = Buffer.alloc(RTP_HEADER + body);
      packet[0] = 0x80; // RTP version 2
      packet[1] = (remaining === 0 ? 0x80 : 0) | VP8_PAYLOAD_TYPE; // marker on the frame's last packet
      packet.writeUInt16BE(sequence, 2);
      packet.writeUInt32BE(timestamp >>> 0, 4);
      packet.writeUInt32BE(ssrc >>> 0, 8);
      let at = RTP_HEADER;
      packet[at++] = first ? 0x90 : 0x80; // X, and S on a frame's first packet; partition 0
      packet[at++] = 0x80; // I: a picture id follows
      packet[at++] = pictureId & 0x7f;
      if (first) {
        packet[at++] = key ? 0x10 : 0x11; // show_frame; P bit 0 for a key frame
        packet[at++] = 0x02;
        packet[at++] = 0x00;
        if (key) {
          packet.set([0x9d, 0x01, 0x2a, 0x80, 0x02, 0x68, 0x01], at); // start code, 640×360
        }
      }
      socket.send(packet, port, '127.0.0.1');
      sent += 1;
      sequence = (sequence + 1) & 0xffff;
      first = false;
    }
    frame += 1;
    pictureId = (pictureId + 1) & 0x7f;
    timestamp += 90_000 / FPS;
  };

  return {
    ssrc,
    start(port) {
      started = performance.now();
      // Paced against the clock, so a late tick sends the frames it owes rather than drifting.
      timer = setInterval(() => {
        const due = Math.floor(((performance.now() - started) / 1000) * FPS);
        while (frame < due) sendFrame(port);
      }, 1000 / FPS);
    },
    stop() {
      clearInterval(timer);
      socket.close();
    },
    packetsSent: () => sent,
  };
}

/** A UDP port that counts what consumers send it. */
export async function udpSink(): Promise<{ port: number; bytes(): number; close(): void }> {
  const socket = createSocket('udp4');
  let bytes = 0;
  socket.on('message', (message) => {
    bytes += message.length;
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  try {
    socket.setRecvBufferSize(8 * 1024 * 1024);
  } catch {
    // capped by the kernel's rmem_max: fine, a dropped datagram only lowers the count
  }
  return { port: socket.address().port, bytes: () => bytes, close: () => socket.close() };
}
