import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './route.ts';

describe('parseRoute', () => {
  it('reads the landing page, an invite link and a workshop address', () => {
    expect(parseRoute('/', '')).toEqual({ kind: 'start' });
    expect(parseRoute('', '')).toEqual({ kind: 'start' });
    expect(parseRoute('/join', '#abc.def.ghi')).toEqual({ kind: 'invite', token: 'abc.def.ghi' });
    expect(parseRoute('/join/', '#abc')).toEqual({ kind: 'invite', token: 'abc' });
    expect(parseRoute('/w/ws-1', '')).toEqual({ kind: 'workshop', workshopId: 'ws-1' });
  });

  it('keeps an invite link without a token as an invite, so the page can say the link is incomplete', () => {
    expect(parseRoute('/join', '')).toEqual({ kind: 'invite', token: '' });
  });

  it('names anything else unknown', () => {
    expect(parseRoute('/w/a/b', '')).toEqual({ kind: 'unknown', path: '/w/a/b' });
    expect(parseRoute('/admin', '')).toEqual({ kind: 'unknown', path: '/admin' });
  });

  it('round-trips through routeHref', () => {
    for (const href of ['/', '/join#tok', '/w/ws-1']) {
      const url = new URL(href, 'http://x');
      expect(routeHref(parseRoute(url.pathname, url.hash))).toBe(href);
    }
  });
});
