import type { Proposal } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { en } from '../../testing/english.ts';
import { pid } from '../../testing/fakes.ts';
import { participant, rid, workshopView } from '../../testing/workshop.ts';
import { liveTally, myResponse, orderedProposals, roomName, summariseResult } from './proposals.ts';

const proposal = (id: string, over: Partial<Proposal> = {}): Proposal => ({
  id,
  text: `Proposal ${id}`,
  fromRoomId: null,
  status: 'open',
  responses: {},
  openedAt: 1,
  closedAt: null,
  result: null,
  ...over,
});

describe('proposals', () => {
  it('counts the answers so far and knows one’s own', () => {
    const open = proposal('p1', { responses: { [pid('ana')]: 'agree', [pid('ben')]: 'object', [pid('cy')]: 'agree' } });
    expect(liveTally(open)).toEqual({ agree: 2, object: 1, abstain: 0 });
    expect(myResponse(open, pid('ben'))).toBe('object');
    expect(myResponse(open, pid('zoe'))).toBeNull();
    expect(myResponse(open, null)).toBeNull();
  });

  it('says whether there is consensus, with the counts and who objected', () => {
    const people = { [pid('ben')]: participant('ben', { name: 'Ben' }) };
    const result = { consensus: false, agree: 5, object: 1, abstain: 2, objectors: [pid('ben'), pid('gone')] };
    const summary = summariseResult(result, people);
    expect(summary).toEqual({
      consensus: false,
      tally: { agree: 5, object: 1, abstain: 2 },
      objectors: ['Ben', null],
    });
    expect(en('proposals:tally', summary.tally)).toBe('5 agree, 1 object, 2 abstain');
    expect(summariseResult({ ...result, consensus: true, objectors: [] }, people)).toMatchObject({
      consensus: true,
      objectors: [],
    });
  });

  it('lists open proposals first, in order, then closed ones, newest first', () => {
    const list = [
      proposal('a', { status: 'closed' }),
      proposal('b'),
      proposal('c', { status: 'closed' }),
      proposal('d'),
    ];
    expect(orderedProposals(list).map((p) => p.id)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('names the group a proposal came from', () => {
    const workshop = workshopView([], {
      breakouts: {
        sets: [
          {
            id: 's',
            name: 'S',
            rooms: [{ id: rid('r1'), name: 'Water', rapporteurId: null }],
            mode: 'manual',
            assignments: {},
            selfSelect: { allowed: false, maxPerRoom: null },
          },
        ],
        open: null,
      },
    });
    expect(roomName(workshop, rid('r1'))).toBe('Water');
    expect(roomName(workshop, null)).toBeNull();
  });
});
