// A receiver on a thin downlink sees the smallest camera layer. mediasoup picks a simulcast layer by
// comparing the bitrate it measured for it with its bandwidth estimate, and that estimate lags a link
// that just got thinner: it steps down by a sixth or so a second, so a middle or top layer stays on
// for seconds while the link's queue overflows and audio is lost along with video (issue #21). The
// first step already lands far below a healthy estimate, so from there every camera on that link is
// held to its smallest layer; mediasoup still probes towards the top layer's rate, so the estimate
// can recover, and the layers the tiles asked for come back when it has.
import type { types } from 'mediasoup';

/**
 * Below this estimate the link is thin. An unhindered link estimates well over 1 Mbit/s for one
 * camera (mediasoup probes towards the top layer's rate); one capped at a few hundred kbit/s drops
 * from there to about 640 kbit/s at its first step, while the middle layer (up to 450 kbit/s) with
 * audio and some headroom would need about this much.
 */
export const THIN_BELOW_BPS = 700_000;
/** Above this the link counts as wide again; the gap keeps a wobbling estimate from flapping layers. */
export const WIDE_AGAIN_AT_BPS = 850_000;

/** Whether the link is thin, given the latest estimate and whether it was thin before. */
export function isThin(wasThin: boolean, availableBitrate: number): boolean {
  return availableBitrate < (wasThin ? WIDE_AGAIN_AT_BPS : THIN_BELOW_BPS);
}

/** The spatial layer to forward: what the tile asked for, but only the smallest on a thin link. */
export function forwardedLayer(wantedSpatialLayer: number, thin: boolean): number {
  return thin ? 0 : wantedSpatialLayer;
}

/** Calls `changed` whenever the transport's outgoing bandwidth estimate crosses into thin or back. */
export function watchDownlink(transport: types.Transport, changed: (thin: boolean) => void): void {
  let thin = false;
  transport.on('trace', (trace) => {
    if (trace.type !== 'bwe' || trace.direction !== 'out') return;
    const available: unknown = (trace.info as { availableBitrate?: unknown }).availableBitrate;
    if (typeof available !== 'number') return;
    const now = isThin(thin, available);
    if (now === thin) return;
    thin = now;
    changed(thin);
  });
  // Fails only when the transport closed meanwhile, and then there is nothing to watch.
  transport.enableTraceEvent(['bwe']).catch(() => undefined);
}
