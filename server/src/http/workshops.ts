import { randomUUID } from 'node:crypto';
import { CreateWorkshopRequestSchema, type CreateWorkshopResponse, HttpRoute, type WorkshopId } from '@plenary/shared';
import type { Express } from 'express';
import { createInvites } from '../auth/invites.ts';
import { describeIssues } from '../errors.ts';
import type { RealtimeContext } from '../realtime/types.ts';

export function mountWorkshopRoutes(app: Express, ctx: Pick<RealtimeContext, 'workshops' | 'tokens' | 'logger'>): void {
  app.post(HttpRoute.createWorkshop, async (req, res, next) => {
    try {
      const parsed = CreateWorkshopRequestSchema.safeParse(req.body);
      if (!parsed.success) {
        res.status(400).json({ error: { code: 'invalid_payload', message: describeIssues(parsed.error) } });
        return;
      }
      const { title, timeZone, settings } = parsed.data;
      const id = randomUUID() as WorkshopId;
      const workshop = await ctx.workshops.create({ id, title, timeZone, settings });
      ctx.logger.info({ workshopId: id }, 'workshop created');
      const body: CreateWorkshopResponse = { workshopId: id, invites: await createInvites(ctx, workshop) };
      res.status(201).json(body);
    } catch (error) {
      next(error);
    }
  });
}
