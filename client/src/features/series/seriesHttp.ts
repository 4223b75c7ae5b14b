import { type CreateEditionRequest, type CreateEditionResponse, HttpRoute, type SeriesResponse } from '@plenary/shared';
import type { Failure } from '../../i18n/message.ts';
import { refusalOf, UNREACHABLE } from '../../net/refusal.ts';
import type { Fetch } from '../report/download.ts';

export type HttpResult<T> = { ok: true; data: T } | { ok: false; error: Failure };

const defaultFetch: Fetch = (input, init) => fetch(input, init);

async function call<T>(path: string, init: RequestInit, fetchImpl: Fetch): Promise<HttpResult<T>> {
  let response: Response;
  try {
    response = await fetchImpl(path, init);
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
  if (!response.ok) return { ok: false, error: await refusalOf(response) };
  return { ok: true, data: (await response.json()) as T };
}

/** Chairs: the next edition of this workshop (the caller's token for it comes back). */
export function createEdition(
  workshopId: string,
  token: string,
  request: CreateEditionRequest,
  fetchImpl: Fetch = defaultFetch,
): Promise<HttpResult<CreateEditionResponse>> {
  return call(
    HttpRoute.createEdition.replace(':workshopId', encodeURIComponent(workshopId)),
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(request),
    },
    fetchImpl,
  );
}

/** Chairs of any edition: every edition of the series. */
export function loadSeries(seriesId: string, token: string, fetchImpl: Fetch = defaultFetch) {
  return call<SeriesResponse>(
    HttpRoute.series.replace(':seriesId', encodeURIComponent(seriesId)),
    { headers: { authorization: `Bearer ${token}` } },
    fetchImpl,
  );
}
