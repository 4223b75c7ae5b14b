import { type AttendanceResponse, AttendanceResponseSchema, attendancePath } from '@plenary/shared';
import type { Fetch } from '../report/download.ts';

export type AttendanceResult =
  | { ok: true; data: AttendanceResponse }
  /** unreachable: no answer; refused: the server said why (`detail`); invalid: an answer we cannot read */
  | { ok: false; kind: 'unreachable' | 'refused' | 'invalid'; detail: string };

/** Chairs: the attendance summary, checked against its schema. Failures come back, never thrown. */
export async function loadAttendance(
  workshopId: string,
  token: string,
  fetchImpl: Fetch = (input, init) => fetch(input, init),
): Promise<AttendanceResult> {
  let response: Response;
  try {
    response = await fetchImpl(attendancePath(workshopId), {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
  } catch (error) {
    return { ok: false, kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = typeof body === 'object' && body !== null ? (body as { error?: { message?: unknown } }).error : null;
    const detail = typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`;
    return { ok: false, kind: 'refused', detail };
  }
  const parsed = AttendanceResponseSchema.safeParse(body);
  if (!parsed.success) return { ok: false, kind: 'invalid', detail: parsed.error.issues[0]?.message ?? '' };
  return { ok: true, data: parsed.data };
}
