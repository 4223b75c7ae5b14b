import { describe, expect, it } from 'vitest';
import { downloadExport, fileNameFrom } from './download.ts';

describe('fileNameFrom', () => {
  it('reads plain, quoted and UTF-8 names, preferring the UTF-8 one', () => {
    expect(fileNameFrom('attachment; filename="Pacific-water-report.md"', 'x')).toBe('Pacific-water-report.md');
    expect(fileNameFrom('attachment; filename=report.docx', 'x')).toBe('report.docx');
    expect(
      fileNameFrom(
        `attachment; filename="Atelier-r?gional-report.md"; filename*=UTF-8''Atelier-r%C3%A9gional-report.md`,
        'x',
      ),
    ).toBe('Atelier-régional-report.md');
    expect(fileNameFrom(null, 'report.md')).toBe('report.md');
    expect(fileNameFrom('attachment', 'report.md')).toBe('report.md');
  });
});

describe('downloadExport', () => {
  it('sends the participant token and saves the file under the server’s name', async () => {
    const calls: Array<{ input: string; init: RequestInit }> = [];
    const saved: Array<{ size: number; name: string }> = [];
    const result = await downloadExport(
      { workshopId: 'w 1', file: 'report.docx', token: 'tok' },
      async (input, init) => {
        calls.push({ input, init });
        return new Response(new Uint8Array([80, 75, 3, 4]), {
          headers: { 'content-disposition': 'attachment; filename="Workshop-report.docx"' },
        });
      },
      (blob, name) => saved.push({ size: blob.size, name }),
    );
    expect(result).toEqual({ ok: true, fileName: 'Workshop-report.docx' });
    expect(calls[0]?.input).toBe('/api/workshops/w%201/export/report.docx');
    expect(calls[0]?.init.headers).toEqual({ authorization: 'Bearer tok' });
    expect(saved).toEqual([{ size: 4, name: 'Workshop-report.docx' }]);
  });

  it('explains a refusal or a network failure instead of throwing', async () => {
    const refused = await downloadExport(
      { workshopId: 'w', file: 'report.md', token: 't' },
      async () =>
        new Response(JSON.stringify({ error: { code: 'forbidden', message: 'only facilitators export the report' } }), {
          status: 403,
        }),
      () => undefined,
    );
    expect(refused).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'only facilitators export the report' },
    });
    const offline = await downloadExport(
      { workshopId: 'w', file: 'attendance.csv', token: 't' },
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => undefined,
    );
    expect(offline).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  });
});
