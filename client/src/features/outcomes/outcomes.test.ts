import { type BreakoutSet, emptyOutcomeSections, type RoomOutcomes } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { en } from '../../testing/english.ts';
import { pid } from '../../testing/fakes.ts';
import { participant, rid, workshopView } from '../../testing/workshop.ts';
import {
  alreadyPut,
  canKeepOutcomes,
  cleanItems,
  itemCount,
  myGroups,
  outcomesStatus,
  reportedVersion,
  roomMembers,
} from './outcomes.ts';

const monday: BreakoutSet = {
  id: 's1',
  name: 'Monday',
  rooms: [
    { id: rid('m1'), name: 'Water', rapporteurId: pid('ana') },
    { id: rid('m2'), name: 'Energy', rapporteurId: null },
  ],
  mode: 'manual',
  assignments: { [pid('ana')]: rid('m1'), [pid('ben')]: rid('m2') },
  selfSelect: { allowed: false, maxPerRoom: null },
};
const tuesday: BreakoutSet = {
  ...monday,
  id: 's2',
  name: 'Tuesday',
  rooms: [{ id: rid('t1'), name: 'Data', rapporteurId: null }],
  assignments: { [pid('ana')]: rid('t1') },
};
const people = [
  participant('ana', { name: 'Ana', role: 'rapporteur' }),
  participant('ben', { name: 'Ben' }),
  participant('chair', { name: 'Chair', role: 'co-facilitator' }),
];
const workshop = workshopView(people, { breakouts: { sets: [monday, tuesday], open: null } });

const version = (n: number, challenges: string[] = []) => ({
  version: n,
  sections: { ...emptyOutcomeSections(), challenges },
  submittedAt: n,
  submittedBy: pid('ana'),
});
const outcomes = (over: Partial<RoomOutcomes>): RoomOutcomes => ({
  roomId: rid('m1'),
  setId: 's1',
  status: 'draft',
  sections: emptyOutcomeSections(),
  versions: [],
  acceptedVersion: null,
  acceptedBy: null,
  updatedAt: 1,
  ...over,
});

describe('outcomes', () => {
  it('says where a group stands, naming the version', () => {
    const said = (status: ReturnType<typeof outcomesStatus>) =>
      en(`outcomes:status.${status.label}`, { version: status.version });
    expect(outcomesStatus(undefined)).toEqual({ tone: 'empty', label: 'empty', version: null });
    expect(said(outcomesStatus(undefined))).toBe('Nothing yet');
    expect(outcomesStatus(outcomes({}))).toEqual({ tone: 'draft', label: 'draft', version: null });
    const submitted = outcomes({ status: 'submitted', versions: [version(1), version(2)] });
    expect(said(outcomesStatus(submitted))).toBe('Submitted (version 2)');
    expect(outcomesStatus({ ...submitted, status: 'draft' })).toEqual({
      tone: 'draft',
      label: 'draftChanged',
      version: 2,
    });
    expect(said(outcomesStatus({ ...submitted, status: 'draft' }))).toBe('Draft (changed since version 2)');
    const accepted = outcomesStatus({ ...submitted, status: 'accepted', acceptedVersion: 1 });
    expect(said(accepted)).toBe('Accepted (version 1)');
  });

  it('reports the accepted version, else the latest submitted, as the report does', () => {
    expect(reportedVersion(outcomes({}))).toBeNull();
    const two = outcomes({ versions: [version(1, ['old']), version(2, ['new'])] });
    expect(reportedVersion(two)?.sections.challenges).toEqual(['new']);
    expect(reportedVersion({ ...two, acceptedVersion: 1 })?.sections.challenges).toEqual(['old']);
    expect(itemCount(version(1, ['a', 'b']).sections)).toBe(2);
  });

  it('lets the room’s rapporteur and the chairs keep the outcomes, nobody else', () => {
    expect(canKeepOutcomes(workshop, pid('ana'), rid('m1'))).toBe(true);
    expect(canKeepOutcomes(workshop, pid('ana'), rid('m2'))).toBe(false);
    expect(canKeepOutcomes(workshop, pid('ben'), rid('m2'))).toBe(false);
    expect(canKeepOutcomes(workshop, pid('chair'), rid('m2'))).toBe(true);
    expect(canKeepOutcomes(workshop, null, rid('m1'))).toBe(false);
  });

  it('shows the room one is in, else one’s groups with the latest set first', () => {
    expect(myGroups(workshop, pid('ana'), rid('m1')).map((group) => group.room.name)).toEqual(['Water']);
    expect(myGroups(workshop, pid('ana'), null).map((group) => group.room.name)).toEqual(['Data', 'Water']);
    expect(myGroups(workshop, pid('chair'), null)).toEqual([]);
    // A chair visiting a room sees that room.
    expect(myGroups(workshop, pid('chair'), rid('m2')).map((group) => group.room.name)).toEqual(['Energy']);
  });

  it('lists a room’s members, knows what was already put to the plenary, and cleans items', () => {
    expect(roomMembers(workshop, monday, rid('m1')).map((person) => person.name)).toEqual(['Ana']);
    const withProposal = {
      ...workshop,
      proposals: [
        {
          id: 'p1',
          text: 'Share data monthly',
          fromRoomId: rid('m1'),
          status: 'open' as const,
          responses: {},
          openedAt: 1,
          closedAt: null,
          result: null,
        },
      ],
    };
    expect(alreadyPut(withProposal, rid('m1'), ' Share data monthly ')).toBe(true);
    expect(alreadyPut(withProposal, rid('m2'), 'Share data monthly')).toBe(false);
    expect(cleanItems([' a ', '', '  ', 'b'])).toEqual(['a', 'b']);
  });
});
