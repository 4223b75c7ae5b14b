import type { WorkshopId } from '@plenary/shared';
import { type RefObject, useEffect, useRef, useState } from 'react';
import type { Failure } from '../../i18n/message.ts';
import { credentials } from '../../session/actions.ts';
import { fetchDocument } from '../library/libraryHttp.ts';
import { type Deck, isCancelled, openDeck } from './pdfDeck.ts';

/** Why the deck can't be shown: gone from the library, no token, not fetched, or not a PDF. */
export type DeckProblem =
  | { kind: 'gone' }
  | { kind: 'noToken' }
  | { kind: 'notFetched'; error: Failure }
  | { kind: 'unreadable' };

export type DeckState = { kind: 'loading' } | { kind: 'ready'; deck: Deck } | { kind: 'failed'; problem: DeckProblem };

/** The presented PDF, fetched with this page's token and opened with pdf.js; closed when it changes. */
export function useDeck(workshopId: WorkshopId | null, item: { id: string; name: string } | undefined): DeckState {
  const [state, setState] = useState<DeckState>({ kind: 'loading' });
  const itemId = item?.id;
  const itemName = item?.name ?? '';
  useEffect(() => {
    if (!workshopId || !itemId) {
      setState({ kind: 'failed', problem: { kind: 'gone' } });
      return;
    }
    let gone = false;
    let opened: Deck | null = null;
    setState({ kind: 'loading' });
    const token = credentials.participantToken(workshopId);
    if (!token) {
      setState({ kind: 'failed', problem: { kind: 'noToken' } });
      return;
    }
    void (async () => {
      const file = await fetchDocument({ workshopId, item: { id: itemId, name: itemName }, token });
      if (gone) return;
      if (!file.ok) {
        setState({ kind: 'failed', problem: { kind: 'notFetched', error: file.error } });
        return;
      }
      try {
        const deck = await openDeck(await file.blob.arrayBuffer());
        if (gone) {
          deck.close();
          return;
        }
        opened = deck;
        setState({ kind: 'ready', deck });
      } catch {
        if (!gone) setState({ kind: 'failed', problem: { kind: 'unreadable' } });
      }
    })();
    return () => {
      gone = true;
      opened?.close();
    };
  }, [workshopId, itemId, itemName]);
  return state;
}

/** The size of an element's content box, kept current. */
export function useBoxSize<T extends HTMLElement>(): [RefObject<T | null>, { width: number; height: number } | null] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize((previous) =>
        previous && Math.abs(previous.width - width) < 1 && Math.abs(previous.height - height) < 1
          ? previous
          : { width, height },
      );
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}

/** Paints `page` of the deck into the canvas whenever the page or the room for it changes. */
export function usePaint(
  deck: Deck | null,
  page: number,
  box: { width: number; height: number } | null,
): [RefObject<HTMLCanvasElement | null>, number | null] {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [painted, setPainted] = useState<number | null>(null);
  useEffect(() => {
    const target = canvas.current;
    if (!deck || !box || !target || box.width < 10 || box.height < 10) return;
    let current = true;
    deck.render(page, target, box).then(
      () => current && setPainted(page),
      (error: unknown) => {
        if (!isCancelled(error)) console.warn('deck page failed to render', error);
      },
    );
    return () => {
      current = false;
    };
  }, [deck, page, box]);
  return [canvas, painted];
}
