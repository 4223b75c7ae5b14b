/**
 * Which page a viewer sees. Following, it is the presenter's; browsing, it is their own, and the
 * presenter turning pages changes nothing for them. Going back to following drops the local page.
 */
export type Following = { mode: 'follow' } | { mode: 'browse'; page: number };

export const FOLLOWING: Following = { mode: 'follow' };

export function shownPage(state: Following, presenterPage: number, pageCount: number | null): number {
  const page = state.mode === 'follow' ? presenterPage : state.page;
  return clampPage(page, pageCount);
}

/** Browse freely, starting from the page on screen. */
export function browse(state: Following, presenterPage: number, pageCount: number | null): Following {
  return state.mode === 'browse' ? state : { mode: 'browse', page: clampPage(presenterPage, pageCount) };
}

export function follow(): Following {
  return FOLLOWING;
}

/** A viewer's own step while browsing; following, a step starts browsing from the presenter's page. */
export function stepLocally(
  state: Following,
  delta: number,
  presenterPage: number,
  pageCount: number | null,
): Following {
  const from = shownPage(state, presenterPage, pageCount);
  return { mode: 'browse', page: clampPage(from + delta, pageCount) };
}

/** The page a presenter's step asks for, or null when there is none further that way. */
export function presenterStep(page: number, delta: number, pageCount: number | null): number | null {
  const next = clampPage(page + delta, pageCount);
  return next === page ? null : next;
}

export function clampPage(page: number, pageCount: number | null): number {
  const upper = pageCount ?? Number.POSITIVE_INFINITY;
  return Math.max(1, Math.min(Math.round(page), upper));
}
