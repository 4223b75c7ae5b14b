import { type CreateEditionResponse, HttpRoute, type SeriesResponse } from '@plenary/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  command,
  createWorkshop,
  joinWithInvite,
  profile,
  rejoin,
  startTestServer,
  type TestServer,
} from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('a workshop series', () => {
  it('starts the next edition from the last one and shows the editions side by side', async () => {
    const { invites, workshopId } = await createWorkshop(server.url, {
      title: 'Water 2026',
      settings: { lobbyEnabled: false },
    });
    const chair = await server.connect();
    const chairJoin = await joinWithInvite(chair, invites.facilitator, profile('Chair'));
    const ana = await server.connect();
    const anaJoin = await joinWithInvite(ana, invites.delegate, profile('Ana', 'Fiji'));
    await command(chair, { type: 'agenda.addDay', date: '2026-03-09', title: 'Day 1' });
    await command(chair, { type: 'agenda.addDay', date: '2026-03-10', title: 'Day 2' });
    await command(chair, { type: 'breakouts.createSet', name: 'Groups', roomNames: ['North', 'South'] });

    const post = (token: string, body: unknown) =>
      fetch(`${server.url}${HttpRoute.createEdition.replace(':workshopId', workshopId)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post(anaJoin.participantToken, { title: 'Water 2027', startDate: '2027-03-15' })).status).toBe(403);
    expect((await post(chairJoin.participantToken, { title: 'Water 2027', startDate: '15/03/2027' })).status).toBe(400);
    const created = await post(chairJoin.participantToken, { title: 'Water 2027', startDate: '2027-03-15' });
    expect(created.status).toBe(201);
    const edition = (await created.json()) as CreateEditionResponse;

    // The facilitator walks straight into the new edition; the agenda moved a year on.
    const inNext = await rejoin(await server.connect(), edition.participantToken);
    expect(inNext.self).toMatchObject({ id: chairJoin.self.id, role: 'facilitator' });
    expect(inNext.workshop.days.map((day) => day.date)).toEqual(['2027-03-15', '2027-03-16']);
    expect(inNext.workshop.breakouts.sets.map((set) => set.name)).toEqual(['Groups']);
    expect(Object.keys(inNext.workshop.participants)).toEqual([chairJoin.self.id]);
    const newcomer = await joinWithInvite(await server.connect(), edition.invites.delegate, profile('Bo', 'Tonga'));
    expect(newcomer.workshop.series).toEqual({ seriesId: workshopId, edition: 2 });

    const series = (token: string) =>
      fetch(`${server.url}${HttpRoute.series.replace(':seriesId', workshopId)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await series(anaJoin.participantToken)).status).toBe(403);
    const overview = (await (await series(chairJoin.participantToken)).json()) as SeriesResponse;
    expect(overview.editions.map((entry) => [entry.edition, entry.title, entry.firstDay])).toEqual([
      [1, 'Water 2026', '2026-03-09'],
      [2, 'Water 2027', '2027-03-15'],
    ]);
    expect(overview.editions[0]?.participants).toBe(2);
    expect(overview.editions[0]?.attendance.at(-1)).toMatchObject({ present: 2, registered: 2 });
    expect(overview.editions[1]?.reports['report.docx']).toContain(edition.workshopId);
  });
});
