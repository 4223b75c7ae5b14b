import { AttendanceResponseSchema, attendancePath } from '@plenary/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkshop, eventually, joinWithInvite, profile, startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  // Someone whose connection dropped counts as gone at once, so a departure shows without waiting.
  server = await startTestServer({ reconnectGraceMs: 0 });
});
afterEach(async () => {
  await server.close();
});

const get = (server: TestServer, path: string, token?: string) =>
  fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('the attendance route', () => {
  it('gives chairs who attended per day and organisation, and refuses everyone else with a JSON error', async () => {
    const { invites, workshopId } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
    const chair = await joinWithInvite(await server.connect(), invites.facilitator, profile('Chair'));
    const ana = await joinWithInvite(await server.connect(), invites.delegate, profile('Ana', 'Fiji Water'));
    const benSocket = await server.connect();
    await joinWithInvite(benSocket, invites.delegate, profile('Ben', 'Fiji Water'));
    await joinWithInvite(await server.connect(), invites['co-facilitator'], profile('Cora'));
    benSocket.disconnect();

    let body: unknown;
    await eventually(async () => {
      const response = await get(server, attendancePath(workshopId), chair.participantToken);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      body = await response.json();
      const [day] = AttendanceResponseSchema.parse(body).days;
      const water = day?.organisations.find((row) => row.organisation === 'Fiji Water');
      // Ben's departure is recorded once the server has seen his socket close.
      expect(water?.attendees.find((person) => person.name === 'Ben')?.lastOut).not.toBeNull();
    });
    const summary = AttendanceResponseSchema.parse(body);
    expect(summary.workshopId).toBe(workshopId);
    expect(summary.timeZone).toBe('Pacific/Fiji');
    expect(summary.days).toHaveLength(1);
    const [day] = summary.days;
    expect(day?.organisations.map((row) => [row.organisation, row.registered, row.present])).toEqual([
      ['Fiji Water', 2, 2],
      ['Secretariat', 2, 2],
    ]);
    expect(day).toMatchObject({ registered: 4, present: 4 });
    const water = day?.organisations.find((row) => row.organisation === 'Fiji Water');
    expect(water?.attendees.map((person) => person.name)).toEqual(['Ana', 'Ben']);
    expect(water?.attendees[0]).toMatchObject({ participantId: ana.self.id, lastOut: null });

    // A co-facilitator is a chair too.
    const cora = await joinWithInvite(await server.connect(), invites['co-facilitator'], profile('Cora 2'));
    expect((await get(server, attendancePath(workshopId), cora.participantToken)).status).toBe(200);

    const refusals: Array<[string, string | undefined, number, string]> = [
      [attendancePath(workshopId), ana.participantToken, 403, 'forbidden'],
      [attendancePath(workshopId), undefined, 403, 'forbidden'],
      [attendancePath(workshopId), 'not-a-token', 403, 'forbidden'],
      // The chair's token is for another workshop than this id: as if it did not exist.
      [attendancePath('no-such-workshop'), chair.participantToken, 404, 'not_found'],
      [attendancePath('x'.repeat(65)), chair.participantToken, 400, 'invalid_payload'],
    ];
    for (const [path, token, status, code] of refusals) {
      const response = await get(server, path, token);
      expect(response.status, `${path} with ${token?.slice(0, 10)}`).toBe(status);
      expect(await response.json()).toMatchObject({ error: { code, message: expect.any(String) } });
    }
  });

  it('counts someone still here as present up to the moment of asking', async () => {
    const { invites, workshopId } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
    const socket = await server.connect();
    const chair = await joinWithInvite(socket, invites.facilitator, profile('Chair'));
    const response = await get(server, attendancePath(workshopId), chair.participantToken);
    const summary = AttendanceResponseSchema.parse(await response.json());
    expect(summary.days).toHaveLength(1);
    expect(summary.days[0]?.organisations).toMatchObject([
      { organisation: 'Secretariat', present: 1, attendees: [{ name: 'Chair', lastOut: null }] },
    ]);
    expect(summary.asOf).toBeGreaterThanOrEqual(summary.days[0]?.organisations[0]?.attendees[0]?.firstIn ?? Infinity);
  });
});
