import { describe, expect, it } from 'vitest';
import { gradeLink, sampleLink, worse } from './linkStats.ts';

const relayedSend = [
  { type: 'transport', id: 'T1', selectedCandidatePairId: 'CP1' },
  {
    type: 'candidate-pair',
    id: 'CP1',
    localCandidateId: 'L1',
    currentRoundTripTime: 0.123,
    availableOutgoingBitrate: 845_000,
  },
  { type: 'candidate-pair', id: 'CP2', localCandidateId: 'L2', currentRoundTripTime: 0.01 },
  { type: 'local-candidate', id: 'L1', candidateType: 'relay', protocol: 'udp', relayProtocol: 'tls' },
  { type: 'local-candidate', id: 'L2', candidateType: 'host', protocol: 'udp' },
  { type: 'remote-inbound-rtp', id: 'R1', fractionLost: 0.031 },
  { type: 'remote-inbound-rtp', id: 'R2', fractionLost: 0.004 },
];

describe('sampleLink', () => {
  it('reads the selected pair: round trip, outgoing bitrate, relay path, and the worst loss reported back', () => {
    const { figures, path } = sampleLink(relayedSend);
    expect(figures).toEqual({ rttMs: 123, lossPercent: 3.1, outgoingKbps: 845 });
    expect(path).toBe('relay-tls');
  });

  it('falls back to the nominated pair, and measures receive loss between samples', () => {
    const first = sampleLink([
      { type: 'candidate-pair', id: 'CP', nominated: true, state: 'succeeded', localCandidateId: 'L' },
      { type: 'local-candidate', id: 'L', candidateType: 'host', protocol: 'tcp' },
      { type: 'inbound-rtp', id: 'I1', packetsReceived: 1000, packetsLost: 500 },
    ]);
    expect(first.path).toBe('tcp');
    const second = sampleLink(
      [{ type: 'inbound-rtp', id: 'I1', packetsReceived: 1095, packetsLost: 505 }],
      first.counts,
    );
    expect(second.figures.lossPercent).toBe(5);
    expect(second.path).toBeNull();
  });

  it('has no figures before anything is measured', () => {
    expect(sampleLink([]).figures).toEqual({ rttMs: null, lossPercent: null, outgoingKbps: null });
  });
});

describe('gradeLink', () => {
  it('grades by the worst figure', () => {
    expect(gradeLink({ rttMs: 40, lossPercent: 0, outgoingKbps: 2_000 })).toBe('good');
    expect(gradeLink({ rttMs: 300, lossPercent: 0, outgoingKbps: 2_000 })).toBe('fair');
    expect(gradeLink({ rttMs: 40, lossPercent: 3, outgoingKbps: 2_000 })).toBe('fair');
    expect(gradeLink({ rttMs: 40, lossPercent: 0, outgoingKbps: 300 })).toBe('good');
    expect(gradeLink({ rttMs: 40, lossPercent: 0, outgoingKbps: 200 })).toBe('fair');
    expect(gradeLink({ rttMs: 40, lossPercent: 10, outgoingKbps: 2_000 })).toBe('poor');
    expect(gradeLink({ rttMs: 600, lossPercent: 0, outgoingKbps: null })).toBe('poor');
    expect(gradeLink({ rttMs: 40, lossPercent: 0, outgoingKbps: 100 })).toBe('poor');
  });

  it('ignores what was not measured', () => {
    expect(gradeLink({ rttMs: null, lossPercent: null, outgoingKbps: null })).toBe('good');
  });

  it('takes the worse of two grades', () => {
    expect(worse('good', 'fair')).toBe('fair');
    expect(worse('poor', 'fair')).toBe('poor');
    expect(worse('good', 'good')).toBe('good');
  });
});
