import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv.ts';

const fields = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.records.map((r) => r.fields);
};

describe('parseCsv', () => {
  it('splits rows and fields', () => {
    expect(fields('name,room\nAna,Blue\nBen,Red')).toEqual([
      ['name', 'room'],
      ['Ana', 'Blue'],
      ['Ben', 'Red'],
    ]);
  });

  it('reads quoted fields holding delimiters, doubled quotes and newlines', () => {
    expect(fields('name,room\n"Costa, João","The ""big"" room"\n"Line\none",x\n')).toEqual([
      ['name', 'room'],
      ['Costa, João', 'The "big" room'],
      ['Line\none', 'x'],
    ]);
  });

  it('accepts CRLF, LF and CR line ends and drops a byte order mark', () => {
    expect(fields('\uFEFFname,room\r\nAna,Blue\rBen,Red\n')).toEqual([
      ['name', 'room'],
      ['Ana', 'Blue'],
      ['Ben', 'Red'],
    ]);
  });

  it('skips blank lines and lines of empty fields, keeping line numbers right', () => {
    const parsed = parseCsv('name,room\n\n  \nAna,Blue\n,\n"multi\nline",Red\nBen,Green\n\n');
    expect(parsed.ok && parsed.records.map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'name'],
      [4, 'Ana'],
      [6, 'multi\nline'],
      [8, 'Ben'],
    ]);
  });

  it('keeps empty fields in the middle of a row and allows spaces around quotes', () => {
    expect(fields('a,b,c\n1,,3\n "x" ,y,z')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['x', 'y', 'z'],
    ]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(fields('name\n5" screen')).toEqual([['name'], ['5" screen']]);
  });

  it('reports a quote never closed, on the line it opened', () => {
    expect(parseCsv('name,room\nAna,"Blue\nBen,Red')).toEqual({
      ok: false,
      line: 2,
      message: 'a quoted field is never closed',
    });
  });

  it('reports text after a closing quote', () => {
    const parsed = parseCsv('name,room\n"Ana"x,Blue');
    expect(parsed).toMatchObject({ ok: false, line: 2 });
  });

  it('returns no records for an empty or blank input', () => {
    expect(fields('')).toEqual([]);
    expect(fields('\uFEFF\n\n')).toEqual([]);
  });
});

describe('detectDelimiter', () => {
  it('finds the delimiter of the header line, ignoring quoted text', () => {
    expect(detectDelimiter('name;room\nA,B;C')).toBe(';');
    expect(detectDelimiter('name\troom')).toBe('\t');
    expect(detectDelimiter('"a;b;c",room')).toBe(',');
    expect(detectDelimiter('name')).toBe(',');
  });

  it('lets parseCsv read semicolon files from European spreadsheets', () => {
    expect(fields('name;room\n"Costa; João";Blue')).toEqual([
      ['name', 'room'],
      ['Costa; João', 'Blue'],
    ]);
  });
});
