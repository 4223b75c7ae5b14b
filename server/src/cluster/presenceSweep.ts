import { SYSTEM_ACTOR } from '../domain/commands.ts';
import type { Logger } from '../logger.ts';
import { participantKey, type RealtimeContext } from '../realtime/types.ts';

/**
 * Keeps "connected" true to the connections across all nodes. A node's own departures are handled
 * where they happen (Presence's grace timer); what no node can handle for itself is its own death:
 * its participants would stay "connected" for ever. So every node, for the workshops it holds, now
 * and then compares the workshop with the connections every node reports (Socket.IO's
 * `fetchSockets` through the adapter): someone connected nowhere for the reconnect grace period is
 * marked disconnected, and someone connected somewhere but marked disconnected is marked back.
 * Several nodes may do the same at once: the second decision is refused as a duplicate.
 *
 * Each sweep also brings the workshops up to date from the store, in case a node's word of a
 * change was lost on the way (Redis pub/sub does not retry).
 */
export class PresenceSweep {
  private readonly mismatchSince = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly ctx: Pick<RealtimeContext, 'io' | 'workshops' | 'now'>,
    private readonly logger: Logger,
    private readonly graceMs: number,
    readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = true;
      this.sweep()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'presence sweep failed; trying again'))
        .finally(() => {
          this.running = false;
        });
    }, this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async sweep(): Promise<void> {
    const workshops = this.ctx.workshops.loaded();
    if (workshops.length === 0) return;
    await Promise.all(workshops.map((workshop) => workshop.catchUp()));
    const live = new Set<string>();
    for (const socket of await this.ctx.io.fetchSockets()) {
      const { workshopId, participantId, joined } = socket.data;
      if (workshopId && participantId && joined) live.add(participantKey(workshopId, participantId));
    }
    const now = this.ctx.now();
    const mismatched = new Set<string>();
    for (const workshop of workshops) {
      for (const participant of Object.values(workshop.state.participants)) {
        const key = participantKey(workshop.id, participant.id);
        const connected = live.has(key);
        if (participant.connected === connected) continue;
        mismatched.add(key);
        const since = this.mismatchSince.get(key) ?? now;
        this.mismatchSince.set(key, since);
        // Gone: the same grace as a dropped connection. Back: on the next sweep (a join under way
        // marks them itself).
        if (now - since < (connected ? this.intervalMs : this.graceMs)) continue;
        this.mismatchSince.delete(key);
        const type = connected ? 'participant.connected' : 'participant.disconnected';
        const result = await workshop.execute({ type, actor: SYSTEM_ACTOR, participantId: participant.id });
        if (result.ok)
          this.logger.info({ workshopId: workshop.id, participantId: participant.id, type }, 'presence corrected');
      }
    }
    for (const key of this.mismatchSince.keys()) if (!mismatched.has(key)) this.mismatchSince.delete(key);
  }
}
