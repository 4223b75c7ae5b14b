// A join whose media cannot get through: the person is told within 10 s what is wrong and what to
// try, and the others see their tile as "not connected" (never outlined as speaking).
import { createWorkshop, startTestServer, type TestServer, testConfig } from '@plenary/server/testing';
import { inviteLink } from '@plenary/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAs, launchBrowser, openParticipantPage } from '../fixtures/browser.ts';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  // Browsers are sent to an address nothing answers on (TEST-NET-1), so ICE never gets through.
  server = await startTestServer({ media: { ...testConfig().media, announcedIp: '192.0.2.1' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('media that cannot connect', () => {
  it('tells the person within 10 s and shows them as not connected to the others', async () => {
    const { invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
    const ana = await openParticipantPage(browser, inviteLink(server.url, invites.delegate));
    await joinAs(ana, 'Ana', 'Fiji');
    await ana.getByRole('main', { name: 'Plenary' }).waitFor();
    const joinedAt = Date.now();
    const notice = ana.getByText('Your audio and video cannot get through');
    await notice.waitFor({ timeout: 10_000 });
    expect(Date.now() - joinedAt).toBeLessThan(10_000);
    await expect(ana.getByText('ask your IT team to allow HTTPS on port 443').isVisible()).resolves.toBe(true);

    const ben = await openParticipantPage(browser, inviteLink(server.url, invites.delegate));
    await joinAs(ben, 'Ben', 'Tonga');
    const anaTile = ben.getByRole('figure', { name: 'Ana' });
    await anaTile.getByText('Not connected').waitFor({ timeout: 12_000 });
    expect(await anaTile.getAttribute('data-speaking')).toBeNull();
  });
});
