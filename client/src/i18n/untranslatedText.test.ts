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

/** Every component's source, read by Vite at test time (tests excluded). */
const components = import.meta.glob<string>(['../**/*.tsx', '!../**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('the client', () => {
  it('renders no words that skip translation', () => {
    const untranslated = Object.entries(components).flatMap(([path, source]) =>
      findUntranslatedText(path, source).map((found) => `${path}:${found.line} ${JSON.stringify(found.text)}`),
    );
    expect(Object.keys(components).length).toBeGreaterThan(50);
    expect(untranslated).toEqual([]);
  });
});
