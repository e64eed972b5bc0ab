// PostGraphile 5 (Amber preset, as it comes: `rowId` is the column id) over the bench database,
// for `npm run bench:peers`. Runs on the Node 22 binary installed in this folder:
//   DATABASE_URL=… PORT=… node_modules/node/bin/node postgraphile-server.mjs
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const { DATABASE_URL, PORT } = process.env;
if (!DATABASE_URL || !PORT) throw new Error('DATABASE_URL and PORT are required');

const pool = new pg.Pool({ connectionString: DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 20), application_name: 'bench-postgraphile' });
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ['public', 'bench_peers'] })],
  grafserv: { graphqlPath: '/graphql', watch: false, graphiql: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const server = createServer();
await pgl.createServ(grafserv).addTo(server);
server.listen(Number(PORT), '127.0.0.1', () => console.log(`postgraphile ready on ${PORT}`));
process.on('SIGTERM', () => server.close(() => pgl.release().then(() => pool.end()).then(() => process.exit(0))));
