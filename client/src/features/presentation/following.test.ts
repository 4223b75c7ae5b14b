import { describe, expect, it } from 'vitest';
import { browse, FOLLOWING, follow, presenterStep, shownPage, stepLocally } from './following.ts';

describe('following the presenter', () => {
  it('shows the presenter’s page while following, within the deck', () => {
    expect(shownPage(FOLLOWING, 3, 5)).toBe(3);
    expect(shownPage(FOLLOWING, 9, 5)).toBe(5);
    expect(shownPage(FOLLOWING, 2, null)).toBe(2);
  });

  it('keeps the local page while browsing, whatever the presenter does', () => {
    let state = browse(FOLLOWING, 3, 3);
    expect(state).toEqual({ mode: 'browse', page: 3 });
    state = stepLocally(state, -1, 3, 3);
    state = stepLocally(state, -1, 3, 3);
    state = stepLocally(state, -1, 3, 3);
    expect(shownPage(state, 3, 3)).toBe(1);
    expect(shownPage(state, 2, 3)).toBe(1);
    expect(browse(state, 2, 3)).toBe(state);
  });

  it('jumps back to the presenter’s page on following again', () => {
    const state = follow();
    expect(shownPage(state, 3, 3)).toBe(3);
  });

  it('starts browsing when a follower steps on their own', () => {
    expect(stepLocally(FOLLOWING, 1, 2, 3)).toEqual({ mode: 'browse', page: 3 });
  });

  it('asks for no page beyond the deck’s ends', () => {
    expect(presenterStep(1, -1, 3)).toBeNull();
    expect(presenterStep(3, 1, 3)).toBeNull();
    expect(presenterStep(2, 1, 3)).toBe(3);
    expect(presenterStep(2, 1, null)).toBe(3);
  });
});
