import type { Participant, QueueState } from '@plenary/shared';

export interface OrganisationTime {
  organisation: string;
  /** finished turns plus, while it runs, the current one */
  ms: number;
  turns: number;
  /** someone of this organisation has the floor now */
  speakingNow: boolean;
}

/** The whole workshop, or only what was said during one agenda item (null: outside any item). */
export type SpeakingScope = { kind: 'workshop' } | { kind: 'item'; agendaItemId: string | null };

/**
 * Speaking time per organisation, longest first: finished turns as the server recorded them, the
 * running turn counted up to `now`, and every organisation that may speak (anyone but observers)
 * listed even at zero, so the chart also shows who has not been heard.
 */
export function speakingTimeByOrganisation(
  queue: QueueState,
  participants: Readonly<Record<string, Participant>>,
  now: number,
  scope: SpeakingScope = { kind: 'workshop' },
): OrganisationTime[] {
  const inScope = (agendaItemId: string | null) => scope.kind === 'workshop' || agendaItemId === scope.agendaItemId;
  const rows = new Map<string, OrganisationTime>();
  const rowOf = (organisation: string) => {
    let row = rows.get(organisation);
    if (!row) {
      row = { organisation, ms: 0, turns: 0, speakingNow: false };
      rows.set(organisation, row);
    }
    return row;
  };
  for (const participant of Object.values(participants)) {
    if (participant.role !== 'observer') rowOf(participant.organisation);
  }
  for (const speech of queue.speeches) {
    if (!inScope(speech.agendaItemId)) continue;
    const row = rowOf(speech.organisation);
    row.ms += Math.max(0, speech.endedAt - speech.startedAt);
    row.turns += 1;
  }
  const turn = queue.turn;
  if (turn && inScope(turn.agendaItemId)) {
    const row = rowOf(participants[turn.participantId]?.organisation ?? '');
    row.ms += Math.max(0, now - turn.startedAt);
    row.turns += 1;
    row.speakingNow = true;
  }
  return [...rows.values()].sort((a, b) => b.ms - a.ms || a.organisation.localeCompare(b.organisation));
}

export interface ChartScale {
  /** the full bar width stands for this many ms: a round step count at or above the longest time */
  maxMs: number;
  /** gridlines, in ms */
  ticks: number[];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** Round steps, from a quarter minute (the first turns of a day) to hours (its end). */
const NICE_STEPS = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400].map((seconds) => seconds * SECOND);

/** An axis of at most `maxTicks` round steps, so bars are read against round numbers. */
export function chartScale(longestMs: number, maxTicks = 4): ChartScale {
  const longest = Math.max(longestMs, 1);
  const step =
    NICE_STEPS.find((candidate) => longest / candidate <= maxTicks) ?? Math.ceil(longest / maxTicks / MINUTE) * MINUTE;
  const steps = Math.max(1, Math.ceil(longest / step));
  return { maxMs: steps * step, ticks: Array.from({ length: steps + 1 }, (_, i) => i * step) };
}

/** A share of the total, in whole percent (0 when nobody has spoken). */
export const shareOf = (ms: number, totalMs: number): number => (totalMs > 0 ? Math.round((ms / totalMs) * 100) : 0);

/**
 * Time spoken, `m:ss` (or `h:mm:ss`), rounded down: a bar never claims a second not yet spoken.
 * (Not lib/time.ts: a lazy chunk importing it makes Rolldown split shared modules out of the entry
 * chunk, which costs every page about 1.6 KiB of initial JavaScript.)
 */
export function spokenClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const ss = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}
