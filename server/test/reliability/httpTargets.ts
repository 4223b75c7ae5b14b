// The HTTP routes as fuzz targets: for each route in HttpRoute, a generator of requests that are each
// wrong in at least one way the route must refuse (its path, the caller's token, its query or its
// body), while everything else about them is right, so a refusal tests the check it aims at.
import {
  CreateEditionRequestSchema,
  EXPORT_FILES,
  exportPath,
  HttpRoute,
  libraryFilePath,
  libraryUploadPath,
} from '@plenary/shared';
import { malform, wireForm } from './malformed.ts';
import type { Random } from './support.ts';

/** A workshop with a facilitator, a delegate and one document, plus another workshop's facilitator. */
export interface HttpFixture {
  workshopId: string;
  chairToken: string;
  delegateToken: string;
  inviteToken: string;
  libraryItemId: string;
  otherWorkshopId: string;
  otherChairToken: string;
}

export interface HttpCall {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** Names each request's defect, so a failure says which check let it through. */
export interface FuzzedCall extends HttpCall {
  defect: string;
}

const ODD_IDS = ['x'.repeat(300), '..%2F..%2Fplenary.db', '%00', '%E0%A4%A', 'nope', '__proto__', 'constructor', '%20'];

const junk = (random: Random, length: number) =>
  Array.from({ length }, () => random.pick([...'aZ09-_.~+/=%']) as string).join('');

/** A caller who may not do this: no token, a broken one, a forged one, one for another workshop. */
function badAuthorization(random: Random, fixture: HttpFixture): Record<string, string> {
  const flip = (token: string) => `${token.slice(0, -3)}${token.at(-3) === 'A' ? 'B' : 'A'}${token.slice(-2)}`;
  const header = random.pick([
    null,
    'Bearer',
    'Bearer ',
    `Bearer ${junk(random, random.int(1, 400))}`,
    `Basic ${Buffer.from('chair:secret').toString('base64')}`,
    fixture.chairToken,
    `Bearer ${flip(fixture.chairToken)}`,
    `Bearer ${fixture.inviteToken}`,
    `Bearer ${fixture.otherChairToken}`,
    `Bearer ${'x'.repeat(6_000)}`,
  ]);
  return header === null ? {} : { authorization: header };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

type RouteFuzz = (random: Random, fixture: HttpFixture) => FuzzedCall;

/** A route's path with its parameters as given: odd ids go out raw, possibly malformed on purpose. */
const pathOf = (route: string, params: Record<string, string>) =>
  route.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `:${name}`);

/** Every route but workshop creation, which fuzzHttp.test.ts fuzzes with malformed bodies of its own. */
export const HTTP_TARGETS: Record<Exclude<keyof typeof HttpRoute, 'createWorkshop'>, RouteFuzz> = {
  workshopExport: (random, fixture) => {
    const defect = random.pick(['path', 'token', 'delegate', 'file'] as const);
    const file = random.pick(EXPORT_FILES);
    const headers = defect === 'token' ? badAuthorization(random, fixture) : bearer(fixture.chairToken);
    if (defect === 'delegate') Object.assign(headers, bearer(fixture.delegateToken));
    let path = exportPath(fixture.workshopId, file);
    if (defect === 'path') path = pathOf(HttpRoute.workshopExport, { workshopId: random.pick(ODD_IDS), file });
    if (defect === 'file') {
      const odd = random.pick(['report.pdf', 'REPORT.MD', 'report.md%00', '..', '%2E%2E', 'x'.repeat(500), 'report']);
      path = pathOf(HttpRoute.workshopExport, { workshopId: fixture.workshopId, file: odd });
    }
    return { defect, method: 'GET', path, headers };
  },

  libraryUpload: (random, fixture) => {
    const defect = random.pick(['path', 'token', 'delegate', 'scope', 'not a document', 'empty'] as const);
    const name = random.chance(0.5) ? 'deck.pdf' : junk(random, random.int(0, 300));
    let scope = 'workshop';
    if (defect === 'scope') {
      scope = random.pick(['room:nope', 'agendaItem:', 'agendaItem:missing', 'rooms', 'room:', 'x'.repeat(400)]);
    }
    const headers = {
      'content-type': 'application/octet-stream',
      ...(defect === 'token' ? badAuthorization(random, fixture) : bearer(fixture.chairToken)),
    };
    if (defect === 'delegate') Object.assign(headers, bearer(fixture.delegateToken));
    // Never a document's signature (%PDF-, PK…): type sniffing must refuse it.
    const document = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n');
    let body: Uint8Array = document;
    if (defect === 'not a document') body = Buffer.from(`junk${junk(random, random.int(0, 3_000))}`);
    if (defect === 'empty') body = new Uint8Array();
    let path = libraryUploadPath(fixture.workshopId, name, scope);
    if (defect === 'path') {
      const query = libraryUploadPath(fixture.workshopId, name, scope).split('?')[1];
      path = `${pathOf(HttpRoute.libraryUpload, { workshopId: random.pick(ODD_IDS) })}?${query}`;
    }
    return { defect, method: 'POST', path, headers, body };
  },

  libraryFile: (random, fixture) => {
    const defect = random.pick(['path', 'token', 'item'] as const);
    const headers = defect === 'token' ? badAuthorization(random, fixture) : bearer(fixture.delegateToken);
    const path =
      defect === 'token'
        ? libraryFilePath(fixture.workshopId, fixture.libraryItemId)
        : pathOf(HttpRoute.libraryFile, {
            workshopId: defect === 'path' ? random.pick(ODD_IDS) : encodeURIComponent(fixture.workshopId),
            libraryItemId: defect === 'item' ? random.pick(ODD_IDS) : encodeURIComponent(fixture.libraryItemId),
          });
    return { defect, method: 'GET', path, headers };
  },

  createEdition: (random, fixture) => {
    const defect = random.pick(['path', 'token', 'delegate', 'body', 'not JSON'] as const);
    const template = { title: 'Second edition', startDate: '2027-03-01', carryRoster: false };
    let body = JSON.stringify(template);
    let contentType = 'application/json';
    if (defect === 'body') {
      for (let attempt = 0; attempt < 20; attempt++) {
        const payload = malform(random, template, []).payload;
        if (!CreateEditionRequestSchema.safeParse(wireForm(payload)).success) {
          body = JSON.stringify(payload) ?? 'undefined';
          break;
        }
      }
    }
    if (defect === 'not JSON') {
      body = random.pick(['{', 'null', '[]', '{"title":"a",}', '', body]);
      if (body === JSON.stringify(template)) contentType = random.pick(['text/plain', 'multipart/form-data']);
    }
    const headers = {
      'content-type': contentType,
      ...(defect === 'token' ? badAuthorization(random, fixture) : bearer(fixture.chairToken)),
    };
    if (defect === 'delegate') Object.assign(headers, bearer(fixture.delegateToken));
    const workshopId = defect === 'path' ? random.pick(ODD_IDS) : encodeURIComponent(fixture.workshopId);
    const path = pathOf(HttpRoute.createEdition, { workshopId });
    return { defect, method: 'POST', path, headers, body };
  },

  series: (random, fixture) => {
    const defect = random.pick(['series', 'token', 'delegate'] as const);
    const headers = defect === 'token' ? badAuthorization(random, fixture) : bearer(fixture.chairToken);
    if (defect === 'delegate') Object.assign(headers, bearer(fixture.delegateToken));
    // Until it has a second edition, a workshop's series id is its own id.
    const seriesId = defect === 'series' ? random.pick([...ODD_IDS, fixture.otherWorkshopId]) : fixture.workshopId;
    return { defect, method: 'GET', path: pathOf(HttpRoute.series, { seriesId }), headers };
  },

  attendance: (random, fixture) => {
    const defect = random.pick(['path', 'token', 'delegate'] as const);
    const headers = defect === 'token' ? badAuthorization(random, fixture) : bearer(fixture.chairToken);
    if (defect === 'delegate') Object.assign(headers, bearer(fixture.delegateToken));
    const workshopId = defect === 'path' ? random.pick(ODD_IDS) : encodeURIComponent(fixture.workshopId);
    const path = pathOf(HttpRoute.attendance, { workshopId });
    return { defect, method: 'GET', path, headers };
  },
};
