import { createWorkshop, eventually, type TestServer } from '@plenary/server/testing';
import { inviteLink } from '@plenary/shared';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inboundMedia, joinAs, openParticipantPage, screenshot } from '../fixtures/browser.ts';
import { withServerAndBrowser } from '../fixtures/spec.ts';

let server: TestServer;
let browser: Browser;
withServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

describe('a plenary in two browsers', () => {
  it('lets two people see and hear each other, and cleans up after one leaves', async () => {
    const { invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
    const link = inviteLink(server.url, invites.delegate);
    const ana = await openParticipantPage(browser, link);
    const ben = await openParticipantPage(browser, link);
    await joinAs(ana, 'Ana', 'Fiji');
    await joinAs(ben, 'Ben', 'Samoa');
    await ana.getByRole('main', { name: 'Plenary' }).waitFor();
    await ben.getByRole('main', { name: 'Plenary' }).waitFor();

    await ana.locator('figure[aria-label="Ben"]').waitFor();
    await ben.locator('figure[aria-label="Ana"]').waitFor();

    // Real media, decoded: audio bytes and video frames arrive in each page from the other.
    for (const page of [ana, ben]) {
      await eventually(async () => {
        const media = await inboundMedia(page);
        expect(media.audioBytesReceived).toBeGreaterThan(1_000);
        expect(media.videoFramesDecoded).toBeGreaterThan(10);
      }, 30_000);
    }
    await screenshot(ana, 'plenary-two-people');
    expect(server.app.pool.counter.snapshot()).toMatchObject({ transports: 4, producers: 4, consumers: 4 });

    await ben.getByRole('button', { name: 'Leave' }).click();
    await ana.locator('figure[aria-label="Ben"]').waitFor({ state: 'detached' });
    const names = await ana.getByRole('list', { name: 'Participants' }).getByRole('listitem').allTextContents();
    expect(names.some((text) => text.includes('Ana'))).toBe(true);
    expect(names.some((text) => text.includes('Ben'))).toBe(false);
    // Ben's transports, producers and Ana's consumers of them are gone from the SFU.
    await eventually(
      () => expect(server.app.pool.counter.snapshot()).toMatchObject({ transports: 2, producers: 2, consumers: 0 }),
      10_000,
    );
    await screenshot(ana, 'plenary-after-leave');
  });
});
