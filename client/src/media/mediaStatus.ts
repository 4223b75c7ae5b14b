import type { Message } from '../i18n/message.ts';
import { RECONNECTING } from '../stores/room.ts';
import { type Notice, type NoticeTopic, withNotice, withoutNotice } from '../stores/slices/notices.ts';
import type { AppStore } from '../stores/state.ts';

/** What media tells the person through notices, and whether "Reconnecting…" is shown. */
export class MediaStatus {
  readonly #store: AppStore;
  #reconnecting = false;

  constructor(store: AppStore) {
    this.#store = store;
  }

  notify(topic: NoticeTopic, tone: Notice['tone'], message: Message): void {
    this.#store.setState((state) => ({ notices: withNotice(state.notices, { topic, tone, message }) }));
  }

  clear(topic: NoticeTopic): void {
    this.#store.setState((state) => {
      const notices = withoutNotice(state.notices, topic);
      return notices === state.notices ? state : { notices };
    });
  }

  /** Shown from the moment media is lost until the transports are through again. */
  get reconnecting(): boolean {
    return this.#reconnecting;
  }

  showReconnecting(): void {
    this.#reconnecting = true;
    this.notify('media', 'status', RECONNECTING);
  }

  /** Takes "Reconnecting…" away, and only it: another media notice shown meanwhile stays. */
  clearReconnecting(): void {
    if (!this.#reconnecting) return;
    this.#reconnecting = false;
    this.#store.setState((state) => {
      const shown = state.notices.find((notice) => notice.topic === 'media');
      const still = shown && 'key' in shown.message && shown.message.key === RECONNECTING.key;
      return still ? { notices: withoutNotice(state.notices, 'media') } : state;
    });
  }
}
