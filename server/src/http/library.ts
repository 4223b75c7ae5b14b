import { createReadStream } from 'node:fs';
import {
  HttpRoute,
  isChair,
  type LibraryScope,
  LibraryScopeSchema,
  type RoomId,
  type WorkshopId,
  type WorkshopState,
} from '@plenary/shared';
import type { Express } from 'express';
import { canReadChannel } from '../domain/chat.ts';
import { SYSTEM_ACTOR } from '../domain/commands.ts';
import { CommandError } from '../errors.ts';
import { type FileStore, UploadRejected } from '../library/fileStore.ts';
import type { RealtimeContext } from '../realtime/types.ts';
import { authenticate, HTTP_STATUS } from './auth.ts';

type Ctx = Pick<RealtimeContext, 'tokens' | 'workshops' | 'logger'> & { files: FileStore };

/** `workshop`, `agendaItem:<id>` or `room:<id>` in the query string, as a scope. */
function parseScope(raw: unknown): LibraryScope {
  const text = typeof raw === 'string' ? raw : 'workshop';
  const [kind, id] = text.split(':', 2);
  const candidate = kind === 'agendaItem' ? { kind, itemId: id } : kind === 'room' ? { kind, roomId: id } : { kind };
  const parsed = LibraryScopeSchema.safeParse(candidate);
  if (!parsed.success) throw new CommandError('invalid_payload', 'scope is workshop, agendaItem:<id> or room:<id>');
  return parsed.data;
}

/**
 * The workshop's documents over HTTP. Uploads stream to disk and are kept only when they pass the
 * size limit and really are a document of an accepted type; the workshop then records them. Who
 * may upload: chairs, and whoever is presenting (their own deck). Who may download: anyone on the
 * roster, except that a room's documents go to those who may see that room.
 */
export function mountLibraryRoutes(app: Express, ctx: Ctx): void {
  app.post(HttpRoute.libraryUpload, async (req, res) => {
    try {
      const { workshop, participant } = await authenticate(req, ctx, req.params.workshopId as WorkshopId);
      const presenting = workshop.state.presentation?.presenterId === participant.id;
      if (!isChair(participant.role) && !presenting)
        throw new CommandError('forbidden', 'only facilitators add documents');
      const scope = parseScope(req.query.scope);
      if (!scopeExists(workshop.state, scope)) throw new CommandError('not_found', 'no such agenda item or room');
      const name = typeof req.query.name === 'string' ? req.query.name : '';
      const file = await ctx.files.receive(req, name);
      const result = await workshop.execute({
        type: 'library.add',
        actor: SYSTEM_ACTOR,
        name: file.name,
        fileType: file.type,
        mime: file.mime,
        size: file.size,
        sha256: file.sha256,
        scope,
        uploadedBy: participant.id,
      });
      if (!result.ok) {
        // Refused after all (the agenda changed meanwhile): take back what this upload stored.
        await ctx.files.discard(file);
        throw new CommandError(result.error.code, result.error.message);
      }
      res.status(201).json({ libraryItem: result.state.library.at(-1) });
    } catch (error) {
      refuse(res, error, ctx);
      // The rest of a refused upload is not read; close the connection rather than drain it.
      if (!req.complete) req.socket.destroy();
    }
  });

  app.get(HttpRoute.libraryFile, async (req, res) => {
    try {
      const { workshop, participant } = await authenticate(req, ctx, req.params.workshopId as WorkshopId);
      const item = workshop.state.library.find((candidate) => candidate.id === req.params.libraryItemId);
      if (!item) throw new CommandError('not_found', 'no such document');
      const scope = item.scope;
      if (
        scope.kind === 'room' &&
        !canReadChannel(workshop.state, participant.id, { kind: 'room', roomId: scope.roomId as RoomId })
      ) {
        throw new CommandError('forbidden', 'this document belongs to a room you are not in');
      }
      res.setHeader('Content-Type', item.mime);
      res.setHeader('Content-Length', String(item.size));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.attachment(item.name);
      createReadStream(ctx.files.path(item.sha256)).pipe(res);
    } catch (error) {
      refuse(res, error, ctx);
    }
  });
}

function scopeExists(state: WorkshopState, scope: LibraryScope): boolean {
  if (scope.kind === 'agendaItem') return state.agenda.some((item) => item.id === scope.itemId);
  if (scope.kind === 'room') {
    return (
      scope.roomId === state.plenaryRoomId ||
      state.breakouts.sets.some((set) => set.rooms.some((room) => room.id === scope.roomId))
    );
  }
  return true;
}

function refuse(res: import('express').Response, error: unknown, ctx: Ctx): void {
  if (res.headersSent) return;
  if (error instanceof UploadRejected) {
    res.status(error.status).json({ error: { code: error.code, message: error.message } });
  } else if (error instanceof CommandError) {
    res.status(HTTP_STATUS[error.code] ?? 400).json({ error: { code: error.code, message: error.message } });
  } else {
    ctx.logger.error({ err: error }, 'library request failed');
    res.status(500).json({ error: { code: 'internal', message: 'internal error' } });
  }
}
