import type { Report } from './report.ts';

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;
const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]#|<>])/g, '\\$1');

/** The report as Markdown, ready to paste into a meeting report. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [`# ${escapeMarkdown(report.title)}`, '', `Report generated ${report.generatedAt}.`, ''];
  out.push(
    `${report.roster.participants} participants from ${report.roster.organisations} organisations.`,
    '',
    '## Agenda',
    '',
  );
  for (const { day, items } of report.days) {
    out.push(`### ${escapeMarkdown(day.title)} (${day.date})`, '');
    for (const item of items) {
      const presenter = item.presenter ? ` — ${escapeMarkdown(item.presenter)}` : '';
      out.push(`- ${item.start} ${escapeMarkdown(item.title)} (${item.kind}, ${item.durationMinutes} min)${presenter}`);
    }
    out.push('');
  }
  if (report.plenaryNotes.length > 0) out.push('## Plenary notes', '', ...report.plenaryNotes.map(escapeMarkdown), '');

  out.push('## Breakout groups', '');
  if (report.breakoutSets.length === 0) out.push('No breakout groups were formed.', '');
  for (const set of report.breakoutSets) {
    out.push(`### ${escapeMarkdown(set.name)}`, '');
    for (const group of set.groups) {
      out.push(`#### ${escapeMarkdown(group.name)}`, '');
      if (group.rapporteur) out.push(`Rapporteur: ${escapeMarkdown(group.rapporteur)}`, '');
      for (const member of group.members)
        out.push(`- **${escapeMarkdown(member.organisation)}**: ${member.names.map(escapeMarkdown).join(', ')}`);
      out.push('');
      if (group.outcomes) {
        const { version, accepted } = group.outcomes;
        out.push(`Outcomes (version ${version}${accepted ? ', accepted' : ', submitted'}):`, '');
        for (const section of group.outcomes.sections) {
          out.push(`- **${section.title}**`, ...section.items.map((item) => `  - ${escapeMarkdown(item)}`));
        }
        out.push('');
      }
      if (group.notes.length > 0) out.push('Notes:', '', ...group.notes.map((line) => `> ${escapeMarkdown(line)}`), '');
    }
  }

  out.push('## Proposals', '');
  if (report.proposals.length === 0) out.push('No proposals were put to the meeting.', '');
  for (const proposal of report.proposals) {
    const result = proposal.result;
    const outcome = !result
      ? 'open'
      : result.consensus
        ? `agreed by consensus (${result.agree} agree, ${result.abstain} abstain)`
        : `no consensus (${result.agree} agree, ${result.object} object, ${result.abstain} abstain)`;
    const from = proposal.fromGroup ? ` (from ${escapeMarkdown(proposal.fromGroup)})` : '';
    out.push(`- ${escapeMarkdown(proposal.text)}${from} — ${outcome}`);
  }
  out.push('', '## Speaking time by organisation', '', '| Organisation | Minutes |', '| --- | ---: |');
  for (const row of report.speakingTime) out.push(`| ${escapeMarkdown(row.organisation)} | ${row.minutes} |`);

  out.push('', '## Annex: attendance', '');
  for (const { date, organisations } of report.attendance) {
    out.push(`### ${date}`, '', '| Organisation | Present / registered | Time present |', '| --- | ---: | ---: |');
    for (const row of organisations) {
      out.push(
        `| ${escapeMarkdown(row.organisation)} | ${row.present} / ${row.registered} | ${minutes(row.totalMs)} |`,
      );
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
