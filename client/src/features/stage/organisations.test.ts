import { describe, expect, it } from 'vitest';
import { peer, pid } from '../../testing/fakes.ts';
import { participant } from '../../testing/workshop.ts';
import { groupByOrganisation, type PersonRow, peopleInRoom } from './organisations.ts';

const row = (name: string, organisation: string): PersonRow => ({
  id: pid(name),
  name,
  role: 'delegate',
  organisation,
});

describe('groupByOrganisation', () => {
  it('groups delegations alphabetically, people by name within each', () => {
    const groups = groupByOrganisation([
      row('Zoe', 'Tonga MoH'),
      row('ana', 'Fiji MoH'),
      row('Ben', 'Fiji MoH'),
      row('Cy', 'Samoa'),
    ]);
    expect(groups.map((group) => [group.organisation, group.people.map((p) => p.name)])).toEqual([
      ['Fiji MoH', ['ana', 'Ben']],
      ['Samoa', ['Cy']],
      ['Tonga MoH', ['Zoe']],
    ]);
  });

  it('treats spellings that differ only in case or accents as one organisation', () => {
    const groups = groupByOrganisation([row('A', 'Ministère'), row('B', 'ministere'), row('C', 'MINISTÈRE')]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.people.map((p) => p.name)).toEqual(['A', 'B', 'C']);
  });

  it('puts people without an organisation last, in a group of their own', () => {
    const groups = groupByOrganisation([row('Dee', ''), row('Eve', 'Alpha'), row('Fay', 'Zulu'), row('Gus', '')]);
    expect(groups.map((group) => group.organisation)).toEqual(['Alpha', 'Zulu', '']);
    expect(groups[2]?.people.map((p) => p.name)).toEqual(['Dee', 'Gus']);
  });
});

describe('peopleInRoom', () => {
  it('describes peers from the roster, and keeps the room name of someone the roster lacks', () => {
    const rows = peopleInRoom([peer('ana', 'Ana (room)'), peer('new', 'Newcomer')], {
      ana: participant('ana', { name: 'Ana', organisation: ' Fiji MoH ', role: 'rapporteur' }),
    });
    expect(rows).toEqual([
      { id: 'ana', name: 'Ana', role: 'rapporteur', organisation: 'Fiji MoH' },
      { id: 'new', name: 'Newcomer', role: null, organisation: '' },
    ]);
  });
});
