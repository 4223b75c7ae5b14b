// LAN mode as a training room uses it: Plenary started with PLENARY_LAN=1 makes its own authority
// and a certificate for the LAN address, and prints the link and the authority's file. A laptop in
// another namespace that trusts that printed authority (and nothing else) opens the link over https,
// gets its camera (a secure context) and exchanges media. Needs root (namespaces).
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eventually } from '@plenary/server/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAs, openParticipantPage, receivedDuring, selfIdOf } from '../fixtures/browser.ts';
import { workshopLinkFrom } from '../fixtures/linkStats.ts';
import { type ClientNamespace, createLab, type Lab, netnsUnavailable, SERVER_ADDRESS } from '../fixtures/netns.ts';
import { launchBrowserIn, type RunningPlenary, startPlenary } from '../fixtures/plenaryInNamespace.ts';

const unavailable = netnsUnavailable();
if (unavailable) console.warn(`LAN mode test skipped: ${unavailable}`);

/** The base64 SHA-256 of a certificate's public key: what Chromium's SPKI allow-list takes. */
function spkiHash(pem: string): string {
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

async function join(browser: Browser, link: string, name: string): Promise<Page> {
  const page = await openParticipantPage(browser, link);
  await joinAs(page, name);
  await page.getByRole('main', { name: 'Plenary' }).waitFor({ timeout: 20_000 });
  return page;
}

describe.skipIf(unavailable)('LAN mode, from another machine on the LAN', () => {
  let lab: Lab;
  let plenary: RunningPlenary;
  let browser: Browser | undefined;
  beforeAll(async () => {
    lab = createLab(1);
    plenary = await startPlenary(lab.server, { PLENARY_LAN: '1', PLENARY_LAN_ADDRESS: SERVER_ADDRESS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await plenary?.stop();
    lab?.close();
  });

  it('opens the printed https link trusting the printed authority, and gets camera and media', async () => {
    expect(plenary.origin).toBe(`https://${SERVER_ADDRESS}:3000`);
    const authorityFile = /install (\S+) as a trusted authority/u.exec(plenary.output())?.[1];
    if (!authorityFile) throw new Error(`no authority file printed:\n${plenary.output()}`);
    const [laptop] = lab.clients as [ClientNamespace];
    // Trusting exactly the printed authority's key, as a device that installed it would; no
    // blanket --ignore-certificate-errors here.
    browser = await launchBrowserIn(laptop.name, [
      `--ignore-certificate-errors-spki-list=${spkiHash(readFileSync(authorityFile, 'utf8'))}`,
    ]);

    const opened = await openParticipantPage(browser, plenary.facilitatorLink);
    expect(await opened.evaluate(() => window.isSecureContext && typeof navigator.mediaDevices?.getUserMedia)).toBe(
      'function',
    );
    const link = await workshopLinkFrom(opened);
    const ana = await join(browser, link, 'Ana');
    const ben = await join(browser, link, 'Ben');
    const [anaId, benId] = [await selfIdOf(ana), await selfIdOf(ben)];
    await eventually(async () => {
      const [ofAna, ofBen] = await receivedDuring([ana, ben], 2_000);
      for (const received of [ofAna?.from(benId), ofBen?.from(anaId)]) {
        expect(received?.audioBytes).toBeGreaterThan(1_000);
        expect(received?.videoFrames).toBeGreaterThan(5);
      }
    }, 30_000);
    console.info(`LAN mode: ${plenary.origin} trusted through the authority ${authorityFile}; media flows both ways`);
  });
});
