import { Command, type WorkshopChange } from '@plenary/shared';
import type { Requester } from '../net/request.ts';
import { withNotice } from '../stores/slices/notices.ts';
import type { AppStore } from '../stores/state.ts';
import { applyWorkshopChange, snapshotApplied } from '../stores/workshop.ts';

/**
 * Keeps the workshop view in revision order: a change is applied when it is the next one; when
 * some were lost, a snapshot is taken and whatever arrived meanwhile is replayed on top of it.
 */
export class WorkshopChanges {
  readonly #store: AppStore;
  readonly #request: Requester;
  readonly #ended: () => boolean;
  /** Changes that arrive while a snapshot is on its way wait here, then replay against it. */
  #awaitingSnapshot: WorkshopChange[] | null = null;

  constructor(store: AppStore, request: Requester, ended: () => boolean) {
    this.#store = store;
    this.#request = request;
    this.#ended = ended;
  }

  /** A (re)join applied a fresh snapshot: a catch-up still under way no longer matters. */
  reset(): void {
    this.#awaitingSnapshot = null;
  }

  apply(change: WorkshopChange): void {
    if (this.#awaitingSnapshot) {
      this.#awaitingSnapshot.push(change);
      return;
    }
    const { state, outcome } = applyWorkshopChange(this.#store.getState(), change);
    if (outcome === 'applied') this.#store.setState(state);
    if (outcome === 'gap') void this.#catchUp();
  }

  /** Some changes were lost: take a snapshot, then replay whatever arrived meanwhile on top of it. */
  async #catchUp(): Promise<void> {
    if (this.#awaitingSnapshot) return;
    this.#awaitingSnapshot = [];
    const reply = await this.#request(Command.workshopSnapshot, {});
    const waiting = this.#awaitingSnapshot;
    this.#awaitingSnapshot = null;
    if (this.#ended() || !waiting) return;
    if (!reply.ok) {
      // A dropped connection rejoins (and so resynchronises) by itself; anything else is worth a word.
      if (reply.error.code !== 'disconnected') {
        this.#store.setState((state) => ({
          notices: withNotice(state.notices, {
            topic: 'connection',
            tone: 'alert',
            message: { key: 'connection.outOfDate', error: reply.error },
          }),
        }));
      }
      return;
    }
    this.#store.setState((state) => snapshotApplied(state, reply.data));
    for (const change of waiting) this.apply(change);
  }
}
