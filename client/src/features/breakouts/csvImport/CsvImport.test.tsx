// @vitest-environment jsdom
import type { BreakoutSet, CsvPreview } from '@plenary/shared';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../../net/request.ts';
import { pid } from '../../../testing/fakes.ts';
import { startTestI18n } from '../../../testing/i18n.ts';
import { participant, rid } from '../../../testing/workshop.ts';
import { CsvImport } from './CsvImport.tsx';

const set: BreakoutSet = {
  id: 's1',
  name: 'Water groups',
  rooms: [
    { id: rid('r1'), name: 'Room 1', rapporteurId: null },
    { id: rid('r2'), name: 'Room 2', rapporteurId: null },
  ],
  mode: 'manual',
  assignments: {},
  selfSelect: { allowed: false, maxPerRoom: null },
};

const people = Object.fromEntries(
  [participant('ana', { name: 'Ana' }), participant('ben', { name: 'Ben' }), participant('cy', { name: 'Cy' })].map(
    (person) => [person.id, person],
  ),
);

const WITH_ERRORS = 'name,room\nAna,Room 1\nZed,Room 1\nBen,Room 9\n';
const CLEAN = 'name,room\nAna,Room 1\nBen,Room 2\n';

/** What the server's `breakouts:previewCsv` answers for the two files above. */
const answers: Record<string, CsvPreview> = {
  [WITH_ERRORS]: {
    rows: [{ line: 2, participantId: pid('ana'), roomId: rid('r1') }],
    assignments: { [pid('ana')]: rid('r1') },
    errors: [
      { line: 4, code: 'unknown_room', message: 'no room "Room 9" in set "Water groups"' },
      { line: 3, code: 'unknown_participant', message: 'no participant with name "Zed"' },
    ],
    unassigned: [pid('ben'), pid('cy')],
  },
  [CLEAN]: {
    rows: [
      { line: 2, participantId: pid('ana'), roomId: rid('r1') },
      { line: 3, participantId: pid('ben'), roomId: rid('r2') },
    ],
    assignments: { [pid('ana')]: rid('r1'), [pid('ben')]: rid('r2') },
    errors: [],
    unassigned: [pid('cy')],
  },
};

beforeAll(() => startTestI18n(['csvImport']));
afterEach(cleanup);

function renderImport(importReply: Reply<unknown> = { ok: true, data: { revision: 12 } }) {
  const preview = vi.fn(async (csv: string): Promise<Reply<CsvPreview>> => {
    const answer = answers[csv];
    return answer ? { ok: true, data: answer } : { ok: false, error: { code: 'invalid_payload', message: 'no' } };
  });
  const importCsv = vi.fn(async (_csv: string) => importReply);
  const onDone = vi.fn();
  render(
    <CsvImport
      set={set}
      participants={people}
      preview={preview}
      importCsv={importCsv}
      onTemplate={() => undefined}
      onDone={onDone}
    />,
  );
  return { preview, importCsv, onDone };
}

const paste = (text: string) =>
  fireEvent.change(screen.getByRole('textbox', { name: 'or paste the CSV text' }), { target: { value: text } });
const importButton = () => screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement;

describe('the CSV import', () => {
  it('shows every row problem by line, the groups the good rows make, and keeps Import off', async () => {
    const { preview, importCsv } = renderImport();
    expect(importButton().disabled).toBe(true);
    paste(WITH_ERRORS);

    const table = await screen.findByTestId('csv-errors');
    expect(preview).toHaveBeenCalledWith(WITH_ERRORS);
    const rows = within(table)
      .getAllByTestId('csv-error-row')
      .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['3', 'Nobody by that name or email', 'no participant with name "Zed"'],
      ['4', 'No such room in this set', 'no room "Room 9" in set "Water groups"'],
    ]);
    expect(screen.getByText('2 problems found. Nothing is imported until every row is right.')).toBeTruthy();
    expect(screen.getAllByTestId('csv-group').map((group) => group.textContent)).toEqual([
      'Room 1 (1) Ana',
      'Room 2 (0) nobody',
    ]);
    expect(importButton().disabled).toBe(true);
    fireEvent.click(importButton());
    expect(importCsv).not.toHaveBeenCalled();
  });

  it('imports a clean file, exactly the text that was checked', async () => {
    const { importCsv, onDone } = renderImport();
    paste(CLEAN);
    expect(await screen.findByText('2 rows are ready to import.')).toBeTruthy();
    expect(screen.getByText('Not in the file, so without a room: Cy.')).toBeTruthy();
    expect(importButton().disabled).toBe(false);

    await act(async () => fireEvent.click(importButton()));
    expect(importCsv).toHaveBeenCalledWith(CLEAN);
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('turns Import off again as soon as the text changes, until the new text is checked', async () => {
    renderImport();
    paste(CLEAN);
    await screen.findByText('2 rows are ready to import.');
    paste(WITH_ERRORS);
    expect(importButton().disabled).toBe(true);
    await screen.findByTestId('csv-errors');
    expect(importButton().disabled).toBe(true);
  });

  it('says why when the server refuses the import, and stays open', async () => {
    const { onDone } = renderImport({ ok: false, error: { code: 'invalid_payload', message: 'line 3: no room' } });
    paste(CLEAN);
    await screen.findByText('2 rows are ready to import.');
    await act(async () => fireEvent.click(importButton()));
    expect(screen.getByRole('alert').textContent).toBe('The import was refused: line 3: no room');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('reads a chosen file and checks it', async () => {
    const { preview } = renderImport();
    // jsdom 26's File has no text(); browsers' does, and the component reads the file with it.
    const file = Object.assign(new File([CLEAN], 'groups.csv', { type: 'text/csv' }), { text: async () => CLEAN });
    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [file] } });
    expect(await screen.findByText('2 rows are ready to import.')).toBeTruthy();
    expect(preview).toHaveBeenCalledWith(CLEAN);
  });
});
