import type { WorkshopId } from '@plenary/shared';

/** The pages of the client, read from the address bar; no router library. */
export type Route =
  | { kind: 'start' }
  /** `/join#<invite token>`: the token stays in the fragment, so it is never sent to a server */
  | { kind: 'invite'; token: string }
  /** `/w/<workshopId>`: back to a workshop with the token stored on this device */
  | { kind: 'workshop'; workshopId: WorkshopId }
  | { kind: 'unknown'; path: string };

export function parseRoute(pathname: string, hash: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { kind: 'start' };
  if (path === '/join') return { kind: 'invite', token: decodeURIComponent(hash.replace(/^#/, '')) };
  const workshop = /^\/w\/([^/]+)$/.exec(path);
  if (workshop?.[1]) return { kind: 'workshop', workshopId: decodeURIComponent(workshop[1]) as WorkshopId };
  return { kind: 'unknown', path };
}

export function routeHref(route: Route): string {
  switch (route.kind) {
    case 'start':
      return '/';
    case 'invite':
      return `/join#${route.token}`;
    case 'workshop':
      return `/w/${encodeURIComponent(route.workshopId)}`;
    case 'unknown':
      return route.path;
  }
}
