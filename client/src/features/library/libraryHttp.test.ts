import { describe, expect, it } from 'vitest';
import { fetchDocument, uploadDocument } from './libraryHttp.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('library requests', () => {
  const file = new File(['%PDF-1.4'], 'deck one.pdf', { type: 'application/pdf' });

  it('uploads the bytes with the token, to the scope', async () => {
    const calls: Array<[string, RequestInit]> = [];
    const result = await uploadDocument(
      { workshopId: 'w1', file, scope: 'agendaItem:i1', token: 't' },
      async (url, init) => {
        calls.push([url, init]);
        return json(201, { libraryItem: { id: 'x', name: 'deck one.pdf' } });
      },
    );
    expect(result).toMatchObject({ ok: true, item: { id: 'x' } });
    expect(calls[0]?.[0]).toBe('/api/workshops/w1/library?name=deck%20one.pdf&scope=agendaItem%3Ai1');
    expect(calls[0]?.[1]).toMatchObject({ method: 'POST', body: file, headers: { authorization: 'Bearer t' } });
  });

  it('says why an upload was refused, from the body or the status', async () => {
    const tooLarge = await uploadDocument({ workshopId: 'w1', file, scope: 'workshop', token: 't' }, async () =>
      json(413, { error: { code: 'too_large', message: 'the file is larger than 50 MB' } }),
    );
    expect(tooLarge).toEqual({ ok: false, error: { code: 'too_large', message: 'the file is larger than 50 MB' } });
    const wrongType = await uploadDocument(
      { workshopId: 'w1', file, scope: 'workshop', token: 't' },
      async () => new Response('nope', { status: 415 }),
    );
    expect(wrongType).toEqual({ ok: false, error: { code: 'unsupported_type', message: '' } });
    const offline = await uploadDocument({ workshopId: 'w1', file, scope: 'workshop', token: 't' }, async () => {
      throw new TypeError('failed');
    });
    expect(offline).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  });

  it('fetches a document under the name the server gives', async () => {
    const result = await fetchDocument(
      { workshopId: 'w1', item: { id: 'x', name: 'fallback.pdf' }, token: 't' },
      async () => new Response('bytes', { headers: { 'content-disposition': 'attachment; filename="deck.pdf"' } }),
    );
    expect(result.ok && result.fileName).toBe('deck.pdf');
    expect(result.ok && (await result.blob.text())).toBe('bytes');
  });
});
