import { NOTES_FRAGMENT, type RoomId } from '@plenary/shared';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { attendanceCsv, csvCell } from './csv.ts';
import { renderDocx } from './docx.ts';
import { renderMarkdown } from './markdown.ts';
import { notesLines } from './notesText.ts';
import { buildReport } from './report.ts';
import { sampleWorkshop } from './sampleWorkshop.ts';

const state = sampleWorkshop();
const now = Date.UTC(2026, 2, 12);
const notes = (roomId: RoomId) =>
  roomId === state.breakouts.sets[0]?.rooms[0]?.id ? ['Challenge: ageing pipes', 'Trend: = more rain'] : [];
const report = buildReport(state, notes, now);

describe('the workshop report', () => {
  it('gathers agenda, groups by organisation, proposals, speaking time and attendance', () => {
    expect(report.days.map((entry) => entry.items.length)).toEqual([4, 4, 4]);
    const groups = report.breakoutSets[0]?.groups ?? [];
    expect(groups).toHaveLength(10);
    const members = groups.flatMap((group) => group.members.flatMap((member) => member.names));
    expect(members).toHaveLength(70);
    for (const group of groups) expect(group.members.every((member) => member.names.length === 1)).toBe(true);
    expect(report.proposals.map((proposal) => proposal.result?.consensus)).toEqual([true, false, true]);
    expect(report.proposals.map((proposal) => proposal.fromGroup)).toEqual(['Group 1', 'Group 2', 'Group 3']);
    expect(groups.map((group) => group.outcomes?.accepted)).toEqual(groups.map((_, index) => index % 2 === 0));
    expect(groups[3]?.outcomes?.sections.map((section) => section.title)).toEqual([
      'Challenges',
      'Possible solutions',
      'Future trends',
      'Proposals',
    ]);
    expect(groups[3]?.outcomes?.sections[0]?.items).toEqual(['Ageing infrastructure (group 4)', 'Funding gaps']);
    // 18 planned turns of 2.5 min, less the one whose speaker was absent that day
    expect(state.queue.speeches).toHaveLength(17);
    expect(report.speakingTime.reduce((sum, row) => sum + row.minutes, 0)).toBeCloseTo(17 * 2.5, 5);
    expect(report.attendance.map((day) => day.date)).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
    const firstDay = report.attendance[0]?.organisations ?? [];
    expect(firstDay.reduce((sum, row) => sum + row.registered, 0)).toBe(71);
    expect(firstDay.reduce((sum, row) => sum + row.present, 0)).toBe(70 - 8 + 1);
  });

  it('renders Markdown with every section', () => {
    const markdown = renderMarkdown(report);
    for (const section of [
      '## Agenda',
      '## Breakout groups',
      '## Proposals',
      '## Speaking time by organisation',
      '## Annex: attendance',
    ]) {
      expect(markdown).toContain(section);
    }
    expect(markdown).toContain('#### Group 10');
    expect(markdown).toContain('> Challenge: ageing pipes');
    expect(markdown).toContain('Outcomes (version 1, accepted):');
    expect(markdown).toContain('  - Ageing infrastructure (group 10)');
    expect(markdown).toContain('(from Group 2)');
    expect(markdown.match(/^\| Administration \d+ \| \d+ \/ \d+ \|/gm)).toHaveLength(60);
  });

  it('renders a DOCX that opens as a Word document with the same content', async () => {
    const docx = await renderDocx(report);
    const files = unzipSync(new Uint8Array(docx));
    expect(Object.keys(files)).toContain('word/document.xml');
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('\n');
    for (const expected of [
      'Regional workshop on water resilience',
      'Breakout groups',
      'Group 7',
      'Challenge: ageing pipes',
      'Annex: attendance',
      'no consensus',
    ]) {
      expect(text).toContain(expected);
    }
    expect(xml.match(/<w:tbl>/g)?.length).toBe(3 + 1 + 1 + 3);
  });

  it('exports attendance as CSV, one row per interval, with formulas defused', () => {
    const rows = attendanceCsv(state, now).trimEnd().split('\r\n');
    expect(rows).toHaveLength(state.attendance.length + 1);
    expect(rows[0]).toBe('date,organisation,name,role,country,agenda item,joined,left,minutes');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('plain')).toBe('plain');
  });

  it('reads the editor’s rich-text notes as lines', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(NOTES_FRAGMENT);
    const heading = new Y.XmlElement('heading');
    heading.insert(0, [new Y.XmlText('Challenges')]);
    const list = new Y.XmlElement('bullet_list');
    const item = new Y.XmlElement('list_item');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Funding gaps')]);
    item.insert(0, [paragraph]);
    list.insert(0, [item]);
    fragment.insert(0, [heading, list]);
    expect(notesLines(doc)).toEqual(['## Challenges', '- Funding gaps']);
  });
});
