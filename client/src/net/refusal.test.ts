import { describe, expect, it } from 'vitest';
import { refusalOf } from './refusal.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

describe('refusalOf', () => {
  it("takes the server's code and sentence", async () => {
    const refused = json(403, { error: { code: 'forbidden', message: 'only facilitators export the report' } });
    expect(await refusalOf(refused)).toEqual({ code: 'forbidden', message: 'only facilitators export the report' });
  });

  it('reads the status when the body says nothing', async () => {
    expect(await refusalOf(new Response('nope', { status: 415 }))).toEqual({ code: 'unsupported_type', message: '' });
    expect(await refusalOf(new Response(null, { status: 502 }))).toEqual({ code: 'internal', message: '' });
    expect(await refusalOf(new Response(null, { status: 418 }))).toEqual({ code: 'unknown', message: '' });
  });
});
