import { HttpRoute, isChair, WorkshopIdSchema } from '@plenary/shared';
import type { Express } from 'express';
import { CommandError } from '../errors.ts';
import { attendanceSummary } from '../export/attendanceSummary.ts';
import type { RealtimeContext } from '../realtime/types.ts';
import { authenticate, HTTP_STATUS } from './auth.ts';

/**
 * Chairs: the attendance log summed up per day and organisation. It is not part of the live view
 * (it grows with every arrival and departure), so the attendance view fetches it when it is opened.
 */
export function mountAttendanceRoutes(app: Express, ctx: Pick<RealtimeContext, 'workshops' | 'tokens' | 'now'>): void {
  app.get(HttpRoute.attendance, async (req, res, next) => {
    try {
      const workshopId = WorkshopIdSchema.safeParse(req.params.workshopId);
      if (!workshopId.success) throw new CommandError('invalid_payload', 'a workshop id has 1 to 64 characters');
      const { workshop, participant } = await authenticate(req, ctx, workshopId.data);
      if (!isChair(participant.role)) throw new CommandError('forbidden', 'only facilitators see the attendance');
      res.setHeader('Cache-Control', 'no-store');
      res.json(attendanceSummary(workshop.state, ctx.now()));
    } catch (error) {
      if (error instanceof CommandError) {
        res.status(HTTP_STATUS[error.code] ?? 400).json({ error: { code: error.code, message: error.message } });
        return;
      }
      next(error);
    }
  });
}
