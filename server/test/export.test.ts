import { Command, exportPath, type RoomId } from '@plenary/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkshop, joinWithInvite, profile, request, startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('exporting the workshop', () => {
  it('gives chairs the report with the notes and the attendance sheet, and nobody else', async () => {
    const { invites, workshopId } = await createWorkshop(server.url, {
      title: 'Pacific water',
      settings: { lobbyEnabled: false },
    });
    const chair = await server.connect();
    const chairJoin = await joinWithInvite(chair, invites.facilitator, profile('Chair'));
    const ana = await server.connect();
    const anaJoin = await joinWithInvite(ana, invites.rapporteur, profile('Ana', 'Fiji'));

    const doc = new Y.Doc();
    const opened = await request(ana, Command.notesOpen, {
      roomId: 'plenary' as RoomId,
      stateVector: Y.encodeStateVector(doc),
    });
    expect(opened.ok).toBe(true);
    doc.on(
      'update',
      (update: Uint8Array) => void request(ana, Command.notesUpdate, { roomId: 'plenary' as RoomId, update }),
    );
    doc.getText('notes').insert(0, 'Agreed: share rainfall data monthly');
    await new Promise((resolve) => setTimeout(resolve, 100));

    const download = (file: Parameters<typeof exportPath>[1], token?: string) =>
      fetch(`${server.url}${exportPath(workshopId, file)}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });

    const markdown = await download('report.md', chairJoin.participantToken);
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-disposition')).toContain('Pacific-water-report.md');
    const text = await markdown.text();
    expect(text).toContain('# Pacific water');
    expect(text).toContain('Agreed: share rainfall data monthly');

    const docx = await download('report.docx', chairJoin.participantToken);
    expect(docx.status).toBe(200);
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    const csv = await (await download('attendance.csv', chairJoin.participantToken)).text();
    expect(csv.split('\r\n')[0]).toContain('organisation');
    expect(csv).toContain('Fiji');

    expect((await download('report.md', anaJoin.participantToken)).status).toBe(403);
    expect((await download('report.md')).status).toBe(403);
    expect((await download('report.md', 'not-a-token')).status).toBe(403);
    const unknown = await fetch(`${server.url}/api/workshops/${workshopId}/export/secrets.txt`, {
      headers: { authorization: `Bearer ${chairJoin.participantToken}` },
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
