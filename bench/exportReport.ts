// Report export for a 3-day, 10-group, 70-delegate workshop (issue 7: under 2 s), against the docx
// library alone writing a document of the same number of paragraphs (the bare cost of a .docx).
import { Document, Packer, Paragraph } from 'docx';
import { renderDocx } from '../server/src/export/docx.ts';
import { renderMarkdown } from '../server/src/export/markdown.ts';
import { buildReport } from '../server/src/export/report.ts';
import { sampleWorkshop } from '../server/src/export/sampleWorkshop.ts';
import { type Result, ratioOf, round, verdict } from './lib/result.ts';
import { median } from './lib/stats.ts';

const RUNS = 7;

/** Twenty lines of notes per room, as a rapporteur might leave after an hour. */
const notesOf = () => Array.from({ length: 20 }, (_, line) => `Point ${line + 1}: discussed, agreed to follow up`);

async function time(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

export async function run(): Promise<Result> {
  const state = sampleWorkshop({ days: 3, groups: 10, delegates: 70, organisations: 20 });
  const now = Date.UTC(2026, 2, 12);
  const exportBoth = async () => {
    const report = buildReport(state, notesOf, now);
    renderMarkdown(report);
    return renderDocx(report);
  };
  const paragraphs = renderMarkdown(buildReport(state, notesOf, now)).split('\n').length;
  const bare = () =>
    Packer.toBuffer(
      new Document({
        sections: [{ children: Array.from({ length: paragraphs }, (_, i) => new Paragraph(`line ${i}`)) }],
      }),
    );
  await exportBoth();
  await bare();
  const exportMs: number[] = [];
  const bareMs: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    exportMs.push(await time(exportBoth));
    bareMs.push(await time(bare));
  }
  const value = round(median(exportMs));
  const baseline = round(median(bareMs));
  return {
    name: 'export',
    rows: [
      {
        benchmark: 'report export',
        metric: '3 days, 10 groups, 70 delegates: report model + Markdown + DOCX, median',
        value,
        unit: 'ms',
        baseline,
        ratio: round(ratioOf(value, baseline) ?? 0, 2),
        goal: '≤ 2000 ms',
        status: verdict(value <= 2_000),
        note: `baseline: a bare .docx of the same ${paragraphs} paragraphs`,
      },
    ],
    details: { runs: RUNS, exportMs, bareMs, paragraphs, attendanceRecords: state.attendance.length },
  };
}
