import { describe, expect, it } from 'vitest';
import { findUntranslatedText } from './untranslatedText.ts';

describe('findUntranslatedText', () => {
  it('finds words written into JSX text, string children and read attributes', () => {
    const source = `export const A = () => (
      <div title="Close">
        Hello
        {'there'}
        <input placeholder={"Your name"} aria-label="Name" />
      </div>
    );`;
    expect(findUntranslatedText('a.tsx', source).map((found) => found.text)).toEqual([
      'Close',
      'Hello',
      'there',
      'Your name',
      'Name',
    ]);
  });

  it('lets translated text, symbols and numbers through', () => {
    const source = `export const A = ({ t }) => (
      <p title={t('close')} className="not-read">
        {t('hello')} · 3 × 4 — {"…"} ({count})
      </p>
    );`;
    expect(findUntranslatedText('a.tsx', source)).toEqual([]);
  });
});
