import type { Poll } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { pid } from '../../testing/fakes.ts';
import { liveCounts, myVote, parseOptions, share, visiblePolls } from './polls.ts';

const poll = (id: string, over: Partial<Poll> = {}): Poll => ({
  id,
  question: 'Which day?',
  options: [
    { id: 'o1', label: 'Monday' },
    { id: 'o2', label: 'Friday' },
  ],
  status: 'open',
  votes: {},
  createdAt: 1,
  openedAt: 2,
  closedAt: null,
  results: null,
  ...over,
});

describe('polls', () => {
  it('counts the ballots a chair can see, per option', () => {
    const open = poll('p', { votes: { [pid('a')]: 'o2', [pid('b')]: 'o2', [pid('c')]: 'o1' } });
    expect(liveCounts(open).map((count) => count.votes)).toEqual([1, 2]);
    expect(myVote(open, pid('c'))).toBe('o1');
    expect(myVote(open, pid('z'))).toBeNull();
  });

  it('reads options one per line, without blanks or repeats', () => {
    expect(parseOptions(' Monday \n\nfriday\nFriday\n')).toEqual(['Monday', 'friday']);
  });

  it('rounds shares and survives an empty poll', () => {
    expect(share(1, 3)).toBe(33);
    expect(share(0, 0)).toBe(0);
  });

  it('shows drafts to chairs only, newest first', () => {
    const polls = [poll('a', { status: 'closed' }), poll('b', { status: 'draft' }), poll('c')];
    expect(visiblePolls(polls, true).map((p) => p.id)).toEqual(['c', 'b', 'a']);
    expect(visiblePolls(polls, false).map((p) => p.id)).toEqual(['c', 'a']);
  });
});
