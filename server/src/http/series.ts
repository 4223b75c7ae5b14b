import { randomUUID } from 'node:crypto';
import {
  CreateEditionRequestSchema,
  EXPORT_FILES,
  exportPath,
  HttpRoute,
  isChair,
  type SeriesEdition,
  type SeriesResponse,
  type WorkshopId,
  type WorkshopState,
} from '@plenary/shared';
import type { Express, Response } from 'express';
import { createInvites } from '../auth/invites.ts';
import { attendanceByOrganisation } from '../domain/attendance.ts';
import { nextEdition } from '../domain/series.ts';
import { CommandError, describeIssues } from '../errors.ts';
import type { RealtimeContext } from '../realtime/types.ts';
import { authenticate, HTTP_STATUS } from './auth.ts';

type Ctx = Pick<RealtimeContext, 'tokens' | 'workshops' | 'logger' | 'now'>;

const seriesOf = (state: WorkshopState): string => state.series?.seriesId ?? state.id;

/** Recurring workshops: start the next edition from this one; see every edition side by side. */
export function mountSeriesRoutes(app: Express, ctx: Ctx): void {
  app.post(HttpRoute.createEdition, async (req, res, next) => {
    try {
      const { workshop, participant } = await authenticate(req, ctx, req.params.workshopId as WorkshopId);
      if (!isChair(participant.role)) throw new CommandError('forbidden', 'only facilitators start a new edition');
      const parsed = CreateEditionRequestSchema.safeParse(req.body);
      if (!parsed.success) throw new CommandError('invalid_payload', describeIssues(parsed.error));
      const { title, startDate, carryRoster = false } = parsed.data;
      const state = nextEdition(workshop.state, { id: randomUUID() as WorkshopId, title, startDate, carryRoster });
      const edition = await ctx.workshops.createFrom(state);
      ctx.logger.info({ workshopId: edition.id, from: workshop.id, edition: state.series?.edition }, 'edition created');
      // The facilitators come along: the one asking gets their way into the new edition at once.
      const participantToken = await ctx.tokens.issueParticipant(edition.id, participant.id);
      res.status(201).json({ workshopId: edition.id, invites: await createInvites(ctx, edition), participantToken });
    } catch (error) {
      answer(res, error, next);
    }
  });

  app.get(HttpRoute.series, async (req, res, next) => {
    try {
      const seriesId = req.params.seriesId;
      const editions: WorkshopState[] = [];
      for (const summary of await ctx.workshops.list()) {
        const state = (await ctx.workshops.getLatest(summary.id))?.state;
        if (state && seriesOf(state) === seriesId) editions.push(state);
      }
      // A chair of any edition may see the whole series.
      const caller = await firstAuthenticated(req, ctx, editions);
      if (!caller || !isChair(caller.role))
        throw new CommandError('forbidden', 'only facilitators of the series see it');
      const now = ctx.now();
      const body: SeriesResponse = {
        seriesId,
        editions: editions
          .map((state): SeriesEdition => {
            const dates = [...new Set(state.attendance.map((record) => record.date))].sort();
            return {
              workshopId: state.id,
              title: state.title,
              edition: state.series?.edition ?? 1,
              firstDay: state.days[0]?.date ?? null,
              lastDay: state.days.at(-1)?.date ?? null,
              participants: Object.keys(state.participants).length,
              organisations: new Set(Object.values(state.participants).map((p) => p.organisation)).size,
              attendance: dates.map((date) => {
                const rows = attendanceByOrganisation(state, date, now);
                return {
                  date,
                  present: rows.reduce((sum, row) => sum + row.present, 0),
                  registered: rows.reduce((sum, row) => sum + row.registered, 0),
                };
              }),
              reports: Object.fromEntries(
                EXPORT_FILES.map((file) => [file, exportPath(state.id, file)]),
              ) as SeriesEdition['reports'],
            };
          })
          .sort((a, b) => a.edition - b.edition),
      };
      res.json(body);
    } catch (error) {
      answer(res, error, next);
    }
  });
}

async function firstAuthenticated(req: Parameters<typeof authenticate>[0], ctx: Ctx, editions: WorkshopState[]) {
  for (const state of editions) {
    try {
      return (await authenticate(req, ctx, state.id)).participant;
    } catch {
      // the token belongs to another edition (or none): try the next
    }
  }
  return undefined;
}

function answer(res: Response, error: unknown, next: (error: unknown) => void): void {
  if (!(error instanceof CommandError)) {
    next(error);
    return;
  }
  res.status(HTTP_STATUS[error.code] ?? 400).json({ error: { code: error.code, message: error.message } });
}
