// Chromium is handed the TURN server Plenary runs, and coturn accepts the credentials Chromium got
// (and not forged ones); Chromium's TURN over TLS reaches coturn through the demux on a TLS port.
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { createWorkshop, eventually, startTestServer, type TestServer } from '@plenary/server/testing';
import { loopbackCoturn, selfSigned } from '@plenary/server/testing/turn';
import { inviteLink } from '@plenary/shared';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, joinAs, launchBrowser, openParticipantPage } from '../fixtures/browser.ts';

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
    expect((await relayCandidates(page, iceServers)).length).toBeGreaterThan(0);
    const forged = iceServers.map((server) => ({ ...server, credential: 'Zm9yZ2VkIGNyZWRlbnRpYWw=' }));
    expect(await relayCandidates(page, forged)).toEqual([]);
  });

  it('serves the page and reaches coturn over TLS through the demux, on one TLS port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenary-turns-'));
    const tls = createTlsServer(selfSigned(dir));
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const { port } = tls.address() as AddressInfo;
    const url = `turns:127.0.0.1:${port}?transport=tcp`;
    server.app.turn.attachTls(tls, { httpServer: server.app.httpServer, url });
    // Chromium checks a TURN server's certificate like a page's; this one is self-signed (a real
    // deployment's is not), so this browser is told to accept it.
    const trusting = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--ignore-certificate-errors'],
    });
    try {
      const page = await (await trusting.newContext()).newPage();
      const health = await page.goto(`https://127.0.0.1:${port}/healthz`);
      expect(health?.status()).toBe(200);
      expect(await health?.json()).toMatchObject({ turn: { mode: 'coturn', state: 'up' } });
      const [turn] = server.app.turn.iceServersFor('participant-tls', Date.now()).servers;
      if (!turn) throw new Error('no TURN server handed out');
      expect(turn.urls).toContain(url);
      const relays = await relayCandidates(page, [{ ...turn, urls: [url] }]);
      expect(relays).toEqual([expect.objectContaining({ relayProtocol: 'tls' })]);
    } finally {
      await trusting.close();
      await new Promise((resolve) => tls.close(resolve));
    }
  });
});

/** The relay candidates Chromium gathers with only these ICE servers (none if the TURN server refuses). */
function relayCandidates(page: Page, iceServers: RTCIceServer[]): Promise<Array<{ relayProtocol: string | null }>> {
  return page.evaluate(async (servers) => {
    const connection = new RTCPeerConnection({ iceServers: servers, iceTransportPolicy: 'relay' });
    connection.createDataChannel('probe');
    const found: Array<{ relayProtocol: string | null }> = [];
    const done = new Promise<void>((resolve) => {
      connection.onicecandidate = (event) => {
        if (!event.candidate) resolve();
        else if (event.candidate.type === 'relay') {
          // Chromium has it; TypeScript's DOM types don't yet.
          const { relayProtocol } = event.candidate as RTCIceCandidate & { relayProtocol?: string | null };
          found.push({ relayProtocol: relayProtocol ?? null });
        }
      };
    });
    await connection.setLocalDescription(await connection.createOffer());
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    connection.close();
    return found;
  }, iceServers);
}
