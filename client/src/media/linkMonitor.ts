import { Command, type LinkQuality, type MediaPath } from '@plenary/shared';
import type { Requester } from '../net/request.ts';
import type { SelfLink } from '../stores/slices/localMedia.ts';
import type { AppStore } from '../stores/state.ts';
import type { TransportLink } from './connection.ts';
import { gradeLink, type LinkFigures, worse } from './linkStats.ts';

const SAMPLE_EVERY_MS = 3_000;

/** Ours as one link: the worst round trip and loss of any transport, the sending side's bitrate. */
export function summariseLinks(links: readonly TransportLink[]): SelfLink | null {
  const through = links.filter(({ sample }) => sample.path !== null);
  if (through.length === 0) return null;
  const pick = (read: (figures: LinkFigures) => number | null, combine: (a: number, b: number) => number) =>
    through
      .map(({ sample }) => read(sample.figures))
      .reduce<number | null>((a, b) => (a === null ? b : b === null ? a : combine(a, b)), null);
  const figures: LinkFigures = {
    rttMs: pick((f) => f.rttMs, Math.max),
    lossPercent: pick((f) => f.lossPercent, Math.max),
    outgoingKbps: pick((f) => f.outgoingKbps, Math.min),
  };
  const quality = through.map(({ sample }) => gradeLink(sample.figures)).reduce(worse, gradeLink(figures));
  const relayed = through.find(({ sample }) => sample.path?.startsWith('relay'));
  return { quality, figures, path: (relayed ?? through[0])?.sample.path ?? null };
}

export interface LinkMonitorOptions {
  store: AppStore;
  request: Requester;
  sample: () => Promise<TransportLink[]>;
  /** The link graded poor while our camera is on: suggest switching it off (once per room). */
  onPoor: () => void;
}

/**
 * Samples this tab's transports every few seconds: shows our own link on our tile, and tells the
 * server each transport's path and grade when they change (for the room's tiles and /metrics).
 */
export class LinkMonitor {
  readonly #options: LinkMonitorOptions;
  readonly #reported = new Map<string, `${MediaPath}/${LinkQuality}`>();
  readonly #timer: ReturnType<typeof setInterval>;
  #suggested = false;

  constructor(options: LinkMonitorOptions) {
    this.#options = options;
    this.#timer = setInterval(() => void this.sampleNow(), SAMPLE_EVERY_MS);
  }

  async sampleNow(): Promise<void> {
    const { store, request, sample, onPoor } = this.#options;
    const links = await sample().catch(() => []);
    const self = summariseLinks(links);
    store.setState({ selfLink: self });
    if (!self) return;
    for (const { transportId, sample: measured } of links) {
      if (!measured.path) continue;
      const said = `${measured.path}/${self.quality}` as const;
      if (this.#reported.get(transportId) === said) continue;
      this.#reported.set(transportId, said);
      // The room sees one grade per person: ours as a whole, sent with each transport's own path.
      void request(Command.mediaReportConnection, { transportId, path: measured.path, quality: self.quality });
    }
    if (self.quality === 'poor' && store.getState().localMedia.camera === 'live' && !this.#suggested) {
      this.#suggested = true;
      onPoor();
    }
  }

  close(): void {
    clearInterval(this.#timer);
    this.#options.store.setState({ selfLink: null });
  }
}
