// Issue 10's acceptance: a facilitator adds a deck to the library, presents it and hands it to a
// delegate; the delegate turns the pages and everyone who follows sees them; someone browsing on
// their own stays where they are until they follow again.
import { readFileSync } from 'node:fs';
import { createWorkshop, type TestServer } from '@plenary/server/testing';
import { inviteLink } from '@plenary/shared';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { joinAs, openParticipantPage, screenshot } from '../fixtures/browser.ts';
import { makePdf } from '../fixtures/pdf.ts';
import { withServerAndBrowser } from '../fixtures/spec.ts';
import { openTab } from '../fixtures/workshop.ts';

let server: TestServer;
let browser: Browser;
withServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

const DECK = makePdf([
  { rgb: [0.9, 0.2, 0.2], box: [20, 20, 120, 80] },
  { rgb: [0.2, 0.7, 0.3], box: [120, 100, 200, 150] },
  { rgb: [0.2, 0.3, 0.9], box: [40, 40, 320, 220] },
]);

const deckPage = (page: Page) => page.getByRole('region', { name: 'Presentation' }).locator('.deck-page');
const canvas = (page: Page) => page.locator('canvas.deck-canvas');
/** The colour painted at the middle of the slide: white on page 1, green on page 2, blue on page 3. */
const centreColour = (page: Page) =>
  canvas(page).evaluate((element: HTMLCanvasElement) => {
    const [r = 0, g = 0, b = 0] =
      element.getContext('2d')?.getImageData(Math.floor(element.width / 2), Math.floor(element.height / 2), 1, 1)
        .data ?? [];
    if (r > 200 && g > 200 && b > 200) return 'white';
    if (g > r && g > b) return 'green';
    if (b > r && b > g) return 'blue';
    return `rgb(${r},${g},${b})`;
  });
const PAGE_COLOUR = ['white', 'green', 'blue'];

/** Waits until the page says it shows `number` of 3, has painted it, and the canvas shows that slide. */
async function showsPage(page: Page, number: number): Promise<void> {
  await expect.poll(() => deckPage(page).textContent()).toContain(`Page ${number} of 3`);
  await expect.poll(() => canvas(page).getAttribute('data-painted-page')).toBe(String(number));
  await expect.poll(() => centreColour(page)).toBe(PAGE_COLOUR[number - 1]);
}

describe('presenting a deck from the library', () => {
  const errors: string[] = [];

  it('is turned by the presenter and followed by the others, unless they browse', async () => {
    const { invites } = await createWorkshop(server.url, { title: 'Deck workshop', settings: { lobbyEnabled: false } });
    const fay = await openParticipantPage(browser, inviteLink(server.url, invites.facilitator));
    fay.on('pageerror', (error) => errors.push(`Fay: ${error.message}`));
    await joinAs(fay, 'Fay', 'Secretariat', 'Fiji');
    await fay.getByRole('main', { name: 'Plenary' }).waitFor();
    const dan = await openParticipantPage(browser, inviteLink(server.url, invites.delegate));
    dan.on('pageerror', (error) => errors.push(`Dan: ${error.message}`));
    await joinAs(dan, 'Dan', 'Ministry of Energy', 'Tonga');
    await dan.getByRole('main', { name: 'Plenary' }).waitFor();

    try {
      // A delegate reads the library but does not add to it.
      await openTab(dan, 'Library');
      await dan.getByRole('heading', { name: 'Library' }).waitFor();
      expect(await dan.getByLabel('Add document').count()).toBe(0);

      await openTab(fay, 'Library');
      await fay
        .getByLabel('Add document')
        .setInputFiles({ name: 'deck.pdf', mimeType: 'application/pdf', buffer: DECK });
      await fay.getByText('Added deck.pdf.').waitFor();
      await dan.getByRole('listitem', { name: 'deck.pdf' }).waitFor();
      await screenshot(fay, 'presentation-1-library');

      // Fay presents it herself, then hands it to Dan.
      await fay.getByRole('form', { name: 'Present a deck' }).getByRole('button', { name: 'Present' }).click();
      await showsPage(fay, 1);
      await showsPage(dan, 1);
      await fay.getByLabel('Hand over to').selectOption({ label: 'Dan' });
      await fay.getByRole('button', { name: 'Hand over' }).click();
      await dan.getByText('You are presenting').waitFor();
      await fay.getByText('presented by Dan').waitFor();

      // Dan turns the pages (a button, then the keyboard); Fay follows.
      await dan.getByRole('button', { name: 'Next' }).click();
      await showsPage(fay, 2);
      await dan.locator('body').click({ position: { x: 5, y: 5 } });
      await dan.keyboard.press('ArrowRight');
      await showsPage(dan, 3);
      await showsPage(fay, 3);
      await screenshot(dan, 'presentation-2-presenter');
      await screenshot(fay, 'presentation-3-follower');

      // Fay browses back to page 1 on her own; Dan stays on 3.
      await fay.getByRole('button', { name: 'Browse freely' }).click();
      await fay.getByRole('button', { name: 'Previous' }).click();
      await fay.getByRole('button', { name: 'Previous' }).click();
      await showsPage(fay, 1);
      await expect.poll(() => deckPage(fay).textContent()).toContain('presenter on page 3');
      await screenshot(fay, 'presentation-4-browsing');
      expect(await deckPage(dan).textContent()).toContain('Page 3 of 3');
      await showsPage(dan, 3);

      // Following again jumps to the presenter's page.
      await fay.getByRole('button', { name: 'Follow presenter' }).click();
      await showsPage(fay, 3);

      // Fay takes the deck back.
      await fay.getByRole('button', { name: 'Take back' }).click();
      await fay.getByText('You are presenting').waitFor();
      await dan.getByText('presented by Fay').waitFor();

      // The download gives the very bytes uploaded.
      const [download] = await Promise.all([
        dan.waitForEvent('download'),
        dan.getByRole('button', { name: 'Download deck.pdf' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('deck.pdf');
      expect(readFileSync(await download.path()).equals(DECK)).toBe(true);

      // Stopping gives the stage back to the people.
      await fay.getByRole('button', { name: 'Stop presenting' }).click();
      await dan.getByRole('region', { name: 'Presentation' }).waitFor({ state: 'detached' });
      await screenshot(dan, 'presentation-5-stopped');
    } catch (error) {
      await screenshot(fay, 'presentation-failed-facilitator');
      await screenshot(dan, 'presentation-failed-delegate');
      console.error(errors);
      throw error;
    }
    expect(errors).toEqual([]);
  });

  it('lets a facilitator start the next edition and compare the editions', async () => {
    const { invites } = await createWorkshop(server.url, { title: 'Energy forum', settings: { lobbyEnabled: false } });
    const fay = await openParticipantPage(browser, inviteLink(server.url, invites.facilitator));
    await joinAs(fay, 'Fay', 'Secretariat', 'Fiji');
    await fay.getByRole('main', { name: 'Plenary' }).waitFor();
    await openTab(fay, 'Editions');
    await fay.getByLabel('Title').fill('Energy forum 2027');
    await fay.getByLabel('First day').fill('2027-05-03');
    await fay.getByRole('button', { name: 'Start the next edition' }).click();
    const link = fay.getByRole('link', { name: 'open it' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/w\//);
    // The new edition's token is kept on this device, like a join's.
    const newId = decodeURIComponent(href?.slice(3) ?? '');
    expect(await fay.evaluate((id) => localStorage.getItem(`plenary.participant.${id}`), newId)).toBeTruthy();

    await fay.getByRole('button', { name: /Show all editions|Refresh/ }).click();
    const table = fay.locator('table.series-table');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    expect(await table.textContent()).toContain('Energy forum 2027');
    // Both editions' tokens are on this device: both offer their reports.
    await expect.poll(() => fay.getByRole('button', { name: /^Word report of edition/ }).count()).toBe(2);
    await screenshot(fay, 'presentation-6-editions');
  });
});
