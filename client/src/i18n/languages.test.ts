import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../lib/storage.ts';
import { formattingLocale, pickUiLanguage, rememberUiLanguage, uiLanguageOf } from './languages.ts';

describe('the interface language', () => {
  it('maps regional and script tags to the language we have', () => {
    expect(uiLanguageOf('zh-Hant-TW')).toBe('zh');
    expect(uiLanguageOf('en-AU')).toBe('en');
    expect(uiLanguageOf('fr')).toBeUndefined();
  });

  it('takes the first of the browser languages we translate into, else English', () => {
    expect(pickUiLanguage(memoryStorage(), ['fr-FR', 'zh-CN', 'en'])).toBe('zh');
    expect(pickUiLanguage(memoryStorage(), ['fr', 'de'])).toBe('en');
    expect(pickUiLanguage(memoryStorage(), [])).toBe('en');
  });

  it('keeps the choice made on this device over the browser', () => {
    const storage = memoryStorage();
    rememberUiLanguage(storage, 'zh');
    expect(pickUiLanguage(storage, ['en-US'])).toBe('zh');
    storage.setItem('plenary.uiLanguage', 'klingon');
    expect(pickUiLanguage(storage, ['en-US'])).toBe('en');
  });

  it("formats dates in the browser's regional variant of the interface language, in its script", () => {
    expect(formattingLocale('en', ['en-GB', 'en-US'])).toBe('en-GB');
    expect(formattingLocale('en', ['zh-CN'])).toBe('en');
    expect(formattingLocale('zh', ['en-GB', 'zh-SG'])).toBe('zh-SG');
    expect(formattingLocale('zh', ['zh-TW', 'zh-Hant'])).toBe('zh');
    expect(formattingLocale('zh', ['not a tag'])).toBe('zh');
  });
});
