// Fuzz of the HTTP routes: malformed workshop creations, odd requests to /healthz and /metrics.
// Seeded (PLENARY_SEED); 100 requests a route, 1,000 in the long form (PLENARY_LONG=1).
import { CreateWorkshopRequestSchema, HttpRoute } from '@plenary/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness.ts';
import { expectHealthy } from './fuzzing.ts';
import { malform, wireForm } from './malformed.ts';
import { inParallel, Random, SEED, scale } from './support.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('fuzzing the HTTP routes', () => {
  const HTTP_COUNT = scale(100, 1_000);

  it(`answers ${HTTP_COUNT} malformed workshop creations with a 4xx JSON error, creating nothing`, async () => {
    const before = (await server.app.workshops.list()).length;
    const random = new Random(SEED).fork('http');
    const template = { title: 'Workshop', timeZone: 'Pacific/Fiji', settings: { lobbyEnabled: true } };
    const problems: string[] = [];
    await inParallel(HTTP_COUNT, 8, async (index) => {
      const stream = random.fork(`post ${index}`);
      let body: string;
      let contentType = 'application/json';
      const kind = index % 10;
      if (kind === 0) body = random.pick(['{', '{"title":', 'null', '[]', '"x"', '{"title":"a",}', '\u0000', '']);
      else if (kind === 1) body = JSON.stringify({ ...template, title: 'x'.repeat(120_000) });
      else if (kind === 2) {
        body = JSON.stringify(template);
        // A form or plain text post (what another site could make a browser send) is not JSON.
        contentType = stream.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);
      } else {
        let payload: unknown = template;
        for (let attempt = 0; attempt < 20; attempt++) {
          payload = malform(stream, template, []).payload;
          if (!CreateWorkshopRequestSchema.safeParse(wireForm(payload)).success) break;
        }
        body = JSON.stringify(payload) ?? 'undefined';
      }
      const response = await fetch(`${server.url}${HttpRoute.createWorkshop}`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });
      const text = await response.text();
      if (response.status < 400 || response.status >= 500) problems.push(`${response.status} for ${body.slice(0, 80)}`);
      else if (!/^\{"error":\{"code":"[a-z_]+","message":/.test(text)) problems.push(`body ${text.slice(0, 80)}`);
    });
    expect(problems.slice(0, 10)).toEqual([]);
    expect((await server.app.workshops.list()).length).toBe(before);
    await expectHealthy(server.url);
  });

  it.each(['/healthz', '/metrics'])(`answers odd requests to %s without a server error`, async (route) => {
    const random = new Random(SEED).fork(route);
    const problems: string[] = [];
    const junk = () =>
      Array.from({ length: random.int(0, 200) }, () => random.pick([...'aZ09%&=?#/\\.;:"\'<>{}[]~ \t'])).join('');
    await inParallel(HTTP_COUNT, 8, async () => {
      const method = random.pick(['GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);
      const query = encodeURI(junk()).replace(/#/g, '%23');
      const headers: Record<string, string> = {
        accept: random.pick(['*/*', 'application/json', 'text/html', '\u00ff', junk().replace(/[^\x20-\x7e]/g, '')]),
        'x-forwarded-for': random.pick(['127.0.0.1', '::1', 'a'.repeat(4000)]),
      };
      const body = method === 'GET' || method === 'HEAD' ? undefined : junk();
      const response = await fetch(`${server.url}${route}?${query}`, { method, headers, body }).catch(
        (error: Error) => ({ status: -1, statusText: error.message }),
      );
      if (response.status < 0 || response.status >= 500)
        problems.push(`${method} ${route}?${query}: ${response.status}`);
    });
    expect(problems.slice(0, 10)).toEqual([]);
    await expectHealthy(server.url);
  });
});
