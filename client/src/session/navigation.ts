import { appStore } from '../stores/appStore.ts';
import { parseRoute, type Route, routeHref } from './route.ts';

export function currentRoute(): Route {
  return parseRoute(window.location.pathname, window.location.hash);
}

/** Changes page without reloading: the address bar, then the store the app renders from. */
export function navigate(route: Route, { replace = false } = {}): void {
  const href = routeHref(route);
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  appStore.setState({ route });
}

/** Reads the address bar now and on back/forward or a pasted link, calling `entered` each time. */
export function startRouting(entered: (route: Route) => void): void {
  const sync = () => {
    const route = currentRoute();
    appStore.setState({ route });
    entered(route);
  };
  window.addEventListener('popstate', sync);
  window.addEventListener('hashchange', sync);
  sync();
}
