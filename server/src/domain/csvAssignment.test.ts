import { describe, expect, it } from 'vitest';
import { previewCsvAssignment } from './csvAssignment.ts';
import type { BreakoutSet, WorkshopState } from './model.ts';
import { fac, pid, register, rejected, run, workshopWith } from './testkit.ts';

function setup(): { state: WorkshopState; set: BreakoutSet } {
  let state = workshopWith([
    { id: 'ana', name: 'Ana Lima', email: 'ana@agency.pt' },
    { id: 'joao', name: 'João  Costa', email: 'joao@agency.pt' },
    { id: 'mia', name: 'Mia Berg' },
    { id: 'obs', name: 'Olga Press', role: 'observer' },
  ]);
  state = register(state, { id: 'ana2', name: 'ana lima', email: 'ana.lima@ministry.fr' });
  state = run(state, {
    type: 'breakouts.createSet',
    actor: fac,
    name: 'Day 1 groups',
    roomNames: ['Blue', 'Red room'],
  });
  const set = state.breakouts.sets[0];
  if (!set) throw new Error('no set');
  return { state, set };
}

const { state, set } = setup();
const [blue, red] = set.rooms.map((r) => r.id);

describe('previewCsvAssignment', () => {
  it('resolves names and emails to participants and rooms', () => {
    const preview = previewCsvAssignment(state, set, 'name,email,room\n,joao@agency.pt,Blue\nMia Berg,,Red room\n');
    expect(preview.errors).toEqual([]);
    expect(preview.rows).toEqual([
      { line: 2, participantId: pid('joao'), roomId: blue },
      { line: 3, participantId: pid('mia'), roomId: red },
    ]);
    expect(preview.assignments).toEqual({ joao: blue, mia: red });
    // Not in the file, and could be auto-assigned (the observer and the facilitator could not).
    expect(preview.unassigned.sort()).toEqual([pid('ana'), pid('ana2')]);
  });

  it('matches names and rooms without regard to case, accents’ composition and spacing', () => {
    const preview = previewCsvAssignment(state, set, 'Name , ROOM\n  JOÃO COSTA ,  red   ROOM \nMIA berg,blue');
    expect(preview.errors).toEqual([]);
    expect(preview.assignments).toEqual({ joao: red, mia: blue });
  });

  it('accepts a byte order mark, CRLF, semicolons, quotes and blank lines', () => {
    const csv = '\uFEFFemail;room\r\n\r\n"joao@agency.pt";"Blue"\r\n\r\nANA@agency.pt;"Red room"\r\n';
    const preview = previewCsvAssignment(state, set, csv);
    expect(preview.errors).toEqual([]);
    expect(preview.assignments).toEqual({ joao: blue, ana: red });
  });

  it('accepts a room id as well as a room name', () => {
    expect(previewCsvAssignment(state, set, `name,room\nMia Berg,${red}`).assignments).toEqual({ mia: red });
  });

  it('lists every row error with its line', () => {
    const csv = [
      'name,room',
      'Ana Lima,Blue', // two participants have this name
      'Nobody Here,Blue',
      'Mia Berg,Green',
      'João Costa,Blue',
      'joão costa,Red room', // João twice
      ',Blue',
      'Mia Berg,',
    ].join('\n');
    const preview = previewCsvAssignment(state, set, csv);
    expect(preview.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'ambiguous_participant'],
      [3, 'unknown_participant'],
      [4, 'unknown_room'],
      [6, 'duplicate'],
      [7, 'missing_value'],
      [8, 'missing_value'],
      [8, 'duplicate'],
    ]);
    expect(preview.errors[1]?.message).toContain('Nobody Here');
    expect(preview.errors[2]?.message).toContain('Green');
    expect(preview.errors[3]?.message).toContain('line 5');
    expect(preview.rows.map((r) => r.line)).toEqual([5]);
  });

  it('refuses an empty file, a header without rows, and missing columns', () => {
    expect(previewCsvAssignment(state, set, '').errors).toEqual([
      { line: 1, code: 'empty', message: 'the file is empty' },
    ]);
    expect(previewCsvAssignment(state, set, '\uFEFF\n \n').errors[0]?.code).toBe('empty');
    expect(previewCsvAssignment(state, set, 'name,room\n\n').errors[0]?.code).toBe('empty');
    expect(previewCsvAssignment(state, set, 'name,group\nMia Berg,Blue').errors).toEqual([]);
    expect(previewCsvAssignment(state, set, 'person,room\nMia Berg,Blue').errors[0]?.code).toBe('missing_column');
    expect(previewCsvAssignment(state, set, 'name,table\nMia Berg,Blue').errors[0]?.code).toBe('missing_column');
  });

  it('reports a malformed file', () => {
    expect(previewCsvAssignment(state, set, 'name,room\n"Mia Berg,Blue').errors).toEqual([
      { line: 2, code: 'malformed', message: 'a quoted field is never closed' },
    ]);
  });
});

describe('breakouts.importCsv', () => {
  const withManual = run(state, {
    type: 'breakouts.assign',
    actor: fac,
    setId: set.id,
    participantId: pid('ana2'),
    roomId: red ?? null,
  });

  it('replaces the set’s assignments with the file’s, in csv mode', () => {
    const next = run(withManual, {
      type: 'breakouts.importCsv',
      actor: fac,
      setId: set.id,
      csv: 'name,room\nMia Berg,Blue\njoão costa,Red room',
    });
    const imported = next.breakouts.sets[0];
    expect(imported?.mode).toBe('csv');
    expect(imported?.assignments).toEqual({ mia: blue, joao: red });
  });

  it('applies nothing when any row is wrong', () => {
    const result = rejected(withManual, {
      type: 'breakouts.importCsv',
      actor: fac,
      setId: set.id,
      csv: 'name,room\nMia Berg,Blue\nNobody,Blue',
    });
    expect(result.error.code).toBe('invalid_payload');
    expect(result.error.message).toContain('line 3');
  });

  it('refuses an unknown set', () => {
    expect(
      rejected(state, { type: 'breakouts.importCsv', actor: fac, setId: 'nope', csv: 'name,room' }).error.code,
    ).toBe('not_found');
  });
});
