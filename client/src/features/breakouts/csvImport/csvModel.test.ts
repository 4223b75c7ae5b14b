import type { BreakoutSet, CsvPreview } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { pid } from '../../../testing/fakes.ts';
import { participant, rid } from '../../../testing/workshop.ts';
import { canImport, csvBlob, csvField, previewGroups, templateCsv, templateFileName } from './csvModel.ts';

const set: BreakoutSet = {
  id: 's1',
  name: 'Water / day 1',
  rooms: [
    { id: rid('r1'), name: 'Room 1', rapporteurId: null },
    { id: rid('r2'), name: 'Pipes, pumps', rapporteurId: null },
  ],
  mode: 'manual',
  assignments: { [pid('ana')]: rid('r2') },
  selfSelect: { allowed: false, maxPerRoom: null },
};

const people = Object.fromEntries(
  [
    participant('ana', { name: 'Ana "Nana" Lee', organisation: 'Fiji Water', email: 'ana@example.org' }),
    participant('ben', { name: '王芳', organisation: 'Samoa' }),
    participant('fay', { name: 'Fay', role: 'facilitator' }),
  ].map((p) => [p.id, p]),
);

const preview = (over: Partial<CsvPreview> = {}): CsvPreview => ({
  rows: [],
  assignments: {},
  errors: [],
  unassigned: [],
  ...over,
});

describe('csvField', () => {
  it('quotes only what needs quoting, doubling quotes', () => {
    expect(csvField('Room 1')).toBe('Room 1');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('')).toBe('');
  });
});

describe('templateCsv', () => {
  it('lists everyone in their room, the rest with an empty room, with CRLF lines', () => {
    expect(templateCsv(set, people).split('\r\n')).toEqual([
      'name,email,organisation,room',
      '"Ana ""Nana"" Lee",ana@example.org,Fiji Water,"Pipes, pumps"',
      '王芳,,Samoa,',
      '',
    ]);
  });

  it('is a UTF-8 file with a byte order mark for spreadsheets', async () => {
    const blob = csvBlob('name,room\r\n王芳,Room 1\r\n');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe('name,room\r\n王芳,Room 1\r\n');
  });

  it('names the file after the set, without characters file systems refuse', () => {
    expect(templateFileName(set)).toBe('Water-day-1.csv');
    expect(templateFileName({ ...set, name: '分组讨论 1' })).toBe('分组讨论-1.csv');
    expect(templateFileName({ ...set, name: '///' })).toBe('breakout-groups.csv');
  });
});

describe('previewGroups', () => {
  it('fills each room with the rows that resolved, and lists who the file leaves out', () => {
    const result = previewGroups(
      set,
      preview({
        rows: [
          { line: 2, participantId: pid('ben'), roomId: rid('r1') },
          { line: 3, participantId: pid('ana'), roomId: rid('r1') },
          { line: 4, participantId: pid('nobody'), roomId: rid('r2') },
        ],
        unassigned: [pid('fay')],
      }),
      people,
    );
    expect(result.groups.map((group) => [group.name, group.members.map((p) => p.name)])).toEqual([
      ['Room 1', ['Ana "Nana" Lee', '王芳']],
      ['Pipes, pumps', []],
    ]);
    expect(result.leftOut.map((p) => p.name)).toEqual(['Fay']);
  });
});

describe('canImport', () => {
  const row = { line: 2, participantId: pid('ana'), roomId: rid('r1') };

  it('allows a checked file with rows and no errors only (all or nothing)', () => {
    expect(canImport(null)).toBe(false);
    expect(canImport(preview({ rows: [row] }))).toBe(true);
    expect(canImport(preview())).toBe(false);
    expect(
      canImport(preview({ rows: [row], errors: [{ line: 3, code: 'unknown_room', message: 'no room "X"' }] })),
    ).toBe(false);
  });
});
