import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FileStore } from './fileStore.ts';
import { safeFileName, sniffType } from './fileTypes.ts';

const office = (folder: string) =>
  zipSync({ '[Content_Types].xml': strToU8('<Types/>'), [`${folder}/document.xml`]: strToU8('<x/>') });
const pdf = strToU8('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

describe('sniffType', () => {
  it('recognises documents by their bytes', () => {
    expect(sniffType(pdf)).toBe('pdf');
    expect(sniffType(office('word'))).toBe('docx');
    expect(sniffType(office('ppt'))).toBe('pptx');
    expect(sniffType(office('xl'))).toBe('xlsx');
    expect(sniffType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffType(strToU8('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
  });

  it('refuses what only looks like one: scripts, plain ZIPs, executables, truncated archives', () => {
    expect(sniffType(strToU8('<script>alert(1)</script>'))).toBeNull();
    expect(sniffType(zipSync({ 'readme.txt': strToU8('hi') }))).toBeNull();
    expect(sniffType(new Uint8Array([0x4d, 0x5a, 0x90, 0x00]))).toBeNull();
    expect(sniffType(office('word').slice(0, 30))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
  });
});

describe('safeFileName', () => {
  it('keeps the last path segment, drops tricks, and takes the extension from the real type', () => {
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\\\decks\\\\Day 1.pptx', 'pptx')).toBe('Day 1.pptx');
    expect(safeFileName('report.pdf.exe', 'pdf')).toBe('report.pdf.pdf');
    expect(safeFileName('.hidden', 'png')).toBe('hidden.png');
    expect(safeFileName('evil\u202Egpj.exe', 'jpeg')).toBe('evilgpj.jpg');
    expect(safeFileName('', 'docx')).toBe('document.docx');
  });
});

describe('FileStore', () => {
  const open = (maxBytes = 1_000_000) => {
    const root = mkdtempSync(join(tmpdir(), 'plenary-files-'));
    return { root, store: new FileStore(root, maxBytes) };
  };
  const leftovers = (root: string) => readdirSync(join(root, 'files', 'incoming'));

  it('stores a document once per content, by hash', async () => {
    const { root, store } = open();
    const first = await store.receive(Readable.from([pdf]), 'deck.pdf');
    const again = await store.receive(Readable.from([pdf.slice(0, 10), pdf.slice(10)]), 'copy.pdf');
    expect(first).toMatchObject({ type: 'pdf', mime: 'application/pdf', size: pdf.length, name: 'deck.pdf' });
    expect(again.sha256).toBe(first.sha256);
    expect([first.created, again.created]).toEqual([true, false]);
    await store.discard(again);
    expect(store.has(first.sha256)).toBe(true);
    expect(store.has(first.sha256)).toBe(true);
    expect(readdirSync(join(root, 'files')).filter((name) => name !== 'incoming')).toEqual([first.sha256]);
    expect(leftovers(root)).toEqual([]);
  });

  it('leaves nothing behind for a file too large, of the wrong real type, empty, or cut off', async () => {
    const { root, store } = open(100);
    await expect(store.receive(Readable.from([new Uint8Array(150).fill(0x25)]), 'big.pdf')).rejects.toMatchObject({
      status: 413,
    });
    await expect(store.receive(Readable.from([strToU8('MZ not a pdf')]), 'fake.pdf')).rejects.toMatchObject({
      status: 415,
    });
    await expect(store.receive(Readable.from([]), 'empty.pdf')).rejects.toMatchObject({ status: 400 });
    const broken = new Readable({ read() {} });
    const pending = store.receive(broken, 'cut.pdf');
    broken.push(pdf.slice(0, 8));
    broken.destroy(new Error('connection reset'));
    await expect(pending).rejects.toThrow('connection reset');
    expect(leftovers(root)).toEqual([]);
    expect(readdirSync(join(root, 'files'))).toEqual(['incoming']);
  });

  it('refuses paths that are not content hashes', () => {
    const { store } = open();
    expect(() => store.path('../../etc/passwd')).toThrow();
  });
});
