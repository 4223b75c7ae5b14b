/** One row of a CSV file, with the line it starts on (1-based) for error messages. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

const DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

/**
 * The delimiter used in the header line: spreadsheets in many European locales write `;`.
 * Counts only characters outside quotes; a comma wins ties.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>();
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(char)) {
      const d = char as CsvDelimiter;
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
  }
  let best: CsvDelimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * RFC 4180 parsing: quoted fields may hold delimiters, newlines and doubled quotes (`""`); lines
 * end in CRLF, LF or CR; a UTF-8 byte order mark is dropped; blank lines (nothing but whitespace
 * and delimiters) are skipped. A quote that is opened and never closed, or text right after a
 * closing quote, is an error.
 */
export function parseCsv(
  input: string,
  delimiter: CsvDelimiter = detectDelimiter(input.replace(/^\uFEFF/, '')),
): CsvParse {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;

  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };

  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"' && field.trim() === '') {
      // A quoted field: read to the closing quote.
      const openedOn = line;
      field = '';
      i++;
      for (;;) {
        if (i >= text.length) return { ok: false, line: openedOn, message: 'a quoted field is never closed' };
        const c = text[i] as string;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      // Only spaces may follow the closing quote before the delimiter or the line end.
      while (text[i] === ' ') i++;
      const after = text[i];
      if (after !== undefined && after !== delimiter && after !== '\n' && after !== '\r') {
        return { ok: false, line, message: 'unexpected text after a closing quote' };
      }
      continue;
    }
    if (char === delimiter) {
      fields.push(field);
      field = '';
      i++;
    } else if (char === '\n' || char === '\r') {
      endRecord();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += char;
      i++;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}
