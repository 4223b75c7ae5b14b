// Join to first audio: a second page joins a room where one page already sends; time from clicking
// Join to the first inbound audio bytes. Baseline: the same browser's getUserMedia plus a loopback
// RTCPeerConnection pair reaching its first audio bytes. Chromium with a fake camera and microphone.

import { createWorkshop, startTestServer } from '@plenary/server/testing';
import { inviteLink } from '@plenary/shared';
import type { Browser, Page } from 'playwright-core';
import { inboundMedia, joinAs, launchBrowser, openParticipantPage } from '../e2e/fixtures/browser.ts';
import { type Result, ratioOf, round } from './lib/result.ts';
import { median, sleep } from './lib/stats.ts';

const JOINS = 10;
const AUDIO_TIMEOUT_MS = 20_000;

export async function run(): Promise<Result> {
  const server = await startTestServer();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const { invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
    const link = inviteLink(server.url, invites.delegate);
    const sender = await openParticipantPage(browser, link);
    await joinAs(sender, 'Sender', 'Secretariat');
    await sender.getByRole('main', { name: 'Plenary' }).waitFor({ timeout: 15_000 });

    const samples: number[] = [];
    const baseline: number[] = [];
    for (let join = 0; join < JOINS; join++) {
      const page = await openParticipantPage(browser, link);
      try {
        await page.getByLabel('Your name').fill(`Listener ${join}`);
        await page.getByLabel('Organisation').fill('Fiji');
        await page.getByLabel('Country').fill('Fiji');
        const clickedAt = performance.now();
        await page.getByRole('button', { name: 'Join' }).click();
        samples.push(await firstAudioAfter(page, clickedAt));
      } finally {
        await page.context().close();
      }
      baseline.push(await loopbackAudio(browser, server.url));
    }
    const value = median(samples);
    const base = median(baseline);
    const ratio = ratioOf(value, base);
    return {
      name: 'join-to-audio',
      rows: [
        {
          benchmark: 'join to first audio',
          metric: `click Join → inbound audio bytes > 0, median of ${JOINS}`,
          value: round(value),
          unit: 'ms',
          baseline: round(base),
          ratio: ratio && round(ratio, 2),
          goal: 'none set yet',
          status: 'info',
        },
      ],
      details: { joinsMs: samples.map((sample) => round(sample)), baselineMs: baseline.map((sample) => round(sample)) },
    };
  } finally {
    await browser?.close();
    await server.close();
  }
}

/** Polls the page's inbound RTP until audio bytes arrive; ms since `since`. */
export async function firstAudioAfter(page: Page, since: number): Promise<number> {
  for (;;) {
    const media = await inboundMedia(page);
    if (media.audioBytesReceived > 0) return performance.now() - since;
    if (performance.now() - since > AUDIO_TIMEOUT_MS) throw new Error(`no inbound audio within ${AUDIO_TIMEOUT_MS} ms`);
    await sleep(10);
  }
}

/**
 * The browser's own floor: getUserMedia, then two peer connections in one page connected to each
 * other (host candidates, no server), until the receiving side counts audio bytes. Polled the same way.
 */
export async function loopbackAudio(browser: Browser, url: string): Promise<number> {
  const page = await openParticipantPage(browser, `${url}/healthz`);
  try {
    const startedAt = performance.now();
    await page.evaluate(async () => {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const sending = new RTCPeerConnection();
      const receiving = new RTCPeerConnection();
      sending.onicecandidate = (event) => event.candidate && void receiving.addIceCandidate(event.candidate);
      receiving.onicecandidate = (event) => event.candidate && void sending.addIceCandidate(event.candidate);
      for (const track of stream.getAudioTracks()) sending.addTrack(track, stream);
      await sending.setLocalDescription(await sending.createOffer());
      await receiving.setRemoteDescription(sending.localDescription as RTCSessionDescriptionInit);
      await receiving.setLocalDescription(await receiving.createAnswer());
      await sending.setRemoteDescription(receiving.localDescription as RTCSessionDescriptionInit);
    });
    return await firstAudioAfter(page, startedAt);
  } finally {
    await page.context().close();
  }
}
