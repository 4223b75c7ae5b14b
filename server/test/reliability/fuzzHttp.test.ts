// Fuzz of the HTTP routes: malformed workshop creations; requests to every other API route that are
// each wrong in one way (path, token, query, body); odd requests to /healthz and /metrics.
// Seeded (PLENARY_SEED); 100 requests a route, 1,000 in the long form (PLENARY_LONG=1).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CreateWorkshopRequestSchema, HttpRoute, libraryUploadPath, type WorkshopId } from '@plenary/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, joinWithInvite, newDataDir, profile, startTestServer, type TestServer } from '../harness.ts';
import { expectHealthy } from './fuzzing.ts';
import { HTTP_TARGETS, type HttpFixture } from './httpTargets.ts';
import { malform, wireForm } from './malformed.ts';
import { inParallel, Random, SEED, scale } from './support.ts';

let server: TestServer;
const dataDir = newDataDir();
beforeAll(async () => {
  server = await startTestServer({}, dataDir);
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

  it(`answers ${HTTP_COUNT} requests to every other API route, each wrong in one way, with a 4xx JSON error, changing nothing`, async () => {
    expect(Object.keys(HTTP_TARGETS).sort()).toEqual(
      Object.keys(HttpRoute)
        .filter((route) => route !== 'createWorkshop')
        .sort(),
    );
    const fixture = await httpFixture();
    const workshopId = fixture.workshopId as WorkshopId;
    const before = {
      workshops: (await server.app.workshops.list()).length,
      revision: (await server.app.workshops.get(workshopId))?.state.revision,
      files: readdirSync(join(dataDir, 'files')).sort(),
    };
    const random = new Random(SEED).fork('routes');
    const problems: string[] = [];
    for (const [route, fuzz] of Object.entries(HTTP_TARGETS)) {
      await inParallel(HTTP_COUNT, 8, async (index) => {
        const call = fuzz(random.fork(`${route} ${index}`), fixture);
        const response = await fetch(`${server.url}${call.path}`, {
          method: call.method,
          headers: call.headers,
          body: call.body,
        });
        const text = await response.text();
        const what = `${route} (${call.defect}) ${call.method} ${call.path.slice(0, 80)}`;
        if (response.status < 400 || response.status >= 500) problems.push(`${response.status} for ${what}`);
        else if (!/^\{"error":\{"code":"[a-z_]+","message":/.test(text))
          problems.push(`body ${text.slice(0, 60)} for ${what}`);
      });
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect((await server.app.workshops.list()).length).toBe(before.workshops);
    expect((await server.app.workshops.get(workshopId))?.state.revision).toBe(before.revision);
    expect(readdirSync(join(dataDir, 'files')).sort()).toEqual(before.files);
    expect(readdirSync(join(dataDir, 'files', 'incoming'))).toEqual([]);
    await expectHealthy(server.url);
  });
});

/** A workshop with a facilitator, a delegate and one uploaded document, and a second workshop. */
async function httpFixture(): Promise<HttpFixture> {
  const main = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
  const other = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
  const tokenOf = async (invite: string, who: string) => {
    const client = await server.connect();
    return (await joinWithInvite(client, invite, profile(who))).participantToken;
  };
  const chairToken = await tokenOf(main.invites.facilitator, 'Chair');
  const upload = await fetch(`${server.url}${libraryUploadPath(main.workshopId, 'deck.pdf')}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${chairToken}`, 'content-type': 'application/octet-stream' },
    body: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n'),
  });
  expect(upload.status).toBe(201);
  const { libraryItem } = (await upload.json()) as { libraryItem: { id: string } };
  return {
    workshopId: main.workshopId,
    chairToken,
    delegateToken: await tokenOf(main.invites.delegate, 'Delegate'),
    inviteToken: main.invites.delegate,
    libraryItemId: libraryItem.id,
    otherWorkshopId: other.workshopId,
    otherChairToken: await tokenOf(other.invites.facilitator, 'Other chair'),
  };
}
