import { newId } from '../ids.js';
import type { Route } from '../router.js';
import { mustGet } from '../store.js';
import type { FakePortalSession } from '../types.js';

export const billingPortalRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/billing_portal/sessions',
    handler: ({ store, params, baseUrl }) => {
      const customer = params.requiredString('customer');
      mustGet(store.customers, customer, 'customer', 'customer');
      const id = newId('bps');
      const session: FakePortalSession = {
        id,
        object: 'billing_portal.session',
        configuration: params.optionalString('configuration') ?? 'bpc_fake_default',
        created: store.clock.now(),
        customer,
        flow: null,
        livemode: false,
        locale: null,
        on_behalf_of: null,
        return_url: params.url('return_url') ?? null,
        url: `${baseUrl}/p/session/${id}`,
      };
      store.portalSessions.set(id, session);
      return session;
    },
  },
];
