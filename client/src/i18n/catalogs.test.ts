import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from './languages.ts';

const files = import.meta.glob<unknown>('./locales/*/*.json', { import: 'default', eager: true });
const [reference, ...translations] = UI_LANGUAGES;

type Catalog = Record<string, string>;

/** `{a: {b: 'x'}}` → `{'a.b': 'x'}`: keys as the code names them. */
function flatten(value: unknown, prefix = ''): Catalog {
  if (typeof value === 'string') return { [prefix]: value };
  if (typeof value !== 'object' || value === null) throw new Error(`${prefix}: not text`);
  return Object.assign(
    {},
    ...Object.entries(value).map(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key)),
  );
}

const catalog = (language: string, namespace: string): Catalog =>
  flatten(files[`./locales/${language}/${namespace}.json`]);

const namespacesOf = (language: string): string[] =>
  Object.keys(files)
    .flatMap((path) => path.match(new RegExp(`^\\./locales/${language}/(.+)\\.json$`))?.[1] ?? [])
    .sort();

const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;

/**
 * The keys a language should have: the reference's, except that each plural (`people_one`,
 * `people_other`) comes in the forms that language's grammar has (English: one and other;
 * Chinese: other only), as i18next picks them with `Intl.PluralRules`.
 */
function expectedKeys(referenceKeys: readonly string[], language: string): string[] {
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const plain = referenceKeys.filter((key) => !PLURAL.test(key));
  const plurals = new Set(referenceKeys.flatMap((key) => PLURAL.exec(key)?.[1] ?? []));
  return [...plain, ...[...plurals].flatMap((base) => forms.map((form) => `${base}_${form}`))].sort();
}

/** The reference text a translated key is checked against: a plural form against the reference's `_other`. */
const referenceOf = (source: Catalog, key: string): string =>
  source[key] ?? source[`${PLURAL.exec(key)?.[1]}_other`] ?? '';

/** `{{count}}` and `<1>` are filled in by code: a translation must keep every one of them. */
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|<\/?(\d+)>/g)].map((m) => m[0]).sort();

describe('translation catalogs', () => {
  const namespaces = namespacesOf(reference);

  it.each(translations)('%s has the same namespaces as the reference language', (language) => {
    expect(namespacesOf(language)).toEqual(namespaces);
  });

  it.each(namespaces)('%s: the reference has each plural in the forms its language needs', (namespace) => {
    const keys = Object.keys(catalog(reference, namespace)).sort();
    expect(keys).toEqual(expectedKeys(keys, reference));
  });

  describe.each(translations)('%s', (language) => {
    it.each(namespaces)('%s: every key translated, none extra, none empty, placeholders kept', (namespace) => {
      const source = catalog(reference, namespace);
      const translated = catalog(language, namespace);
      expect(Object.keys(translated).sort()).toEqual(expectedKeys(Object.keys(source), language));
      for (const [key, text] of Object.entries(translated)) {
        expect(text.trim(), `${namespace}:${key}`).not.toBe('');
        expect(placeholders(text), `${namespace}:${key}`).toEqual(placeholders(referenceOf(source, key)));
      }
    });
  });
});
