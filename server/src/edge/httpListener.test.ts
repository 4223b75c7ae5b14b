// The plain listener beside https: ACME challenges answered, everything else sent to https, and
// malformed requests refused with a clear 4xx that changes nothing.
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Challenges, createHttpListener } from './httpListener.ts';

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function start(options: { domain: string | undefined; httpsPort: number }, challenges = new Challenges()) {
  server = createHttpListener({ challenges, domain: options.domain, httpsPort: () => options.httpsPort });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  // node:http rather than fetch: fetch will not send a Host header of the test's choosing.
  return (path: string, init: { method?: string; body?: string; host?: string } = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>(
      (resolve, reject) => {
        const call = request(
          {
            host: '127.0.0.1',
            port,
            path,
            method: init.method ?? 'GET',
            headers: init.host ? { host: init.host } : {},
          },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
          },
        );
        call.on('error', reject);
        call.end(init.body);
      },
    );
}

describe('the plain http listener', () => {
  it('redirects to https on the configured domain, keeping the path and query', async () => {
    const get = await start({ domain: 'plenary.example.org', httpsPort: 443 });
    const response = await get('/w/abc?invite=xyz', { host: 'elsewhere.example.com' });
    expect(response.status).toBe(308);
    expect(response.headers.location).toBe('https://plenary.example.org/w/abc?invite=xyz');
  });

  it('without a domain, redirects to the host asked for, on the https port', async () => {
    const get = await start({ domain: undefined, httpsPort: 8443 });
    const response = await get('/', { host: 'plenary.example.org:8080' });
    expect(response.status).toBe(308);
    expect(response.headers.location).toBe('https://plenary.example.org:8443/');
  });

  it('answers a known ACME challenge with its key authorisation, and nothing else', async () => {
    const challenges = new Challenges();
    challenges.set('tok3n_-A', 'tok3n_-A.thumbprint');
    const get = await start({ domain: 'plenary.example.org', httpsPort: 443 }, challenges);
    const answer = await get('/.well-known/acme-challenge/tok3n_-A');
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('tok3n_-A.thumbprint');
    // The challenge path is never redirected, even for a token nobody asked about.
    const unknown = await get('/.well-known/acme-challenge/other');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toBe('no such ACME challenge');
  });

  it('refuses malformed challenge requests with a clear 4xx and changes nothing', async () => {
    const challenges = new Challenges();
    challenges.set('good', 'good.thumbprint');
    const get = await start({ domain: 'plenary.example.org', httpsPort: 443 }, challenges);
    for (const path of [
      '/.well-known/acme-challenge/',
      '/.well-known/acme-challenge/..%2F..%2Fetc',
      '/.well-known/acme-challenge/a.b',
      `/.well-known/acme-challenge/${'x'.repeat(129)}`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(response.text).toBe('malformed ACME challenge token');
    }
    const posted = await get('/.well-known/acme-challenge/good', { method: 'POST', body: 'x' });
    expect(posted.status).toBe(405);
    expect(posted.headers.allow).toBe('GET, HEAD');
    expect(challenges.get('good')).toBe('good.thumbprint');
    expect((await get('/.well-known/acme-challenge/good')).text).toBe('good.thumbprint');
  });

  it('refuses a malformed Host instead of echoing it into a redirect', async () => {
    const get = await start({ domain: undefined, httpsPort: 443 });
    const response = await get('/', { host: 'evil.example.com/@x' });
    expect(response.status).toBe(400);
    expect(response.headers.location).toBeUndefined();
  });
});
