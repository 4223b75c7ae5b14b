// Room switch (issue 5: under 1 s on loopback): two delegates move together between the plenary and
// a breakout room, without reloading; the time from the server's `roomChanged` to the other person's
// media playing, as the client records it (`performance.measure('plenary:room-switch')`).
// Baseline: the browser's own floor, getUserMedia plus a loopback peer connection to first audio.
import { command, createWorkshop, joinWithInvite, profile, startTestServer } from '@plenary/server/testing';
import { inviteLink, type ParticipantId } from '@plenary/shared';
import type { Browser, Page } from 'playwright-core';
import { joinAs, launchBrowser, openParticipantPage } from '../e2e/fixtures/browser.ts';
import { loopbackAudio } from './joinToAudio.ts';
import { type Result, ratioOf, round, verdict } from './lib/result.ts';
import { median, sleep } from './lib/stats.ts';

const MOVES = 6;

interface Measured {
  duration: number;
  until: string;
}

const switches = (page: Page): Promise<Measured[]> =>
  page.evaluate(() =>
    performance
      .getEntriesByName('plenary:room-switch')
      .map((entry) => ({ duration: entry.duration, until: (entry as PerformanceMeasure).detail?.until ?? '' })),
  );

export async function run(): Promise<Result> {
  const server = await startTestServer();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const { invites, workshopId } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
    const chair = await server.connect();
    await joinWithInvite(chair, invites.facilitator, profile('Chair'));
    const link = inviteLink(server.url, invites.delegate);
    const pages: Page[] = [];
    for (const [name, organisation] of [
      ['Ana', 'Fiji'],
      ['Ben', 'Samoa'],
    ] as const) {
      const page = await openParticipantPage(browser, link);
      await joinAs(page, name, organisation);
      await page.getByRole('main', { name: 'Plenary' }).waitFor({ timeout: 15_000 });
      pages.push(page);
    }
    await command(chair, { type: 'breakouts.createSet', name: 'Pair', roomNames: ['Corner'] });
    const state = () => server.app.workshops.get(workshopId).then((workshop) => workshop?.state);
    const set = (await state())?.breakouts.sets[0];
    const room = set?.rooms[0];
    if (!set || !room) throw new Error('no breakout room');
    const delegates = Object.values((await state())?.participants ?? {}).filter((p) => p.role === 'delegate');
    for (const delegate of delegates) {
      await command(chair, {
        type: 'breakouts.assign',
        setId: set.id,
        participantId: delegate.id as ParticipantId,
        roomId: room.id,
      });
    }

    const recorded = async () => (await Promise.all(pages.map(switches))).flat();
    for (let move = 0; move < MOVES; move++) {
      const before = (await recorded()).length;
      const opening = move % 2 === 0;
      await command(
        chair,
        opening ? { type: 'breakouts.open', setId: set.id, durationMs: 600_000 } : { type: 'breakouts.close' },
      );
      // Both pages record their switch once the other's media plays in the new room (bounded wait).
      const deadline = Date.now() + 20_000;
      while ((await recorded()).length < before + pages.length && Date.now() < deadline) await sleep(50);
    }
    const all = await recorded();
    const toMedia = all.filter((entry) => entry.until === 'remote-media').map((entry) => entry.duration);
    const baseline = [await loopbackAudio(browser, server.url), await loopbackAudio(browser, server.url)];
    const value = median(toMedia);
    const base = median(baseline);
    return {
      name: 'room-switch',
      rows: [
        {
          benchmark: 'room switch',
          metric: `roomChanged → the other's media playing, plenary ⇄ breakout, median of ${toMedia.length}`,
          value: round(value),
          unit: 'ms',
          baseline: round(base),
          ratio: round(ratioOf(value, base) ?? 0, 2),
          goal: '< 1000 ms',
          status: toMedia.length > 0 ? verdict(value < 1_000) : 'failed',
          note: `max ${round(Math.max(...toMedia))} ms`,
        },
      ],
      details: {
        switchesMs: toMedia.map((ms) => round(ms)),
        other: all.filter((e) => e.until !== 'remote-media'),
        baselineMs: baseline,
      },
    };
  } finally {
    await browser?.close();
    await server.close();
  }
}
