import type { EventRequest } from './events.js';
import type { Params } from './params.js';
import type { FakeStripeStore } from './store.js';

export interface HandlerContext {
  store: FakeStripeStore;
  /** Query string merged with the form body. */
  params: Params;
  /** Values of `:name` segments in the route pattern. */
  path: Record<string, string>;
  /** Goes into `event.request` of the events this call causes. */
  request: EventRequest;
  /** `http://127.0.0.1:<port>`, for URLs the fake hands out (checkout and portal pages). */
  baseUrl: string;
}

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface Route {
  method: HttpMethod;
  /** `/v1/customers/:id` */
  pattern: string;
  handler: (context: HandlerContext) => object;
}

export interface RouteMatch {
  route: Route;
  path: Record<string, string>;
}

export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch | undefined {
  const actual = pathname.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const expected = route.pattern.split('/');
    if (expected.length !== actual.length) continue;
    const path: Record<string, string> = {};
    const matches = expected.every((segment, index) => {
      const value = actual[index] ?? '';
      if (segment.startsWith(':')) {
        if (!value) return false;
        path[segment.slice(1)] = decodeURIComponent(value);
        return true;
      }
      return segment === value;
    });
    if (matches) return { route, path };
  }
  return undefined;
}
