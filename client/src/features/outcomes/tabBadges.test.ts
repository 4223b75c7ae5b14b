import type { BreakoutSet } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { initialAppState } from '../../stores/state.ts';
import { pid } from '../../testing/fakes.ts';
import { inPlenary, participant, rid, workshopView } from '../../testing/workshop.ts';
import { panelTabs } from '../stage/SidePanel.tsx';
import { awaitingAnswer, awaitingReview, hasOwnGroup } from './tabBadges.ts';

const set: BreakoutSet = {
  id: 's1',
  name: 'Groups',
  rooms: [{ id: rid('r1'), name: 'Water', rapporteurId: pid('ana') }],
  mode: 'manual',
  assignments: { [pid('ana')]: rid('r1') },
  selfSelect: { allowed: false, maxPerRoom: null },
};

const state = (selfId: string) => ({
  ...initialAppState(),
  selfId: pid(selfId),
  whereabouts: inPlenary,
  workshop: workshopView(
    [participant('ana', { role: 'rapporteur' }), participant('ben'), participant('fay', { role: 'facilitator' })],
    {
      breakouts: { sets: [set], open: null },
      proposals: [
        {
          id: 'p1',
          text: 'Share data',
          fromRoomId: null,
          status: 'open',
          responses: { [pid('ana')]: 'agree' },
          openedAt: 1,
          closedAt: null,
          result: null,
        },
      ],
    },
  ),
});

describe('the side panel’s tabs', () => {
  it('show the Outcomes tab to a group’s members only', () => {
    expect(hasOwnGroup(state('ana'))).toBe(true);
    expect(hasOwnGroup(state('ben'))).toBe(false);
  });

  it('count what waits for an answer, and what waits for a chair', () => {
    expect(awaitingAnswer(state('ana'))).toBe(0);
    expect(awaitingAnswer(state('ben'))).toBe(1);
    expect(awaitingAnswer(state('fay'))).toBe(0);
    expect(awaitingReview(state('fay'))).toBe(0);
  });

  it('give chairs Groups, Report and Invite, and everyone Notes and Decisions', () => {
    const base = { waiting: 0, queue: 0, help: 0, breakoutOpen: false, toAnswer: 0, toReview: 0 };
    const ids = (chair: boolean, group: boolean) => panelTabs({ ...base, chair, group }).map((tab) => tab.id);
    expect(ids(true, false)).toEqual([
      'people',
      'agenda',
      'speakers',
      'breakouts',
      'chat',
      'notes',
      'library',
      'groups',
      'decisions',
      'report',
      'invite',
      'editions',
    ]);
    expect(ids(false, true)).toEqual([
      'people',
      'agenda',
      'speakers',
      'breakouts',
      'chat',
      'notes',
      'library',
      'outcomes',
      'decisions',
    ]);
    expect(ids(false, false)).not.toContain('outcomes');
  });
});
