// The device check, in real Chromium with its fake camera (a moving picture) and microphones (a
// beep): the preview plays, the level meter moves, the test tone plays, the chosen microphone is
// the one sent to the room, and so is one chosen later in the room; when the browser refuses, the
// page says why and joining still works.
import { createWorkshop, eventually, type TestServer } from '@plenary/server/testing';
import { inviteLink } from '@plenary/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { joinAs, screenshot } from '../fixtures/browser.ts';
import { withServerAndBrowser } from '../fixtures/spec.ts';

let server: TestServer;
let browser: Browser;
let context: BrowserContext | undefined;
withServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

/**
 * A page at a delegate's invitation whose getUserMedia calls are recorded (constraints asked, and
 * the device of each track given), or refused with `refuse` (a DOMException name) as a browser would.
 */
async function openInvitation(refuse?: string): Promise<Page> {
  const { invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript((refusal: string | null) => {
    const devices = navigator.mediaDevices;
    const record = window as unknown as {
      __captures: Array<{ asked: MediaStreamConstraints; got: string[] }>;
      __tracks: MediaStreamTrack[];
    };
    record.__captures = [];
    record.__tracks = [];
    const ask = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints) => {
      if (refusal) throw new DOMException('refused by the test', refusal);
      const stream = await ask(constraints);
      record.__tracks.push(...stream.getTracks());
      record.__captures.push({
        asked: constraints ?? {},
        got: stream.getTracks().map((track) => `${track.kind}:${track.getSettings().deviceId ?? ''}`),
      });
      return stream;
    };
  }, refuse ?? null);
  await context.addInitScript(() => {
    const connections: RTCPeerConnection[] = [];
    (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections = connections;
    const Native = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        connections.push(this);
      }
    };
  });
  const page = await context.newPage();
  await page.goto(inviteLink(server.url, invites.delegate));
  return page;
}

/** The level meter's fill (0 to 1) over `ms`, sampled every animation frame: the loudest seen. */
const loudestLevel = (page: Page, ms: number) =>
  page.evaluate(
    (duration) =>
      new Promise<number>((resolve) => {
        const bar = document.querySelector<HTMLElement>('.level-bar');
        let loudest = 0;
        const end = performance.now() + duration;
        const sample = () => {
          loudest = Math.max(loudest, Number(bar?.style.getPropertyValue('--level') || 0));
          if (performance.now() < end) requestAnimationFrame(sample);
          else resolve(loudest);
        };
        sample();
      }),
    ms,
  );

/** The device of the microphone track the page sends to the room (its audio RTP sender). */
const sentMicrophone = (page: Page) =>
  page.evaluate(() => {
    const connections = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    for (const connection of connections) {
      if (connection.connectionState === 'closed') continue;
      const sender = connection.getSenders().find((candidate) => candidate.track?.kind === 'audio');
      if (sender?.track) return sender.track.getSettings().deviceId ?? null;
    }
    return null;
  });

/** How many captured tracks are still live, by kind (a camera light stays on while one is). */
const liveTracks = (page: Page) =>
  page.evaluate(() => {
    const tracks = (window as unknown as { __tracks: MediaStreamTrack[] }).__tracks;
    const live = tracks.filter((track) => track.readyState === 'live');
    return {
      audio: live.filter((track) => track.kind === 'audio').length,
      video: live.filter((track) => track.kind === 'video').length,
    };
  });

describe('the device check', () => {
  it('previews the camera, moves the level meter, plays the test tone, and sends the chosen microphone, also when chosen in the room', async () => {
    const page = await openInvitation();
    const preview = page.locator('.device-preview video');
    await preview.waitFor();
    await eventually(async () => {
      expect(await preview.evaluate((video: HTMLVideoElement) => video.videoWidth)).toBeGreaterThan(0);
    }, 10_000);
    // The fake microphone beeps about once a second: the bar rises with each beep.
    await eventually(async () => expect(await loudestLevel(page, 1_500)).toBeGreaterThan(0.2), 10_000);

    await page.getByRole('button', { name: 'Play test sound' }).click();
    await page.getByText('Did you hear three rising notes?').waitFor({ timeout: 10_000 });

    // Chromium's fake microphones: the default and two more. Pick one that is not the default.
    const microphone = page.getByRole('combobox', { name: 'Microphone' });
    const options = await microphone
      .locator('option')
      .evaluateAll((all) =>
        all.map((option) => ({ value: (option as HTMLOptionElement).value, label: option.textContent ?? '' })),
      );
    const other = options.find((option) => option.value !== 'default' && !/default/i.test(option.label));
    expect(other, JSON.stringify(options)).toBeDefined();
    await microphone.selectOption(other?.value ?? '');
    await eventually(async () => expect(await microphone.inputValue()).toBe(other?.value));
    await screenshot(page, 'devices-join-check');

    await joinAs(page, 'Ana', 'Fiji Water');
    await page.getByRole('main', { name: 'Plenary' }).waitFor();
    // The check's own preview is gone with it; the room's capture asked for the chosen microphone.
    expect(await page.locator('.device-preview video').count()).toBe(0);
    await eventually(async () => {
      const captures = await page.evaluate(
        () => (window as unknown as { __captures: Array<{ asked: MediaStreamConstraints; got: string[] }> }).__captures,
      );
      const last = captures.at(-1);
      expect(last?.asked.audio).toMatchObject({ deviceId: { exact: other?.value } });
      expect(last?.got).toContain(`audio:${other?.value}`);
    }, 10_000);
    await page.getByRole('button', { name: 'Mute' }).waitFor();
    await eventually(async () => expect(await sentMicrophone(page)).toBe(other?.value), 10_000);

    // In the room: another microphone, chosen in the Devices dialog, is what the room hears from then on.
    await page.getByRole('button', { name: 'Devices' }).click();
    const inDialog = page.getByRole('dialog', { name: 'Your devices' });
    const third = options.find((option) => option.value !== other?.value && !/default/i.test(option.label));
    expect(third, JSON.stringify(options)).toBeDefined();
    await inDialog.getByRole('combobox', { name: 'Microphone' }).selectOption(third?.value ?? '');
    await inDialog.getByRole('button', { name: 'Done' }).click();
    await eventually(async () => expect(await sentMicrophone(page)).toBe(third?.value), 10_000);
    // The dialog's preview let go of its camera and microphone: only what is sent is still live.
    await eventually(async () => expect(await liveTracks(page)).toEqual({ audio: 1, video: 1 }), 10_000);
    // Still one microphone and one camera sent: nothing left behind by the switch.
    expect(server.app.pool.counter.snapshot()).toMatchObject({ producers: 2 });
  });

  it('says access is blocked and how to allow it, and joining still works without devices', async () => {
    const page = await openInvitation('NotAllowedError');
    const alert = page.locator('.device-problems');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Access to your camera and microphone is blocked for this site.');
    expect(await alert.textContent()).toContain('To allow it: click the icon at the left of the address bar');
    expect(await alert.textContent()).toContain('You can still take part without them');
    await screenshot(page, 'devices-join-blocked');

    await joinAs(page, 'Ben', 'Samoa Coast Guard');
    await page.getByRole('main', { name: 'Plenary' }).waitFor();
    // In the room without a camera or microphone: the buttons offer to start them.
    await page.getByRole('button', { name: 'Start camera' }).waitFor();
    await page.getByRole('button', { name: 'Unmute' }).waitFor();
  });

  it('says when no camera or microphone is found', async () => {
    const page = await openInvitation('NotFoundError');
    await page.getByText('No camera or microphone was found.').waitFor();
    expect(await page.locator('.device-preview video').count()).toBe(0);
    expect(await page.locator('.device-problems').textContent()).not.toContain('To allow it');
    await page.getByRole('button', { name: 'Try again' }).waitFor();
  });
});
