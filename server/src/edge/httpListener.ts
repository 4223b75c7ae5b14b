// The plain-http side of an https Plenary: it answers ACME HTTP-01 challenges (the CA asks for
// them on port 80) and sends everything else to https. Nothing else is served over plain http.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

const CHALLENGE_PREFIX = '/.well-known/acme-challenge/';
// RFC 8555 §8.3: a token is base64url; CAs use 43 characters, 128 leaves room and bounds the map key.
const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;
// A Host header is the client's to write: only a plain name or IPv4 address (with a port) is echoed.
const HOST = /^([A-Za-z0-9-]{1,63}\.)*[A-Za-z0-9-]{1,63}(:\d{1,5})?$/;

/** Key authorisations of the HTTP-01 challenges under way, by token. */
export class Challenges {
  readonly #answers = new Map<string, string>();
  set(token: string, keyAuthorization: string): void {
    this.#answers.set(token, keyAuthorization);
  }
  delete(token: string): void {
    this.#answers.delete(token);
  }
  get(token: string): string | undefined {
    return this.#answers.get(token);
  }
}

export interface HttpListenerOptions {
  challenges: Challenges;
  /** the name https is served under (PLENARY_DOMAIN); else the request's own host */
  domain: string | undefined;
  /** the port https listens on (known once it listens), left out of redirects when it is 443 */
  httpsPort: () => number;
}

export function createHttpListener(options: HttpListenerOptions): Server {
  return createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith(CHALLENGE_PREFIX)) answerChallenge(options.challenges, path, request, response);
    else redirectToHttps(options, request, response);
  });
}

function answerChallenge(challenges: Challenges, path: string, request: IncomingMessage, response: ServerResponse) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return reply(response, 405, 'only GET answers an ACME challenge', { allow: 'GET, HEAD' });
  }
  const token = path.slice(CHALLENGE_PREFIX.length);
  if (!TOKEN.test(token)) return reply(response, 400, 'malformed ACME challenge token');
  const answer = challenges.get(token);
  if (answer === undefined) return reply(response, 404, 'no such ACME challenge');
  reply(response, 200, answer);
}

function redirectToHttps(options: HttpListenerOptions, request: IncomingMessage, response: ServerResponse) {
  const target = request.url ?? '/';
  if (!target.startsWith('/')) return reply(response, 400, 'only a path can be redirected to https');
  const requested = request.headers.host ?? '';
  if (options.domain === undefined && !HOST.test(requested)) return reply(response, 400, 'missing or malformed Host');
  const hostname = options.domain ?? requested.replace(/:\d+$/, '');
  const httpsPort = options.httpsPort();
  const port = httpsPort === 443 ? '' : `:${httpsPort}`;
  // 308 keeps the method and body, so a form posted to http arrives at https unchanged.
  reply(response, 308, 'use https', { location: `https://${hostname}${port}${target}` });
}

function reply(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(body);
}
