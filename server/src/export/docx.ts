import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Report } from './report.ts';

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level });
const para = (text: string) => new Paragraph({ text });
const bullet = (children: TextRun[]) => new Paragraph({ children, bullet: { level: 0 } });

function table(header: string[], rows: Array<Array<string | number>>): Table {
  const row = (cells: Array<string | number>, bold = false) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map(
        (cell) =>
          new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: String(cell), bold })] })] }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(header, true), ...rows.map((cells) => row(cells))],
  });
}

/** The report as a Word document (headings, bullet lists, tables) for the meeting's official report. */
export async function renderDocx(report: Report): Promise<Buffer> {
  const body: Array<Paragraph | Table> = [
    new Paragraph({ text: report.title, heading: HeadingLevel.TITLE }),
    para(`Report generated ${report.generatedAt}.`),
    para(`${report.roster.participants} participants from ${report.roster.organisations} organisations.`),
    heading('Agenda', HeadingLevel.HEADING_1),
  ];
  for (const { day, items } of report.days) {
    body.push(heading(`${day.title} (${day.date})`, HeadingLevel.HEADING_2));
    body.push(
      table(
        ['Start', 'Item', 'Kind', 'Minutes', 'Presenter'],
        items.map((item) => [item.start, item.title, item.kind, item.durationMinutes, item.presenter ?? '']),
      ),
    );
  }
  if (report.plenaryNotes.length > 0) {
    body.push(heading('Plenary notes', HeadingLevel.HEADING_1), ...report.plenaryNotes.map(para));
  }

  body.push(heading('Breakout groups', HeadingLevel.HEADING_1));
  if (report.breakoutSets.length === 0) body.push(para('No breakout groups were formed.'));
  for (const set of report.breakoutSets) {
    body.push(heading(set.name, HeadingLevel.HEADING_2));
    for (const group of set.groups) {
      body.push(heading(group.name, HeadingLevel.HEADING_3));
      if (group.rapporteur) body.push(para(`Rapporteur: ${group.rapporteur}`));
      for (const member of group.members) {
        body.push(
          bullet([new TextRun({ text: `${member.organisation}: `, bold: true }), new TextRun(member.names.join(', '))]),
        );
      }
      if (group.outcomes) {
        const { version, accepted } = group.outcomes;
        body.push(para(`Outcomes (version ${version}, ${accepted ? 'accepted' : 'submitted'}):`));
        for (const section of group.outcomes.sections) {
          body.push(new Paragraph({ children: [new TextRun({ text: section.title, bold: true })] }));
          for (const item of section.items) body.push(bullet([new TextRun(item)]));
        }
      }
      if (group.notes.length > 0) body.push(para('Notes:'), ...group.notes.map(para));
    }
  }

  body.push(heading('Proposals', HeadingLevel.HEADING_1));
  if (report.proposals.length === 0) body.push(para('No proposals were put to the meeting.'));
  body.push(
    table(
      ['Proposal', 'From', 'Result', 'Agree', 'Object', 'Abstain'],
      report.proposals.map(({ text, fromGroup, result }) => [
        text,
        fromGroup ?? 'plenary',
        !result ? 'open' : result.consensus ? 'consensus' : 'no consensus',
        result?.agree ?? '',
        result?.object ?? '',
        result?.abstain ?? '',
      ]),
    ),
  );

  body.push(heading('Speaking time by organisation', HeadingLevel.HEADING_1));
  body.push(
    table(
      ['Organisation', 'Minutes'],
      report.speakingTime.map((row) => [row.organisation, row.minutes]),
    ),
  );

  body.push(heading('Annex: attendance', HeadingLevel.HEADING_1));
  for (const { date, organisations } of report.attendance) {
    body.push(heading(date, HeadingLevel.HEADING_2));
    body.push(
      table(
        ['Organisation', 'Present', 'Registered', 'Minutes present'],
        organisations.map((row) => [row.organisation, row.present, row.registered, Math.round(row.totalMs / 60_000)]),
      ),
    );
  }
  const document = new Document({ creator: 'Plenary', title: report.title, sections: [{ children: body }] });
  return Packer.toBuffer(document);
}
