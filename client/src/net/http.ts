import { type CreateWorkshopRequest, type CreateWorkshopResponse, HttpRoute } from '@plenary/shared';
import type { Reply } from './request.ts';

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** `POST /api/workshops`; failures come back as `{ ok: false, error }` like socket replies, never thrown. */
export async function createWorkshop(
  request: CreateWorkshopRequest,
  fetchImpl: Fetch = (input, init) => fetch(input, init),
): Promise<Reply<CreateWorkshopResponse>> {
  let response: Response;
  try {
    response = await fetchImpl(HttpRoute.createWorkshop, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
    });
  } catch {
    return failed('disconnected', 'Cannot reach the Plenary server. Check your connection and try again.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 201 && isRecord(body) && typeof body.workshopId === 'string' && isRecord(body.invites)) {
    return { ok: true, data: body as unknown as CreateWorkshopResponse };
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const message = typeof error?.message === 'string' ? error.message : `The server answered ${response.status}.`;
  return failed(response.status >= 500 ? 'internal' : 'invalid_payload', message);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function failed(code: 'internal' | 'invalid_payload' | 'disconnected', message: string) {
  return { ok: false as const, error: { code, message } };
}
