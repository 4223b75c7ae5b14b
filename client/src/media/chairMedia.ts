// What chairs do to the room's media beyond their own: moderate someone, speak into every
// breakout room. Plain requests; the server does the work and the room hears of it as facts.
// And the other side: a chair moderated us, and this tab follows.
import { Command, type ModerationAction, type ParticipantId } from '@plenary/shared';
import { assertNever } from '../lib/assertNever.ts';
import type { Requester } from '../net/request.ts';
import type { AppStore } from '../stores/state.ts';
import { attempt, type MediaContext } from './mediaContext.ts';
import type { MediaStatus } from './mediaStatus.ts';

/** Mutes someone, or stops their camera or screen share; a refusal is shown. */
export async function moderate(
  request: Requester,
  status: MediaStatus,
  participantId: ParticipantId,
  action: ModerationAction,
): Promise<boolean> {
  const reply = await request(Command.mediaModerate, { participantId, action });
  if (reply.ok) status.clear('action');
  else status.notify('action', 'alert', { error: reply.error });
  return reply.ok;
}

/**
 * Our microphone is heard in every open breakout room too (or no longer). Remembered with the
 * opening it was turned on for, so the toggle never claims to reach the rooms of a later set.
 */
export async function speakToAllRooms(
  request: Requester,
  store: AppStore,
  status: MediaStatus,
  on: boolean,
): Promise<boolean> {
  const reply = await request(Command.mediaSpeakToBreakouts, { on });
  if (!reply.ok) {
    status.notify('action', 'alert', { error: reply.error });
    return false;
  }
  const openedAt = store.getState().workshop?.breakouts.open?.openedAt ?? null;
  store.setState({ speakingToAllRooms: on ? openedAt : null });
  if (on && store.getState().localMedia.mic !== 'live') {
    status.notify('action', 'status', { key: 'action.speakToAllOnUnmute' });
  } else status.clear('action');
  return true;
}

/**
 * After our media was rebuilt (a visit, a reconnect) the rooms no longer hear the microphone that
 * closed: they are given the new one, if we were speaking to them in this opening.
 */
export async function keepSpeakingToAllRooms(request: Requester, store: AppStore): Promise<void> {
  const state = store.getState();
  const openedAt = state.workshop?.breakouts.open?.openedAt;
  if (state.speakingToAllRooms === null || state.speakingToAllRooms !== openedAt) return;
  const reply = await request(Command.mediaSpeakToBreakouts, { on: true });
  if (!reply.ok) store.setState({ speakingToAllRooms: null });
}

/** A chair muted us or stopped our camera or share: the server already did; make this tab agree. */
export async function obeyModeration(ctx: MediaContext, action: ModerationAction): Promise<void> {
  const media = ctx.room.media;
  switch (action) {
    case 'mute':
      ctx.sources.apply({ type: 'moderated', action });
      if (media?.hasProducer('mic'))
        await attempt(ctx, 'media', 'media.muteFailed', () => media.setPaused('mic', true));
      return;
    case 'stopCamera':
      // The server closed the producer; closing ours may be refused as unknown, which changes nothing.
      if (media?.hasProducer('camera')) await media.unpublish('camera').catch(() => undefined);
      ctx.sources.apply({ type: 'moderated', action });
      return;
    case 'stopShare':
      ctx.sources.apply({ type: 'moderated', action });
      if (media?.hasProducer('screen')) await media.unpublish('screen').catch(() => undefined);
      return;
    default:
      assertNever(action);
  }
}
