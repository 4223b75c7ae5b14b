// Join through TURN over TLS: time from clicking Join to the first inbound audio for a listener
// whose network opens only TCP 443 (media relayed by coturn through the page's TLS port), against a
// listener on an open network in the same run (direct to the SFU). Plenary runs as `npm start`
// runs it, in a network namespace; each Chromium in a client namespace. Needs root.
import type { Browser, Page } from 'playwright-core';
import { joinAs, openParticipantPage } from '../e2e/fixtures/browser.ts';
import { workshopLinkFrom } from '../e2e/fixtures/linkStats.ts';
import {
  allowOnlyTcp443,
  type ClientNamespace,
  createLab,
  netnsUnavailable,
  SERVER_ADDRESS,
  SERVER_NAME,
} from '../e2e/fixtures/netns.ts';
import { certificateFor, launchBrowserIn, startPlenary } from '../e2e/fixtures/plenaryInNamespace.ts';
import { firstAudioAfter } from './joinToAudio.ts';
import { type Result, ratioOf, round } from './lib/result.ts';
import { median } from './lib/stats.ts';

const JOINS = 5;

export async function run(): Promise<Result> {
  const unavailable = netnsUnavailable();
  if (unavailable) throw new Error(unavailable);
  const lab = createLab(2);
  const [open, only443] = lab.clients as [ClientNamespace, ClientNamespace];
  const browsers: Browser[] = [];
  const { certFile, keyFile } = certificateFor(SERVER_NAME, SERVER_ADDRESS);
  const plenary = await startPlenary(lab.server, {
    HOST: SERVER_ADDRESS,
    PORT: '443',
    PLENARY_RTC_LISTEN_IP: SERVER_ADDRESS,
    PLENARY_TURN: 'auto',
    PLENARY_TLS_CERT: certFile,
    PLENARY_TLS_KEY: keyFile,
  }).catch((error: unknown) => {
    lab.close();
    throw error;
  });
  try {
    allowOnlyTcp443(lab, only443.name);
    // The page's and TURN's certificate is the bench's own: these browsers accept it.
    const launch = async (client: ClientNamespace) => {
      const browser = await launchBrowserIn(client.name, ['--ignore-certificate-errors']);
      browsers.push(browser);
      return browser;
    };
    const [outside, office] = [await launch(open), await launch(only443)];
    const setup = await openParticipantPage(outside, `${plenary.origin}/healthz`);
    const link = await workshopLinkFrom(setup);
    const sender = await openParticipantPage(outside, link);
    await joinAs(sender, 'Sender');
    await sender.getByRole('main', { name: 'Plenary' }).waitFor({ timeout: 15_000 });

    const relayed: number[] = [];
    const direct: number[] = [];
    // Alternating, so both feel the machine's load alike.
    for (let join = 0; join < JOINS; join++) {
      relayed.push(await timeJoin(office, link, `Office ${join}`));
      direct.push(await timeJoin(outside, link, `Open ${join}`));
    }
    const value = median(relayed);
    const base = median(direct);
    const ratio = ratioOf(value, base);
    return {
      name: 'turn-tls',
      rows: [
        {
          benchmark: 'join to first audio through TURN/TLS on 443',
          metric: `click Join → inbound audio bytes > 0, median of ${JOINS} (baseline: open network, direct)`,
          value: round(value),
          unit: 'ms',
          baseline: round(base),
          ratio: ratio && round(ratio, 2),
          goal: 'none set yet',
          status: 'info',
        },
      ],
      details: { relayedMs: relayed.map((ms) => round(ms)), directMs: direct.map((ms) => round(ms)) },
    };
  } finally {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await plenary.stop();
    lab.close();
  }
}

async function timeJoin(browser: Browser, link: string, name: string): Promise<number> {
  const page: Page = await openParticipantPage(browser, link);
  try {
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Organisation').fill('Secretariat');
    await page.getByLabel('Country').fill('Fiji');
    const clickedAt = performance.now();
    await page.getByRole('button', { name: 'Join' }).click();
    return await firstAudioAfter(page, clickedAt);
  } finally {
    await page.context().close();
  }
}
