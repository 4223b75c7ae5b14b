import type { Message } from '../../i18n/message.ts';

/** One notice per topic: a newer message on a topic replaces the older one. */
export type NoticeTopic = 'join' | 'connection' | 'media' | 'link' | 'devices' | 'action' | 'moderation';

/** `status` is announced politely, `alert` at once (it needs the person to do something). */
export type NoticeTone = 'status' | 'alert';

export interface Notice {
  topic: NoticeTopic;
  tone: NoticeTone;
  /** worded on screen, in the language the person reads at that moment */
  message: Message;
}

export interface NoticesSlice {
  notices: readonly Notice[];
}

export const initialNotices: NoticesSlice = { notices: [] };

export function withNotice(notices: readonly Notice[], notice: Notice): readonly Notice[] {
  return [...notices.filter((existing) => existing.topic !== notice.topic), notice];
}

export function withoutNotice(notices: readonly Notice[], topic: NoticeTopic): readonly Notice[] {
  return notices.some((notice) => notice.topic === topic)
    ? notices.filter((notice) => notice.topic !== topic)
    : notices;
}
