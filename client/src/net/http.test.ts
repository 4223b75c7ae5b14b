import { HttpRoute } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { createWorkshop, type Fetch } from './http.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const request = { title: 'Regional training', timeZone: 'Pacific/Fiji', settings: { lobbyEnabled: true } };

describe('createWorkshop', () => {
  it('posts the request as JSON and returns the workshop and its invites', async () => {
    const calls: { input: string; init: RequestInit }[] = [];
    const fetchImpl: Fetch = async (input, init) => {
      calls.push({ input, init });
      return json(201, { workshopId: 'ws-1', invites: { facilitator: 'tok' } });
    };
    const reply = await createWorkshop(request, fetchImpl);
    expect(reply).toEqual({ ok: true, data: { workshopId: 'ws-1', invites: { facilitator: 'tok' } } });
    expect(calls[0]?.input).toBe(HttpRoute.createWorkshop);
    expect(calls[0]?.init.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(request);
  });

  it("passes the server's explanation of a refusal through", async () => {
    const reply = await createWorkshop(request, async () =>
      json(400, { error: { code: 'invalid_payload', message: 'title: this cannot be empty' } }),
    );
    expect(reply).toEqual({ ok: false, error: { code: 'invalid_payload', message: 'title: this cannot be empty' } });
  });

  it('explains a server failure without a readable body', async () => {
    const reply = await createWorkshop(request, async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'The server answered 502.' } });
  });

  it('says so when the server cannot be reached', async () => {
    const reply = await createWorkshop(request, () => Promise.reject(new TypeError('Failed to fetch')));
    expect(!reply.ok && reply.error.code).toBe('disconnected');
  });
});
