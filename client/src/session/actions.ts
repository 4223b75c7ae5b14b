// What the UI can do, as plain functions: components import these instead of reaching for the
// socket or mediasoup. They act on the one current session, if any.
import type {
  CreateWorkshopRequest,
  CsvPreview,
  ModerationAction,
  ParticipantId,
  Role,
  WorkshopCommandAnswer,
  WorkshopId,
} from '@plenary/shared';
import type { Message } from '../i18n/message.ts';
import { browserStorage } from '../lib/storage.ts';
import type { LocalSource } from '../media/localMedia.ts';
import { trackRegistry } from '../media/tracks.ts';
import { createWorkshop } from '../net/http.ts';
import type { Reply } from '../net/request.ts';
import { createSocket } from '../net/socket.ts';
import { appStore } from '../stores/appStore.ts';
import { type NoticeTopic, withNotice, withoutNotice } from '../stores/slices/notices.ts';
import type { PanelTab } from '../stores/slices/ui.ts';
import { Credentials } from './credentials.ts';
import { Entry, type Profile } from './entry.ts';
import { navigate, startRouting } from './navigation.ts';
import { type JoinOutcome, type WorkshopCommand, WorkshopSession } from './workshopSession.ts';

export const credentials = new Credentials(browserStorage());

const entry = new Entry({
  store: appStore,
  credentials,
  openSession: () =>
    new WorkshopSession({ store: appStore, tracks: trackRegistry, socket: createSocket(), credentials }),
  replaceRoute: (route) => navigate(route, { replace: true }),
});

export function start(): void {
  startRouting((route) => void entry.enterRoute(route));
}

export function hasStoredToken(workshopId: WorkshopId): boolean {
  return entry.hasToken(workshopId);
}

/** Creates a workshop and opens the facilitator's invitation, so its creator joins as its facilitator. */
export async function startWorkshop(request: CreateWorkshopRequest): Promise<Reply<unknown>> {
  const reply = await createWorkshop(request);
  if (!reply.ok) return reply;
  const { workshopId, invites } = reply.data;
  appStore.setState({ invites: { workshopId, tokens: invites } });
  navigate({ kind: 'invite', token: invites.facilitator });
  return reply;
}

export function joinWithInvite(token: string, profile: Profile): Promise<JoinOutcome> {
  return entry.joinWithInvite(token, profile);
}

export function resume(workshopId: WorkshopId): Promise<JoinOutcome> {
  return entry.resume(workshopId);
}

export async function leaveWorkshop(): Promise<void> {
  await entry.leave();
}

export async function toggleMic(): Promise<void> {
  await entry.session?.toggleMic();
}

export async function toggleCamera(): Promise<void> {
  await entry.session?.toggleCamera();
}

/** Other devices were chosen in the device check: what is being sent switches to them. */
export async function applyChosenDevices(sources: readonly LocalSource[]): Promise<void> {
  await entry.session?.media.applyChosenDevices(sources);
}

export async function toggleScreenShare(): Promise<void> {
  await entry.session?.media.toggleScreenShare();
}

/** Chairs: mute someone, or stop their camera or screen share. */
export async function moderateMedia(participantId: ParticipantId, action: ModerationAction): Promise<boolean> {
  return (await entry.session?.media.moderate(participantId, action)) ?? false;
}

/** Chairs, while breakouts are open: be heard in every breakout room too (or no longer). */
export async function speakToAllRooms(on: boolean): Promise<boolean> {
  return (await entry.session?.media.speakToAllRooms(on)) ?? false;
}

/**
 * Every workshop action goes through here. A refusal is shown as an alert and returned, so a form
 * can keep what was typed; success changes nothing locally until `workshop:changed` arrives.
 */
export async function act(command: WorkshopCommand): Promise<boolean> {
  const session = entry.session;
  if (!session) return false;
  const reply = await session.command(command);
  appStore.setState((state) => ({
    notices: reply.ok
      ? withoutNotice(state.notices, 'action')
      : withNotice(state.notices, { topic: 'action', tone: 'alert', message: { error: reply.error } }),
  }));
  return reply.ok;
}

/**
 * A workshop action whose refusal the caller explains in place (the assignment board): no alert.
 * The answer of a command that creates something names it (`created.id`): no need to look for it.
 */
export async function send(command: WorkshopCommand): Promise<Reply<WorkshopCommandAnswer>> {
  return (await entry.session?.command(command)) ?? notJoined;
}

/** Chairs: what importing a CSV into a set would do, with every row's error; changes nothing. */
export async function previewCsv(setId: string, csv: string): Promise<Reply<CsvPreview>> {
  return (await entry.session?.previewCsv(setId, csv)) ?? notJoined;
}

const notJoined = { ok: false, error: { code: 'disconnected', message: 'Not in a workshop.' } } as const;

/** Chairs: fresh invite tokens for every role (kept for the invite panel). */
export async function loadInvites(): Promise<Record<Role, string> | null> {
  const reply = await entry.session?.createInvites();
  if (!reply) return null;
  if (!reply.ok) {
    notify('action', { error: reply.error });
    return null;
  }
  const { workshopId } = appStore.getState();
  if (workshopId) appStore.setState({ invites: { workshopId, tokens: reply.data.invites } });
  return reply.data.invites;
}

export function showPanel(panel: PanelTab): void {
  appStore.setState({ panel });
}

export function dismissNotice(topic: NoticeTopic): void {
  appStore.setState((state) => ({ notices: withoutNotice(state.notices, topic) }));
}

function notify(topic: NoticeTopic, message: Message): void {
  appStore.setState((state) => ({ notices: withNotice(state.notices, { topic, tone: 'alert', message }) }));
}
