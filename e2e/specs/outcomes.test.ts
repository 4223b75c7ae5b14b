// Issue 7's acceptance, "never lose a word": a group's rapporteur writes notes and outcomes in a
// breakout room; the facilitator follows them live from the plenary, accepts the outcomes, and the
// Word report carries both.
import { createWorkshop, type TestServer } from '@plenary/server/testing';
import { inviteLink } from '@plenary/shared';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { joinAs, openParticipantPage, screenshot } from '../fixtures/browser.ts';
import { withServerAndBrowser } from '../fixtures/spec.ts';
import { docxText, openTab } from '../fixtures/workshop.ts';

let server: TestServer;
let browser: Browser;
withServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

const NOTES_HEADING = 'Challenges we heard';
const NOTES_LINE = 'Rural schemes lack funding for maintenance';
const OFFLINE_LINE = 'Typed while the connection was down';
const OUTCOMES = {
  challenge: 'Ageing pipes in island networks',
  solution: 'A shared regional maintenance fund',
  trend: 'Longer droughts every year',
  proposal: 'Create a regional water data hub',
};
const SECTION_OF: Record<keyof typeof OUTCOMES, string> = {
  challenge: 'Challenges',
  solution: 'Possible solutions',
  trend: 'Future trends',
  proposal: 'Proposals',
};

/** The facilitator creates one group, puts the rapporteur in it as its rapporteur, and opens it. */
async function prepareGroup(fay: Page): Promise<void> {
  await openTab(fay, 'Breakouts');
  await fay.getByLabel('Set name').fill('Water groups');
  await fay.getByLabel('Number of rooms').fill('1');
  await fay.getByRole('button', { name: 'Create set' }).click();
  await fay.getByRole('button', { name: 'Random' }).click();
  await expect
    .poll(() => fay.getByRole('region', { name: 'Breakout set Water groups' }).textContent())
    .toContain('Ana');

  await openTab(fay, 'Groups');
  const picker = fay.getByLabel('Rapporteur of Room 1');
  await expect.poll(() => picker.locator('option', { hasText: 'Ana' }).count()).toBe(1);
  await picker.selectOption({ label: 'Ana' });
  await expect.poll(() => picker.inputValue()).not.toBe('');
  await screenshot(fay, 'outcomes-1-facilitator-groups-before');

  await openTab(fay, 'Breakouts');
  await fay.getByRole('button', { name: 'Open rooms' }).click();
}

/** The rapporteur's notes: a heading, a bullet, then a line typed offline that must survive. */
async function writeNotes(ana: Page): Promise<void> {
  await openTab(ana, 'Notes');
  const editor = ana.getByRole('textbox', { name: 'Notes of Room 1' });
  await editor.click();
  await ana.getByRole('button', { name: 'Heading' }).click();
  await ana.keyboard.type(NOTES_HEADING);
  await ana.keyboard.press('Enter');
  await ana.getByRole('button', { name: 'Bullet list' }).click();
  await ana.keyboard.type(NOTES_LINE);
  await ana.getByText('Saved', { exact: true }).waitFor();
  await screenshot(ana, 'outcomes-2-rapporteur-notes');

  // The connection drops mid-sentence: the words stay, are called kept, and go out once it's back.
  await ana.context().setOffline(true);
  await ana
    .getByText(/Offline|Reconnecting/)
    .first()
    .waitFor({ timeout: 30_000 });
  await ana.keyboard.press('Enter');
  await ana.keyboard.type(OFFLINE_LINE);
  await ana.getByText(/changes kept/).waitFor();
  await screenshot(ana, 'outcomes-3-rapporteur-offline');
  await ana.context().setOffline(false);
  await ana.getByText('Saved', { exact: true }).waitFor({ timeout: 30_000 });
}

async function fillOutcomes(ana: Page): Promise<void> {
  await openTab(ana, 'Outcomes');
  for (const [noun, text] of Object.entries(OUTCOMES) as [keyof typeof OUTCOMES, string][]) {
    const field = ana.getByLabel(`New ${noun}`);
    await field.fill(text);
    await field.press('Enter');
    const item = ana.getByRole('textbox', { name: `${SECTION_OF[noun]}, item 1` });
    await expect.poll(() => item.inputValue()).toBe(text);
  }
  await ana.getByRole('button', { name: 'Submit outcomes' }).click();
  await ana.getByText('Submitted (version 1)').waitFor();
  await screenshot(ana, 'outcomes-4-rapporteur-submitted');
}

describe('a group’s notes and outcomes, from the breakout room to the report', () => {
  let fay: Page;
  let ana: Page;
  /** Uncaught errors in either page: there should be none. */
  const errors: string[] = [];

  it('reach the facilitator live and end up in the Word report', async () => {
    const { invites } = await createWorkshop(server.url, {
      title: 'Pacific water workshop',
      settings: { lobbyEnabled: false },
    });
    fay = await openParticipantPage(browser, inviteLink(server.url, invites.facilitator));
    fay.on('pageerror', (error) => errors.push(`Fay: ${error.message}`));
    await joinAs(fay, 'Fay', 'Secretariat', 'Fiji');
    await fay.getByRole('main', { name: 'Plenary' }).waitFor();
    ana = await openParticipantPage(browser, inviteLink(server.url, invites.rapporteur));
    ana.on('pageerror', (error) => errors.push(`Ana: ${error.message}`));
    await joinAs(ana, 'Ana', 'Ministry of Water', 'Samoa');
    await ana.getByRole('main', { name: 'Plenary' }).waitFor();

    try {
      await prepareGroup(fay);
      await ana.getByRole('main', { name: 'Breakout: Room 1' }).waitFor();
      await writeNotes(ana);
      await fillOutcomes(ana);
    } catch (error) {
      // What each screen showed when it went wrong.
      await screenshot(fay, 'outcomes-failed-facilitator');
      await screenshot(ana, 'outcomes-failed-rapporteur');
      throw error;
    }

    // The facilitator, still in the plenary, follows the group.
    await fay.getByRole('main', { name: 'Plenary' }).waitFor();
    await openTab(fay, 'Groups');
    const group = fay.getByRole('listitem', { name: 'Room 1' });
    await group.getByText('Submitted (version 1)').waitFor();
    await group.getByRole('button', { name: 'Read the notes of Room 1' }).click();
    const notes = fay.getByRole('textbox', { name: 'Notes of Room 1' });
    await expect.poll(() => notes.textContent()).toContain(NOTES_LINE);
    expect(await notes.textContent()).toContain(OFFLINE_LINE);
    // …live: what Ana types now appears on Fay's screen.
    await ana.getByRole('tab', { name: /^Notes/ }).click();
    await ana.getByRole('textbox', { name: 'Notes of Room 1' }).press('Control+End');
    await ana.keyboard.type(' and more');
    await expect.poll(() => notes.textContent()).toContain('and more');
    for (const text of Object.values(OUTCOMES)) await group.getByText(text).first().waitFor();
    await screenshot(fay, 'outcomes-5-facilitator-follows-group');

    await group.getByRole('button', { name: 'Accept version 1' }).click();
    await group.getByText('Accepted (version 1)').first().waitFor();
    await group.getByRole('button', { name: `Put to plenary: ${OUTCOMES.proposal}` }).click();
    await openTab(fay, 'Decisions');
    await fay.getByText(OUTCOMES.proposal).first().waitFor();
    await fay.getByText('From Room 1').first().waitFor();
    await screenshot(fay, 'outcomes-6-facilitator-decisions');

    await openTab(fay, 'Report');
    const [download] = await Promise.all([
      fay.waitForEvent('download'),
      fay.getByRole('button', { name: 'Report (Word)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Pacific-water-workshop-report.docx');
    await fay.getByText('Downloaded Pacific-water-workshop-report.docx.').waitFor();
    await screenshot(fay, 'outcomes-7-facilitator-report');
    const text = await docxText(download);
    for (const expected of [NOTES_HEADING, NOTES_LINE, OFFLINE_LINE, 'and more', ...Object.values(OUTCOMES)]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('Room 1');
    expect(errors).toEqual([]);
  });

  it('runs the report-back, a consensus check and a poll in the plenary', async () => {
    // Continues where the first test left: the group has reported and its proposal is open.
    await openTab(fay, 'Breakouts');
    await fay.getByRole('button', { name: 'Close rooms now' }).click();
    await ana.getByRole('main', { name: 'Plenary' }).waitFor();

    await openTab(fay, 'Groups');
    await fay.getByRole('button', { name: 'Start report-back' }).click();
    for (const [page, speaker] of [
      [fay, 'Ana'],
      [ana, 'You have the floor'],
    ] as const) {
      const card = page.getByRole('region', { name: 'Report-back: Room 1' });
      await card.getByText(speaker).first().waitFor();
      await card.getByText(OUTCOMES.challenge).waitFor();
      await card.getByText(/left$/).waitFor();
    }
    await screenshot(ana, 'outcomes-8-delegate-report-back');
    await screenshot(fay, 'outcomes-9-facilitator-report-back');

    await openTab(ana, 'Decisions');
    await ana.getByRole('button', { name: 'Agree' }).click();
    await ana.getByText('You answered: Agree').waitFor();
    await fay.getByRole('button', { name: 'Finish report-back' }).click();
    await fay.getByRole('region', { name: 'Report-back: Room 1' }).waitFor({ state: 'detached' });

    await openTab(fay, 'Decisions');
    await fay.getByRole('button', { name: 'Close and show result' }).click();
    await ana.getByText('Consensus: no objection').waitFor();

    await fay.getByLabel('Question').fill('Meet again in March or May?');
    await fay.getByLabel('Options, one per line').fill('March\nMay');
    await fay.getByRole('button', { name: 'Prepare poll' }).click();
    await fay.getByRole('button', { name: 'Open poll' }).click();
    await ana.getByRole('radio', { name: 'May' }).check();
    await fay.getByText('Votes so far (1), seen by facilitators only').waitFor();
    await fay.getByRole('button', { name: 'Close poll and show results' }).click();
    await ana.getByText('Results (1 person)').waitFor();
    await screenshot(ana, 'outcomes-10-delegate-decisions');
    expect(errors).toEqual([]);
  });
});
