import type { AttendanceResponse } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { loadAttendance } from './attendanceHttp.ts';

const summary: AttendanceResponse = {
  workshopId: 'w1' as AttendanceResponse['workshopId'],
  timeZone: 'Pacific/Fiji',
  asOf: 1_000,
  days: [
    {
      date: '2025-03-10',
      registered: 2,
      present: 1,
      minutes: 30,
      organisations: [
        {
          organisation: 'Fiji Water',
          registered: 2,
          present: 1,
          minutes: 30,
          attendees: [
            {
              participantId: 'ana' as never,
              name: 'Ana',
              firstIn: 0,
              lastOut: null,
              minutes: 30,
            },
          ],
          absent: [{ participantId: 'ben' as never, name: 'Ben' }],
        },
      ],
    },
  ],
};

const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('loadAttendance', () => {
  it('asks for the workshop’s attendance with the participant token, and reads the answer', async () => {
    const asked: Array<[string, RequestInit]> = [];
    const result = await loadAttendance('w 1', 'tok', async (input, init) => {
      asked.push([input, init]);
      return answer(200, summary)();
    });
    expect(result).toEqual({ ok: true, data: summary });
    expect(asked[0]?.[0]).toBe('/api/workshops/w%201/attendance');
    expect(asked[0]?.[1].headers).toMatchObject({ authorization: 'Bearer tok' });
  });

  it('passes on the server’s reason for a refusal', async () => {
    const result = await loadAttendance(
      'w1',
      'tok',
      answer(403, { error: { code: 'forbidden', message: 'only facilitators see the attendance' } }),
    );
    expect(result).toEqual({ ok: false, kind: 'refused', detail: 'only facilitators see the attendance' });
    expect(await loadAttendance('w1', 'tok', answer(502, 'Bad gateway'))).toEqual({
      ok: false,
      kind: 'refused',
      detail: 'HTTP 502',
    });
  });

  it('refuses an answer that is not an attendance summary, and says when the server is unreachable', async () => {
    const wrong = await loadAttendance('w1', 'tok', answer(200, { ...summary, days: [{ date: 'yesterday' }] }));
    expect(wrong).toMatchObject({ ok: false, kind: 'invalid' });
    const offline = await loadAttendance('w1', 'tok', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(offline).toEqual({ ok: false, kind: 'unreachable', detail: 'Failed to fetch' });
  });
});
