import type { ParticipantId, Poll } from '@plenary/shared';

export interface OptionCount {
  optionId: string;
  label: string;
  votes: number;
}

/**
 * Votes per option from the ballots this viewer can see: chairs see every ballot while the poll is
 * open; others see only their own, so only chairs are shown live counts.
 */
export function liveCounts(poll: Poll): OptionCount[] {
  const counts = poll.options.map((option) => ({ optionId: option.id, label: option.label, votes: 0 }));
  for (const optionId of Object.values(poll.votes)) {
    const count = counts.find((candidate) => candidate.optionId === optionId);
    if (count) count.votes += 1;
  }
  return counts;
}

export const myVote = (poll: Poll, selfId: ParticipantId | null): string | null =>
  (selfId && poll.votes[selfId]) || null;

/** A share as a whole percentage, 0 when nobody voted. */
export const share = (part: number, total: number): number => (total > 0 ? Math.round((part / total) * 100) : 0);

/** The options typed one per line: trimmed, blank and repeated lines left out. */
export function parseOptions(text: string): string[] {
  const seen = new Set<string>();
  const options: string[] = [];
  for (const line of text.split('\n')) {
    const option = line.trim();
    const key = option.toLowerCase();
    if (!option || seen.has(key)) continue;
    seen.add(key);
    options.push(option);
  }
  return options;
}

/** Chairs see every poll; others see polls once they are open. */
export const visiblePolls = (polls: readonly Poll[], chair: boolean): Poll[] =>
  [...polls].reverse().filter((poll) => chair || poll.status !== 'draft');
