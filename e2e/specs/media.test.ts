// Issue 5's acceptance: media follows the workshop. Real Chromium pages with fake cameras and
// microphones, a real SFU; what each page receives is read from its WebRTC stats, per sender.
import {
  command,
  createWorkshop,
  eventually,
  joinWithInvite,
  profile,
  type TestClient,
  type TestServer,
} from '@plenary/server/testing';
import { inviteLink, type ParticipantId, type RoomId } from '@plenary/shared';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  joinAs,
  mediaPromptCount,
  openPageCountingPrompts,
  type PeerInbound,
  type ReceivedWindow,
  receivedDuring,
  roomSwitchTimes,
  screenshot,
  selfIdOf,
} from '../fixtures/browser.ts';
import { withServerAndBrowser } from '../fixtures/spec.ts';

/** Long enough for a few dozen video frames and audio packets; short enough to keep the spec quick. */
const WINDOW_MS = 2_500;
const MEDIA_TIMEOUT_MS = 30_000;

let server: TestServer;
let browser: Browser;
withServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

interface Person {
  name: string;
  page: Page;
  id: string;
}

/** Receiving someone: their audio and their camera both grew during the window. */
function expectHearsAndSees(received: PeerInbound, who: string): void {
  expect(received.audioBytes, `audio bytes from ${who}`).toBeGreaterThan(1_000);
  expect(received.videoFrames, `video frames from ${who}`).toBeGreaterThan(5);
}

function expectNothingFrom(received: PeerInbound, who: string): void {
  expect(received.audioBytes, `audio bytes from ${who}`).toBe(0);
  expect(received.videoFrames, `video frames from ${who}`).toBe(0);
  expect(received.screenFrames, `screen frames from ${who}`).toBe(0);
}

/** Waits until every listener receives audio and video from every sender, then returns one window of it. */
async function everyoneReceives(listeners: readonly Person[], senders: readonly Person[]): Promise<ReceivedWindow[]> {
  let windows: ReceivedWindow[] = [];
  await eventually(async () => {
    windows = await receivedDuring(
      listeners.map((person) => person.page),
      WINDOW_MS,
    );
    listeners.forEach((listener, index) => {
      for (const sender of senders) {
        if (sender !== listener) expectHearsAndSees(windows[index]?.from(sender.id) as PeerInbound, sender.name);
      }
    });
  }, MEDIA_TIMEOUT_MS);
  return windows;
}

const summary = (received: PeerInbound) =>
  `${received.audioBytes} B audio, ${received.videoFrames} video frames, ${received.screenFrames} screen frames`;

function log(title: string, rows: string[]): void {
  console.info(`\n[media e2e] ${title}\n  ${rows.join('\n  ')}`);
}

describe('media that follows the workshop', () => {
  let workshopId: string;
  let invites: Awaited<ReturnType<typeof createWorkshop>>['invites'];
  let chair: TestClient;
  let ana: Person;
  let ben: Person;
  let cy: Person;
  /** A co-facilitator in a browser: visits rooms, speaks to all of them, moderates. */
  let fay: Person;

  const arrive = async (name: string, token: string, organisation: string): Promise<Person> => {
    const page = await openPageCountingPrompts(browser, inviteLink(server.url, token));
    await joinAs(page, name, organisation);
    await page.getByRole('main', { name: 'Plenary' }).waitFor();
    return { name, page, id: await selfIdOf(page) };
  };

  it('lets three people in the plenary each hear and see the other two', async () => {
    ({ workshopId, invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } }));
    [ana, ben, cy] = await Promise.all([
      arrive('Ana', invites.delegate, 'Fiji MoH'),
      arrive('Ben', invites.delegate, 'Samoa MoH'),
      arrive('Cy', invites.delegate, 'Tonga MoH'),
    ]);
    const people = [ana, ben, cy];
    for (const { page } of people) {
      for (const other of people) await page.locator(`figure[data-participant-id="${other.id}"] video`).waitFor();
    }
    const windows = await everyoneReceives(people, people);
    log(
      'plenary, per sender during one window',
      people.flatMap((listener, index) =>
        people
          .filter((sender) => sender !== listener)
          .map(
            (sender) => `${listener.name} ← ${sender.name}: ${summary(windows[index]?.from(sender.id) as PeerInbound)}`,
          ),
      ),
    );
    await screenshot(ana.page, 'media-plenary-three');
  });

  it('pauses the video of tiles scrolled out of sight, and resumes it when they come back', async () => {
    // A phone-sized window stacks the tiles and scrolls the page: the third tile is well below it.
    await ben.page.setViewportSize({ width: 400, height: 360 });
    const order = await ben.page
      .locator('.video-grid figure')
      .evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-participant-id')));
    const [, near, far] = order;
    expect(order[0]).toBe(ben.id);
    if (!near || !far) throw new Error(`expected three tiles, got ${order.join(', ')}`);
    const farTop = (await ben.page.locator(`figure[data-participant-id="${far}"]`).boundingBox())?.y ?? 0;
    // Below the window and the margin within which tiles count as nearly visible (120 px).
    expect(farTop).toBeGreaterThan(360 + 120);
    await eventually(async () => {
      const [window] = await receivedDuring([ben.page], WINDOW_MS);
      expect(window?.from(near).videoFrames).toBeGreaterThan(5);
      expect(window?.from(far).videoFrames).toBe(0);
      // Sound does not depend on being seen.
      expect(window?.from(far).audioBytes).toBeGreaterThan(1_000);
    }, MEDIA_TIMEOUT_MS);
    await ben.page.locator(`figure[data-participant-id="${far}"]`).scrollIntoViewIfNeeded();
    await eventually(async () => {
      const [window] = await receivedDuring([ben.page], WINDOW_MS);
      expect(window?.from(far).videoFrames).toBeGreaterThan(5);
    }, MEDIA_TIMEOUT_MS);
    await ben.page.setViewportSize({ width: 1280, height: 720 });
  });

  it('keeps breakout groups apart, lets a facilitator visit one, and brings everyone back without a reload', async () => {
    chair = await server.connect();
    await joinWithInvite(chair, invites.facilitator, profile('Chair'));
    fay = await arrive('Fay', invites['co-facilitator'], 'Secretariat');

    await command(chair, { type: 'breakouts.createSet', name: 'Groups', roomNames: ['Room 1', 'Room 2'] });
    const set = (await server.app.workshops.get(workshopId as never))?.state.breakouts.sets[0];
    const [room1, room2] = set?.rooms ?? [];
    if (!set || !room1 || !room2) throw new Error('no breakout set');
    const assign = (person: Person, roomId: RoomId) =>
      command(chair, {
        type: 'breakouts.assign',
        setId: set.id,
        participantId: person.id as ParticipantId,
        roomId,
      });
    await assign(ana, room1.id);
    await assign(ben, room2.id);
    await assign(cy, room2.id);
    const prompted = await Promise.all([ana, ben, cy].map((person) => mediaPromptCount(person.page)));
    await command(chair, { type: 'breakouts.open', setId: set.id, durationMs: 600_000 });
    await ana.page.getByRole('main', { name: 'Breakout: Room 1' }).waitFor();
    await ben.page.getByRole('main', { name: 'Breakout: Room 2' }).waitFor();
    await cy.page.getByRole('main', { name: 'Breakout: Room 2' }).waitFor();

    // Ben and Cy hear and see each other; Ana, alone in Room 1, gets nothing from either.
    const windows = await everyoneReceives([ben, cy], [ben, cy]);
    const [anaAlone] = await receivedDuring([ana.page], WINDOW_MS);
    expectNothingFrom(anaAlone?.from(ben.id) as PeerInbound, 'Ben');
    expectNothingFrom(anaAlone?.from(cy.id) as PeerInbound, 'Cy');
    expect(await ana.page.locator(`figure[data-participant-id="${ben.id}"]`).count()).toBe(0);
    log('breakouts open, per sender during one window', [
      `Ana ← Ben: ${summary(anaAlone?.from(ben.id) as PeerInbound)}`,
      `Ana ← Cy: ${summary(anaAlone?.from(cy.id) as PeerInbound)}`,
      `Ben ← Cy: ${summary(windows[0]?.from(cy.id) as PeerInbound)}`,
      `Cy ← Ben: ${summary(windows[1]?.from(ben.id) as PeerInbound)}`,
    ]);
    const switches = await Promise.all([ana, ben, cy].map((person) => roomSwitchTimes(person.page)));
    log(
      'room switch (roomChanged → first remote media, or connected when alone)',
      switches.map((times, index) => `${[ana, ben, cy][index]?.name}: ${JSON.stringify(times.at(-1))}`),
    );
    for (const times of switches) expect(times.at(-1)?.duration).toBeLessThan(10_000);
    await screenshot(ben.page, 'media-breakout-room-2');
    await screenshot(ana.page, 'media-breakout-alone');

    // Fay visits Room 2: she hears and sees Ben and Cy there.
    await fay.page.getByRole('tab', { name: /Breakouts/u }).click();
    await fay.page.getByRole('button', { name: 'Visit Room 2' }).click();
    await fay.page.getByRole('main', { name: 'Breakout: Room 2' }).waitFor();
    const [visiting] = await everyoneReceives([fay], [ben, cy]);
    log('Fay visiting Room 2', [
      `Fay ← Ben: ${summary(visiting?.from(ben.id) as PeerInbound)}`,
      `Fay ← Cy: ${summary(visiting?.from(cy.id) as PeerInbound)}`,
    ]);
    await screenshot(fay.page, 'media-visiting');
    await fay.page.getByRole('button', { name: 'Back to plenary' }).click();
    await fay.page.getByRole('main', { name: 'Plenary' }).waitFor();

    // From the plenary, Fay speaks to every room: Ana hears her, on a tile that says so.
    await fay.page.getByRole('button', { name: 'Mute', exact: true }).waitFor();
    await fay.page.getByRole('button', { name: 'Speak to all rooms' }).click();
    await expect
      .poll(() => fay.page.getByRole('button', { name: 'Speak to all rooms' }).getAttribute('aria-pressed'))
      .toBe('true');
    const guest = ana.page.locator(`figure[data-guest][data-participant-id="${fay.id}"]`);
    await guest.waitFor();
    expect(await guest.textContent()).toContain('Facilitator (all rooms)');
    await eventually(async () => {
      const [window] = await receivedDuring([ana.page], WINDOW_MS);
      expect(window?.from(fay.id).audioBytes).toBeGreaterThan(1_000);
    }, MEDIA_TIMEOUT_MS);
    await screenshot(ana.page, 'media-speak-to-all-rooms');
    await fay.page.getByRole('button', { name: 'Speak to all rooms' }).click();
    await guest.waitFor({ state: 'detached' });

    await command(chair, { type: 'breakouts.close' });
    for (const person of [ana, ben, cy]) await person.page.getByRole('main', { name: 'Plenary' }).waitFor();
    const back = await everyoneReceives([ana, ben, cy, fay], [ana, ben, cy, fay]);
    // Into a breakout and back: the same camera and microphone were sent, never opened again.
    expect(await Promise.all([ana, ben, cy].map((person) => mediaPromptCount(person.page)))).toEqual(prompted);
    log(
      'back in the plenary, Ana during one window',
      [ben, cy, fay].map((sender) => `Ana ← ${sender.name}: ${summary(back[0]?.from(sender.id) as PeerInbound)}`),
    );
  });

  it('shows a shared screen large to everyone else, and takes it away when sharing stops', async () => {
    await ana.page.getByRole('button', { name: 'Share screen' }).click();
    await ana.page.getByRole('button', { name: 'Stop sharing' }).waitFor();
    await ana.page.getByText('You are sharing your screen').waitFor();
    for (const person of [ben, cy, fay]) {
      await person.page.locator(`figure[data-source="screen"][data-participant-id="${ana.id}"][data-main]`).waitFor();
    }
    let windows: ReceivedWindow[] = [];
    await eventually(async () => {
      windows = await receivedDuring([ben.page, cy.page, fay.page], WINDOW_MS);
      for (const window of windows) expect(window.from(ana.id).screenFrames).toBeGreaterThan(10);
    }, MEDIA_TIMEOUT_MS);
    log(
      'screen share from Ana',
      [ben, cy, fay].map(
        (person, index) => `${person.name} ← Ana: ${summary(windows[index]?.from(ana.id) as PeerInbound)}`,
      ),
    );
    // The people beside the screen are small tiles: the SFU sends them a smaller simulcast layer.
    await eventually(async () => {
      const [window] = await receivedDuring([ben.page], 1_000);
      expect(window?.from(cy.id).videoFrameWidth).toBeGreaterThan(0);
      expect(window?.from(cy.id).videoFrameWidth).toBeLessThanOrEqual(320);
    }, MEDIA_TIMEOUT_MS);
    await screenshot(ben.page, 'media-share-layout');

    await ana.page.getByRole('button', { name: 'Stop sharing' }).click();
    await ben.page.locator('figure[data-source="screen"]').waitFor({ state: 'detached' });
    await ben.page.locator('.video-grid').waitFor();
  });

  it('gives an observer only what it watches and hears, and spotlights the speaker of a larger room', async () => {
    // A meeting-room PC standing for three people, and an observer: seven tiles in the plenary.
    const device = await server.connect();
    const suva = await joinWithInvite(device, invites['room-device'], profile('Suva meeting room'));
    await command(chair, {
      type: 'participant.setInRoomPeople',
      participantId: suva.self.id,
      people: ['Ema', 'Iosefa', 'Mele'],
    });
    const page = await openPageCountingPrompts(browser, inviteLink(server.url, invites.observer));
    await joinAs(page, 'Olga', 'Donor agency');
    await page.getByRole('main', { name: 'Plenary' }).waitFor();
    const olga: Person = { name: 'Olga', page, id: await selfIdOf(page) };

    await page.getByText('You are observing').waitFor();
    const sendingControls = page.getByRole('button', {
      name: /^(Mute|Unmute|Start camera|Stop camera|Share screen)$/u,
    });
    expect(await sendingControls.count()).toBe(0);
    const [watching] = await everyoneReceives([olga], [ana, ben, cy, fay]);
    expect(await mediaPromptCount(page)).toBe(0);
    log(
      'Olga (observer)',
      [ana, ben, cy, fay].map(
        (sender) => `Olga ← ${sender.name}: ${summary(watching?.from(sender.id) as PeerInbound)}`,
      ),
    );

    const inRoom = page.getByRole('list', { name: 'In the room with Suva meeting room' });
    expect(await inRoom.getByRole('listitem').allTextContents()).toEqual(['Ema', 'Iosefa', 'Mele']);

    // Whoever the SFU hears loudest is drawn first and larger.
    const spotlight = page.locator('.video-grid figure[data-spotlight][data-speaking]');
    await spotlight.waitFor({ timeout: MEDIA_TIMEOUT_MS });
    const first = await page.locator('.video-grid figure').first().getAttribute('data-participant-id');
    expect(first).toBe(await spotlight.getAttribute('data-participant-id'));
    await screenshot(page, 'media-observer-spotlight');
    await page.close();
    device.disconnect();
  });

  it('lets a chair mute someone, and shows that person who did it', async () => {
    await fay.page.getByRole('tab', { name: /People/u }).click();
    await fay.page.getByRole('button', { name: 'Mute Ana' }).click();
    await ana.page.getByRole('button', { name: 'Unmute' }).waitFor();
    await ana.page.getByRole('alert').filter({ hasText: 'Fay muted your microphone.' }).waitFor();
    await ben.page.locator(`figure[data-participant-id="${ana.id}"] [aria-label="Microphone off"]`).waitFor();
    await eventually(async () => {
      const [window] = await receivedDuring([ben.page], WINDOW_MS);
      expect(window?.from(ana.id).audioBytes).toBeLessThan(500);
    }, MEDIA_TIMEOUT_MS);
    await screenshot(ana.page, 'media-muted-by-chair');
  });
});
