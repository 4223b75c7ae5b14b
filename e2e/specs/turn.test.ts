// Chromium is handed the TURN server Plenary runs, and coturn accepts the credentials Chromium got
// (and not forged ones).
import { createWorkshop, eventually, startTestServer, type TestServer } from '@plenary/server/testing';
import { loopbackCoturn } from '@plenary/server/testing/turn';
import { inviteLink } from '@plenary/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAs, launchBrowser, openParticipantPage } from '../fixtures/browser.ts';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer({ turn: await loopbackCoturn() });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('TURN in the browser', () => {
  it("gives the page's transports the TURN server, whose credentials (not forged ones) get Chromium a relay", async () => {
    const { invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
    const page = await openParticipantPage(browser, inviteLink(server.url, invites.delegate));
    await joinAs(page, 'Ana', 'Fiji');
    await page.getByRole('main', { name: 'Plenary' }).waitFor();

    let iceServers: RTCIceServer[] = [];
    await eventually(async () => {
      // mediasoup-client's probe of the browser's capabilities is closed at once: the transports are not.
      const configured = await page.evaluate(() =>
        (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections
          .filter((connection) => connection.signalingState !== 'closed')
          .map((connection) => connection.getConfiguration().iceServers ?? []),
      );
      expect(configured.length).toBeGreaterThanOrEqual(2);
      for (const servers of configured) {
        expect(servers).toEqual([
          expect.objectContaining({ urls: expect.arrayContaining([expect.stringMatching(/^turn:127\.0\.0\.1:/)]) }),
        ]);
      }
      iceServers = configured[0] ?? [];
    }, 15_000);

    // Relay only: a candidate appears only if coturn accepted the credentials.
    const gather = (servers: RTCIceServer[]) =>
      page.evaluate(async (servers) => {
        const connection = new RTCPeerConnection({ iceServers: servers, iceTransportPolicy: 'relay' });
        connection.createDataChannel('probe');
        const found: string[] = [];
        const done = new Promise<void>((resolve) => {
          connection.onicecandidate = (event) => {
            if (event.candidate) found.push(event.candidate.type ?? 'unknown');
            else resolve();
          };
        });
        await connection.setLocalDescription(await connection.createOffer());
        await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        connection.close();
        return found;
      }, servers);
    expect(await gather(iceServers)).toContain('relay');
    const forged = iceServers.map((server) => ({ ...server, credential: 'Zm9yZ2VkIGNyZWRlbnRpYWw=' }));
    expect(await gather(forged)).toEqual([]);
  });
});
