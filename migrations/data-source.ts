import { CORE_ENTITIES, createDataSource, DataSourceParts } from '../libs/core/src/index.js';
import { ACCOUNTS_ENTITIES } from '../libs/accounts/src/index.js';
import { MEMBERS_ENTITIES } from '../libs/members/src/index.js';
import { PAYMENTS_ENTITIES } from '../libs/payments/src/index.js';
import { DUES_ENTITIES } from '../libs/dues/src/index.js';
import { EVENTS_ENTITIES } from '../libs/events/src/index.js';
import { MENTORING_ENTITIES } from '../libs/mentoring/src/index.js';
import { COMMUNITIES_ENTITIES } from '../libs/communities/src/index.js';
import { DISCUSSIONS_ENTITIES } from '../libs/discussions/src/index.js';
import { INTEGRATIONS_ENTITIES } from '../libs/integrations/src/index.js';
import { PRIVACY_ENTITIES } from '../libs/privacy/src/index.js';
import { MIGRATIONS } from './index.js';

/** The one list of tables: the app, the migration CLI and the tests all build their DataSource from it. */
export const ENTITIES = [...CORE_ENTITIES, ...ACCOUNTS_ENTITIES, ...MEMBERS_ENTITIES, ...PAYMENTS_ENTITIES, ...DUES_ENTITIES, ...EVENTS_ENTITIES, ...MENTORING_ENTITIES, ...COMMUNITIES_ENTITIES, ...DISCUSSIONS_ENTITIES, ...INTEGRATIONS_ENTITIES, ...PRIVACY_ENTITIES];

export { MIGRATIONS };

export function guildhallDataSource(url: string, poolSize = 4, extra: Partial<DataSourceParts> = {}) {
  return createDataSource({ url, poolSize, entities: ENTITIES, migrations: MIGRATIONS, ...extra });
}
