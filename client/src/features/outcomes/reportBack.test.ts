import { type BreakoutSet, emptyOutcomeSections } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { pid } from '../../testing/fakes.ts';
import { participant, rid, workshopView } from '../../testing/workshop.ts';
import { readyGroups, reportingNow } from './reportBack.ts';

const set: BreakoutSet = {
  id: 's1',
  name: 'Monday groups',
  rooms: [
    { id: rid('r1'), name: 'Water', rapporteurId: pid('ana') },
    { id: rid('r2'), name: 'Energy', rapporteurId: null },
    { id: rid('r3'), name: 'Data', rapporteurId: pid('ben') },
  ],
  mode: 'manual',
  assignments: { [pid('ana')]: rid('r1'), [pid('ben')]: rid('r3') },
  selfSelect: { allowed: false, maxPerRoom: null },
};
const base = workshopView([participant('ana', { name: 'Ana' }), participant('ben', { name: 'Ben' })], {
  breakouts: { sets: [set], open: null },
  outcomes: {
    [rid('r3')]: {
      roomId: rid('r3'),
      setId: 's1',
      status: 'submitted',
      sections: { ...emptyOutcomeSections(), trends: ['Drought'] },
      versions: [
        {
          version: 1,
          sections: { ...emptyOutcomeSections(), trends: ['Drought'] },
          submittedAt: 5,
          submittedBy: pid('ben'),
        },
      ],
      acceptedVersion: null,
      acceptedBy: null,
      updatedAt: 5,
    },
  },
});
const turn = {
  id: 'report-r3',
  participantId: pid('ben'),
  inRoomName: null,
  kind: 'new-point' as const,
  agendaItemId: null,
  startedAt: 100,
  durationMs: 180_000,
  warnAt: null,
  warned: false,
};

describe('report-back', () => {
  it('is nothing while no report-back runs', () => {
    expect(reportingNow(base)).toBeNull();
  });

  it('names the group reporting, its place, its rapporteur, what it submitted and the turn', () => {
    const running = {
      ...base,
      reportBack: {
        setId: 's1',
        order: [rid('r1'), rid('r2'), rid('r3')],
        index: 2,
        durationMs: 180_000,
        startedAt: 1,
      },
      queue: { entries: [], turn, speeches: [] },
    };
    expect(reportingNow(running)).toMatchObject({
      setName: 'Monday groups',
      roomName: 'Data',
      position: 3,
      total: 3,
      rapporteurName: 'Ben',
      version: { version: 1, sections: { trends: ['Drought'] } },
      turn: { id: 'report-r3' },
    });
    const someoneElseSpeaks = { ...running, queue: { ...running.queue, turn: { ...turn, participantId: pid('ana') } } };
    expect(reportingNow(someoneElseSpeaks)?.turn).toBeNull();
  });

  it('counts the groups that will report and those that submitted', () => {
    expect(readyGroups(base, 's1')).toEqual({ reporting: 2, rooms: 3, submitted: 1 });
    expect(readyGroups(base, 'nope')).toEqual({ reporting: 0, rooms: 0, submitted: 0 });
  });
});
