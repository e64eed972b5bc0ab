import { invalidRequest, noSuch } from '../errors.js';
import { listPage } from '../list.js';
import type { Route } from '../router.js';
import type { FakeEvent } from '../types.js';

/** `type` accepts Stripe's wildcard form (`invoice.*`). */
function typeMatcher(patterns: string[]): (event: FakeEvent) => boolean {
  if (patterns.length === 0) return () => true;
  const tests = patterns.map((pattern) =>
    pattern.endsWith('.*') ? (type: string) => type.startsWith(pattern.slice(0, -1)) : (type: string) => type === pattern);
  return (event) => tests.some((test) => test(event.type));
}

export const eventRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/events/:id',
    handler: ({ store, path }) => {
      const event = store.events.find((candidate) => candidate.id === path.id);
      if (!event) throw noSuch('event', path.id ?? '');
      return event;
    },
  },
  {
    method: 'GET',
    pattern: '/v1/events',
    handler: ({ store, params }) => {
      const type = params.optionalString('type');
      const types = params.stringList('types');
      if (type !== undefined && types.length > 0) {
        throw invalidRequest('You may only specify one of these parameters: type, types.', undefined, 'types');
      }
      return listPage(store.events, params, '/v1/events', typeMatcher(type === undefined ? types : [type]));
    },
  },
];
