// The facilitator's console with two delegates, in real Chromium with fake media, once per interface
// language: the lobby, a raised hand given the floor with its timer on both screens, then a balanced
// breakout set arranged on the board, opened, broadcast to and recalled. Selectors never read the
// interface's words, so the Chinese run exercises exactly what the English one does.
import { createWorkshop, eventually, type TestServer } from '@plenary/server/testing';
import { inviteLink, type WorkshopId } from '@plenary/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  expectCountingDown,
  fillJoinForm,
  openInLanguage,
  openPanel,
  screen,
  stage,
  submitJoinForm,
} from '../fixtures/anyLanguage.ts';
import { withServerAndBrowser } from '../fixtures/spec.ts';

let server: TestServer;
let browser: Browser;
withServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

const PEOPLE = {
  en: {
    fay: { name: 'Fay', organisation: 'Secretariat', country: 'Fiji' },
    ana: { name: 'Ana', organisation: 'Fiji Water Authority', country: 'Fiji' },
    ben: { name: 'Ben', organisation: 'Samoa Ministry of Health', country: 'Samoa' },
    message: 'Five minutes left: agree on one proposal.',
  },
  zh: {
    fay: { name: '陈静', organisation: '秘书处', country: '斐济' },
    ana: { name: '王芳', organisation: '斐济水务局', country: '斐济' },
    ben: { name: '李明', organisation: '萨摩亚卫生部', country: '萨摩亚' },
    message: '还剩五分钟：请商定一项提案。',
  },
} as const;

describe.each(['en', 'zh'] as const)('the facilitator console (%s)', (language) => {
  const people = PEOPLE[language];
  let workshopId: WorkshopId;
  let fay: Page;
  let ana: Page;
  let ben: Page;
  const state = async () => {
    const workshop = await server.app.workshops.get(workshopId);
    if (!workshop) throw new Error('the workshop is gone');
    return workshop.state;
  };
  const idOf = async (name: string) => {
    const found = Object.values((await state()).participants).find((person) => person.name === name);
    if (!found) throw new Error(`${name} is not on the roster`);
    return found.id;
  };

  afterAll(async () => {
    for (const page of [fay, ana, ben]) await page?.context().close();
  });

  it('lets the facilitator in, keeps the delegates in the lobby, and admits them', async () => {
    const created = await createWorkshop(server.url, { title: 'Regional water workshop' });
    workshopId = created.workshopId as WorkshopId;
    const link = (role: 'facilitator' | 'delegate') => inviteLink(server.url, created.invites[role]);

    fay = await openInLanguage(browser, server.url, link('facilitator'), language);
    await fillJoinForm(fay, people.fay);
    await screen(fay, language, 'join');
    await submitJoinForm(fay);
    await stage(fay, 'plenary').waitFor();

    ana = await openInLanguage(browser, server.url, link('delegate'), language);
    ben = await openInLanguage(browser, server.url, link('delegate'), language);
    for (const [page, person] of [
      [ana, people.ana],
      [ben, people.ben],
    ] as const) {
      await fillJoinForm(page, person);
      await submitJoinForm(page);
      await page.locator('.lobby-wait').waitFor();
    }
    await screen(ana, language, 'lobby');

    // The admission list is loaded on demand, for chairs only.
    const waiting = fay.locator('.lobby-list');
    await expect.poll(() => waiting.locator('li').count()).toBe(2);
    await screen(fay, language, 'lobby-admission');
    await waiting.locator('.section-head button').click();
    await stage(ana, 'plenary').waitFor();
    await stage(ben, 'plenary').waitFor();
    expect(Object.values((await state()).participants).every((person) => person.admitted)).toBe(true);
    await fay.locator(`figure[data-participant-id="${await idOf(people.ben.name)}"] video`).waitFor();
    await fay.waitForTimeout(1_500);
    await screen(fay, language, 'stage');
  });

  it('gives the floor to a raised hand, with the turn timer counting on both screens', async () => {
    await openPanel(ana, 'speakers');
    await ana.locator('form.hand-controls button[type="submit"]').click();
    await ana.locator('.hand-controls.raised').waitFor();

    await openPanel(fay, 'speakers');
    const entry = fay.locator('li.queue-entry', { hasText: people.ana.name });
    await entry.waitFor();
    await entry.locator('button').first().click();

    const anaId = await idOf(people.ana.name);
    await eventually(async () => expect((await state()).queue.turn?.participantId).toBe(anaId));
    for (const page of [fay, ana]) {
      const speaker = page.locator('section.current-speaker');
      await expect.poll(() => speaker.locator('.speaker-name').textContent()).toContain(people.ana.name);
      await expectCountingDown(speaker.locator('.countdown'));
    }
    expect((await state()).queue.entries).toEqual([]);
    await screen(fay, language, 'queue');
    await screen(ana, language, 'queue-delegate');
  });

  it('forms a balanced set on the board, opens it, broadcasts to the rooms and recalls everyone', async () => {
    await openPanel(fay, 'breakouts');
    const create = fay.locator('form[aria-labelledby="create-set-title"]');
    await create.locator('input:not([type])').fill(language === 'zh' ? '水资源分组' : 'Water groups');
    await create.locator('input[type="number"]').fill('2');
    await create.locator('button[type="submit"]').click();
    const card = fay.locator('section.set-card');
    await card.waitFor();

    // The board: balanced fills both rooms, one organisation each; a keyboard drag moves Ben live.
    await card.locator('[data-testid="open-board"]').click();
    const board = fay.locator('[data-testid="board-dialog"]');
    await board.locator('[data-testid="assignment-board"]').waitFor();
    await board.locator('[data-testid="assign-balanced"]').click();
    const unassigned = board.locator('[data-testid="board-column"][data-column-id="unassigned"]');
    await expect.poll(() => unassigned.locator('[data-testid="board-chip"]').count()).toBe(0);
    const [setBefore] = (await state()).breakouts.sets;
    expect(setBefore?.mode).toBe('balanced');
    expect(new Set(Object.values(setBefore?.assignments ?? {})).size).toBe(2);
    await screen(fay, language, 'breakout-board');

    await moveWithKeyboard(fay, people.ben.name);
    const [anaId, benId] = [await idOf(people.ana.name), await idOf(people.ben.name)];
    await eventually(async () => {
      const [set] = (await state()).breakouts.sets;
      expect(set?.assignments[benId]).toBeDefined();
      expect(set?.assignments[benId]).not.toBe(setBefore?.assignments[benId]);
    });
    await board.locator('[data-testid="assign-balanced"]').click();
    await eventually(async () => {
      const [set] = (await state()).breakouts.sets;
      expect(set?.assignments[anaId]).not.toBe(set?.assignments[benId]);
    });

    // The CSV import checks a file before anything changes.
    await board.locator('[data-testid="board-import-csv"]').click();
    const csv = board.locator('[data-testid="csv-import"]');
    const firstRoom = (await state()).breakouts.sets[0]?.rooms[0]?.name;
    await csv
      .locator('textarea')
      .fill(`name,room\n${people.ana.name},${firstRoom}\nNobody,${firstRoom}\n${people.ben.name},Room 99\n`);
    await expect.poll(() => csv.locator('[data-testid="csv-error-row"]').count()).toBe(2);
    await expect.poll(() => csv.locator('[data-testid="csv-import-submit"]').isDisabled()).toBe(true);
    await screen(fay, language, 'csv-import');
    await board.locator('[data-testid="close-board"]').click();
    await board.waitFor({ state: 'detached' });

    // Open: each delegate lands in their own room and sees its name and the time left.
    await card.locator('form button.primary[type="submit"]').click();
    const set = (await state()).breakouts.sets[0];
    if (!set) throw new Error('no breakout set');
    const roomOf = (id: string) => set.rooms.find((room) => room.id === set.assignments[id as never])?.name ?? '';
    for (const [page, id] of [
      [ana, anaId],
      [ben, benId],
    ] as const) {
      await stage(page, 'breakout').waitFor();
      await expect.poll(() => page.locator('.stage-header .place').textContent()).toContain(roomOf(id));
      await expectCountingDown(page.locator('.stage-status .chip .mono'));
      await openPanel(page, 'breakouts');
      await expect.poll(() => page.locator('.my-breakout h2').first().textContent()).toBe(roomOf(id));
    }
    await fay.locator('.open-breakout').waitFor();
    await screen(fay, language, 'breakout-open');

    // Broadcast: every room hears it.
    await fay.locator('.open-breakout form textarea').fill(people.message);
    await fay.locator('.open-breakout form:has(textarea) button[type="submit"]').click();
    for (const page of [ana, ben]) {
      await page.locator('.broadcasts li', { hasText: people.message }).waitFor();
    }
    await screen(ana, language, 'breakout-delegate');

    await openPanel(ana, 'notes');
    const notes = ana.locator('[contenteditable="true"]').first();
    await notes.click();
    await ana.keyboard.type(language === 'zh' ? '维护资金不足' : 'Maintenance funding is short');
    await screen(ana, language, 'notes');
    const outcomesTab = ana.locator('[role="tab"][data-tab="outcomes"]');
    if ((await outcomesTab.count()) > 0) {
      await openPanel(ana, 'outcomes');
      await screen(ana, language, 'outcomes');
    }
    await openPanel(ana, 'breakouts');

    // Recall: a short grace (the facilitators' setting; no control for it yet), the countdown seen
    // in the rooms, and everyone back in the plenary when it ends.
    const workshop = await server.app.workshops.get(workshopId);
    await workshop?.execute({
      type: 'workshop.updateSettings',
      actor: await idOf(people.fay.name),
      recallGraceMs: 8_000,
    });
    await fay.locator('section[aria-labelledby="open-set-title"] .button-row button:not(.danger)').click();
    for (const page of [ana, ben]) {
      await page.locator('.stage-status [data-tone="warning"]').waitFor();
      const notice = page.locator('[data-testid="recall-notice"]');
      await notice.locator('[role="alert"]').waitFor();
      await expectCountingDown(notice.locator('.recall-countdown'));
    }
    expect((await state()).breakouts.open?.recallAt).toBeGreaterThan(Date.now());
    await screen(ana, language, 'recall-delegate');
    for (const page of [ana, ben, fay]) await stage(page, 'plenary').waitFor({ timeout: 20_000 });
    expect((await state()).breakouts.open).toBeNull();
  }, 180_000);

  it('shows the facilitator the report panel', async () => {
    await openPanel(fay, 'report');
    await fay.locator('.tab-panel button').first().waitFor();
    await screen(fay, language, 'report');
  });
});

/** Picks `name`'s chip up with the keyboard, moves it one group along, and drops it, as a person would. */
async function moveWithKeyboard(page: Page, name: string): Promise<void> {
  const chip = page.locator('[data-testid="board-chip"]', { hasText: name });
  const columnOfChip = () =>
    chip.evaluate((element) => element.closest('[data-column-id]')?.getAttribute('data-column-id'));
  const from = await columnOfChip();
  const rooms = await page
    .locator('[data-testid="board-column"]')
    .evaluateAll((columns) => columns.map((column) => column.getAttribute('data-column-id')));
  const to = from === rooms[0] ? rooms[1] : rooms[0];
  await chip.focus();
  await page.keyboard.press('Space');
  await page.locator('[data-testid="board-chip"][data-dragging]').waitFor();
  await page.keyboard.press(from === rooms[0] ? 'ArrowRight' : 'ArrowLeft');
  await page.locator(`[data-testid="board-column"][data-column-id="${to}"][data-over]`).waitFor();
  await page.keyboard.press('Space');
  await expect.poll(columnOfChip).toBe(to);
}
