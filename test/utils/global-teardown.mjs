// Plain JS (Jest loads global hooks outside its ESM transform): drops this run's template and any
// test database a crashed file left behind.
import pg from 'pg';

export default async function globalTeardown() {
  if (!process.env.GUILDHALL_TEST_ADMIN_URL) return;
  const run = process.env.GUILDHALL_TEST_RUN_ID ?? 'local';
  const client = new pg.Client({ connectionString: process.env.GUILDHALL_TEST_ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [
      `guildhall_t_${run}_%`,
      `guildhall_tpl_${run}`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
