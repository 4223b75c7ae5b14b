import { describe, expect, it } from 'vitest';
import { CONNECT_DEADLINE_MS, countPaths, pathMetrics, peerMediaState, type TransportView } from './connectionState.ts';

const at = 1_000_000;
const transport = (patch: Partial<TransportView> = {}): TransportView => ({
  iceState: 'new',
  dtlsState: 'new',
  connectingSince: at,
  ...patch,
});
const through = transport({ iceState: 'completed', dtlsState: 'connected' });

describe('peerMediaState', () => {
  it('is connecting before any transport is used and while used ones are within their deadline', () => {
    expect(peerMediaState([], at)).toBe('connecting');
    expect(peerMediaState([transport({ connectingSince: null })], at + 60_000)).toBe('connecting');
    expect(peerMediaState([through, transport({ connectingSince: null })], at + 60_000)).toBe('connected');
    expect(peerMediaState([through, transport()], at + CONNECT_DEADLINE_MS - 1)).toBe('connecting');
  });

  it('is connected once every transport has DTLS connected', () => {
    expect(peerMediaState([through, through], at + 60_000)).toBe('connected');
  });

  it('is not connected when a transport never connects in time (a blocked network never fails here)', () => {
    expect(peerMediaState([through, transport({ iceState: 'connected' })], at + CONNECT_DEADLINE_MS)).toBe(
      'notConnected',
    );
  });

  it('is not connected when ICE loses its path or DTLS fails', () => {
    expect(peerMediaState([through, transport({ iceState: 'disconnected', dtlsState: 'connected' })], at)).toBe(
      'notConnected',
    );
    expect(peerMediaState([transport({ dtlsState: 'failed' })], at)).toBe('notConnected');
  });
});

describe('countPaths', () => {
  it("counts the client's report first, else the selected tuple's protocol, and skips unconnected ones", () => {
    const counts = countPaths([
      { reported: 'relay-tls', tupleProtocol: 'tcp' },
      { reported: undefined, tupleProtocol: 'udp' },
      { reported: undefined, tupleProtocol: 'tcp' },
      { reported: 'udp', tupleProtocol: 'udp' },
      { reported: undefined, tupleProtocol: undefined },
    ]);
    expect(counts).toEqual({ udp: 2, tcp: 1, 'relay-udp': 0, 'relay-tcp': 0, 'relay-tls': 1 });
  });

  it('writes one metrics line per path', () => {
    const lines = pathMetrics(countPaths([{ reported: 'relay-udp', tupleProtocol: 'udp' }]));
    expect(lines).toContain('plenary_transports{path="relay-udp"} 1');
    expect(lines).toContain('plenary_transports{path="udp"} 0');
    expect(lines).toHaveLength(5);
  });
});
