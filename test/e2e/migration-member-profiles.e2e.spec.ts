import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MoveProfilesToMembers1795894000001 } from '../../migrations/1795894000001-MoveProfilesToMembers.js';
import { guildhallDataSource, MIGRATIONS } from '../../migrations/data-source.js';
import { adminQuery, adminUrl } from '../utils/test-db.js';

/** MoveProfilesToMembers on a database holding profiles the old way (on `users`). */
describe('migration: profiles move from users to member_profiles', () => {
  const name = `guildhall_prof_${randomBytes(4).toString('hex')}`;
  const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(MoveProfilesToMembers1795894000001));
  let db: DataSource;
  let withProfile: string;
  let withoutProfile: string;

  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE ${name}`);
    db = await guildhallDataSource(adminUrl(name), 2, { migrations: before }).initialize();
    await db.runMigrations({ transaction: 'each' });
    [{ id: withProfile }] = await db.query(
      `INSERT INTO users (email, password_hash, full_name, headline, bio, location, employer, skills, directory_visible)
       VALUES ('old@example.org', 'x', 'Olga Oldway', 'Ceramicist', 'Makes pots.', 'Lisbon', 'Clayworks', '{pottery,glazes}', true) RETURNING id`,
    );
    [{ id: withoutProfile }] = await db.query(`INSERT INTO users (email, password_hash, full_name) VALUES ('bare@example.org', 'x', 'Bart Bare') RETURNING id`);
  });
  afterAll(async () => {
    await db?.destroy();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('copies every profile with its data and search vector, then drops the columns from users', async () => {
    const runner = db.createQueryRunner();
    try {
      await new MoveProfilesToMembers1795894000001().up(runner);
    } finally {
      await runner.release();
    }
    const rows = await db.query(
      `SELECT user_id, headline, bio, location, employer, skills, directory_visible,
              search_vector @@ to_tsquery('simple', 'olga') AS name_found, search_vector @@ to_tsquery('simple', 'glazes') AS skill_found
         FROM member_profiles ORDER BY headline NULLS LAST`,
    );
    expect(rows).toEqual([
      { user_id: withProfile, headline: 'Ceramicist', bio: 'Makes pots.', location: 'Lisbon', employer: 'Clayworks', skills: ['pottery', 'glazes'], directory_visible: true, name_found: true, skill_found: true },
      { user_id: withoutProfile, headline: null, bio: null, location: null, employer: null, skills: [], directory_visible: false, name_found: false, skill_found: false },
    ]);
    const left = await db.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'users' AND column_name IN ('headline', 'skills', 'search_vector', 'directory_visible')`,
    );
    expect(left).toEqual([]);
  });

  it('keeps search on the name: a new account gets a profile row, and a rename refreshes its vector', async () => {
    const [{ id }] = await db.query(`INSERT INTO users (email, password_hash, full_name) VALUES ('new@example.org', 'x', 'Nina New') RETURNING id`);
    const found = async (word: string) =>
      (await db.query(`SELECT user_id FROM member_profiles WHERE search_vector @@ to_tsquery('simple', $1)`, [word])).map((r: { user_id: string }) => r.user_id);
    expect(await found('nina')).toEqual([id]);
    await db.query(`UPDATE users SET full_name = 'Nora Renamed' WHERE id = $1`, [id]);
    expect(await found('nina')).toEqual([]);
    expect(await found('renamed')).toEqual([id]);
  });

  it('goes back down with the profile data on users again', async () => {
    const runner = db.createQueryRunner();
    try {
      await new MoveProfilesToMembers1795894000001().down(runner);
    } finally {
      await runner.release();
    }
    const [row] = await db.query(
      `SELECT headline, skills, directory_visible, search_vector @@ to_tsquery('simple', 'olga') AS name_found FROM users WHERE id = $1`,
      [withProfile],
    );
    expect(row).toEqual({ headline: 'Ceramicist', skills: ['pottery', 'glazes'], directory_visible: true, name_found: true });
    expect(await db.query(`SELECT to_regclass('member_profiles') AS t`)).toEqual([{ t: null }]);
  });
});
