import { EXPORT_FILES, type ExportFile, HttpRoute, isChair, type RoomId, type WorkshopId } from '@plenary/shared';
import type { Express } from 'express';
import { CommandError } from '../errors.ts';
import { attendanceCsv } from '../export/csv.ts';
import { renderDocx } from '../export/docx.ts';
import { renderMarkdown } from '../export/markdown.ts';
import { notesLines } from '../export/notesText.ts';
import { buildReport } from '../export/report.ts';
import { notesDocKey } from '../notes/docKey.ts';
import type { RealtimeContext } from '../realtime/types.ts';
import { authenticate, HTTP_STATUS } from './auth.ts';

const CONTENT_TYPES: Record<ExportFile, string> = {
  'report.md': 'text/markdown; charset=utf-8',
  'report.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'attendance.csv': 'text/csv; charset=utf-8',
};

/** The workshop's results for its chairs: the report (Markdown or Word) and the attendance sheet. */
export function mountExportRoutes(
  app: Express,
  ctx: Pick<RealtimeContext, 'workshops' | 'tokens' | 'notes' | 'now'>,
): void {
  app.get(HttpRoute.workshopExport, async (req, res, next) => {
    try {
      const file = EXPORT_FILES.find((candidate) => candidate === req.params.file);
      if (!file) throw new CommandError('not_found', `exports are ${EXPORT_FILES.join(', ')}`);
      const workshopId = req.params.workshopId as WorkshopId;
      const { workshop, participant } = await authenticate(req, ctx, workshopId);
      const state = workshop.state;
      if (!isChair(participant.role)) {
        throw new CommandError('forbidden', 'only facilitators export the report');
      }
      const now = ctx.now();
      let body: string | Buffer;
      if (file === 'attendance.csv') body = attendanceCsv(state, now);
      else {
        const rooms = [state.plenaryRoomId, ...state.breakouts.sets.flatMap((set) => set.rooms.map((room) => room.id))];
        const notes = new Map<RoomId, string[]>();
        for (const roomId of rooms)
          notes.set(roomId, notesLines(await ctx.notes.snapshot(notesDocKey(workshopId, roomId))));
        const report = buildReport(state, (roomId) => notes.get(roomId) ?? [], now);
        body = file === 'report.md' ? renderMarkdown(report) : await renderDocx(report);
      }
      const name = `${state.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'workshop'}-${file}`;
      res.type(CONTENT_TYPES[file]).attachment(name).send(body);
    } catch (error) {
      if (error instanceof CommandError) {
        res.status(HTTP_STATUS[error.code] ?? 400).json({ error: { code: error.code, message: error.message } });
        return;
      }
      next(error);
    }
  });
}
