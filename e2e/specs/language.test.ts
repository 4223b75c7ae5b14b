// The interface in English and Chinese: a browser in Chinese gets Chinese, a person can switch at
// any time without a reload and keeps the choice, and the pages fit a narrow window.
import { createWorkshop, type TestServer } from '@plenary/server/testing';
import { inviteLink } from '@plenary/shared';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { joinAs, screenshot } from '../fixtures/browser.ts';
import { withServerAndBrowser } from '../fixtures/spec.ts';

let server: TestServer;
let browser: Browser;
withServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

/** A page in a browser set to `locale`, `width` pixels wide. */
async function openPage(url: string, locale: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** How far the page reaches past the right edge of the window (0: nothing to scroll sideways). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the interface language', () => {
  it('follows the browser, switches without a reload, and keeps the choice on this device', async () => {
    const page = await openPage(`${server.url}/`, 'en-US');
    await page.getByRole('heading', { name: 'Start a workshop' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await page.getByRole('heading', { name: '创建研讨会' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh');
    // Typed text survives the switch: the page was not reloaded.
    await page.getByLabel('研讨会名称').fill('区域培训');
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    expect(await page.getByLabel('Workshop title').inputValue()).toBe('区域培训');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await page.reload();
    await page.getByRole('heading', { name: '创建研讨会' }).waitFor();
  });

  it('runs a workshop in Chinese beside one in English, notices included', async () => {
    const { invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
    const chair = await openPage(inviteLink(server.url, invites.facilitator), 'en-US');
    const ana = await openPage(inviteLink(server.url, invites.delegate), 'zh-CN');
    await joinAs(chair, 'Fay');
    await ana.getByText('您受邀以代表身份参加').waitFor();
    await ana.getByLabel('您的姓名').fill('Ana');
    await ana.getByLabel('所属机构').fill('卫生部');
    await ana.getByLabel('国家/地区').fill('萨摩亚');
    await ana.getByRole('button', { name: '加入', exact: true }).click();
    await ana.getByRole('main', { name: '全体会议' }).waitFor();
    await chair.getByRole('main', { name: 'Plenary' }).waitFor();

    // The chair's words reach Ana in her language.
    await chair.getByRole('tab', { name: /People/u }).click();
    await chair.getByRole('button', { name: 'Mute Ana' }).click();
    await ana.getByRole('alert').filter({ hasText: 'Fay已将您的麦克风静音。' }).waitFor();
    await ana.getByRole('button', { name: '取消静音' }).waitFor();
    await ana.getByRole('tab', { name: /^发言/u }).click();
    await ana.getByRole('button', { name: '举手' }).click();
    await ana.getByText('您已举手：您在发言队列中排第 1 位。').waitFor();
    await screenshot(ana, 'language-stage-zh');
  });

  it('fits a narrow window: nothing reaches past its right edge', async () => {
    const { invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
    const start = await openPage(`${server.url}/`, 'zh-CN', 380);
    await start.getByRole('heading', { name: '创建研讨会' }).waitFor();
    expect(await sidewaysOverflow(start)).toBe(0);

    const page = await openPage(inviteLink(server.url, invites.facilitator), 'zh-CN', 380);
    await page.getByLabel('您的姓名').waitFor();
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.getByLabel('您的姓名').fill('王芳');
    await page.getByLabel('所属机构').fill('生态环境部');
    await page.getByLabel('国家/地区').fill('中国');
    await page.getByRole('button', { name: '加入', exact: true }).click();
    await page.getByRole('main', { name: '全体会议' }).waitFor();
    for (const tab of ['人员', '议程', '发言', '分组讨论', '决定', '资料库', '邀请', '届次']) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`, 'u') }).click();
      await page.getByRole('tabpanel').waitFor();
      expect(await sidewaysOverflow(page), tab).toBe(0);
    }
    await screenshot(page, 'language-narrow-zh');
  });
});
