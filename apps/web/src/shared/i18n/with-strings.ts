import type { RouteObject } from 'react-router';

/** The routes with each lazy page waiting for `load` (a part of the catalogue) as its chunk loads, children too. */
export function withStrings(routes: RouteObject[], load: () => Promise<void>): RouteObject[] {
  return routes.map((route): RouteObject => {
    const { lazy, children } = route;
    const loaded = typeof lazy === 'function' ? { lazy: async () => (await Promise.all([lazy(), load()]))[0] } : {};
    return { ...route, ...loaded, ...(children ? { children: withStrings(children, load) } : {}) } as RouteObject;
  });
}
