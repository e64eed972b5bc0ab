import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const checker = join(process.cwd(), 'scripts/check-boundaries.mjs');

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function check(root: string) {
  const run = spawnSync(process.execPath, [checker, root], { encoding: 'utf8' });
  return { status: run.status, lines: run.stdout.split('\n').filter((l) => /^libs\//.test(l)) };
}

const clean: Record<string, string> = {
  'libs/core/src/index.ts': `export * from './audit/audit-entry.entity.js';\n`,
  'libs/core/src/audit/audit-entry.entity.ts': `@Entity('audit_log')\nexport class AuditEntryEntity {}\n`,
  'libs/accounts/src/index.ts': `export * from './users.service.js';\nimport { UserEntity } from './entities/user.entity.js';\nexport const ACCOUNTS_ENTITIES = [UserEntity];\n`,
  'libs/accounts/src/entities/user.entity.ts': `@Entity('users')\nexport class UserEntity {}\n`,
  'libs/accounts/src/users.service.ts': `export class UsersService {}\n`,
  'libs/accounts/src/users.repository.ts': `const q = \`SELECT id FROM users WHERE id = $1\`;\n`,
  'libs/members/src/index.ts': `export * from './standing.service.js';\n`,
  'libs/members/src/entities/membership.entity.ts': `@Entity("memberships")\nexport class MembershipEntity {}\n`,
  'libs/members/src/standing.service.ts': [
    `import { UsersService } from '../../accounts/src/index.js';`,
    `import { AuditEntryEntity } from '../../core/src/audit/audit-entry.entity.js';`,
    `// SELECT * FROM users in a comment is not SQL`,
    `const q = 'SELECT 1 FROM memberships m JOIN audit_log a ON true JOIN unnest($1::uuid[]) u ON true';`,
    '',
  ].join('\n'),
  'libs/members/src/standing.spec.ts': `const seed = "INSERT INTO users (id) VALUES ($1)";\n`,
};

describe('scripts/check-boundaries.mjs', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  const make = (files: Record<string, string>) => {
    const root = tree(files);
    roots.push(root);
    return root;
  };

  let cleanRoot: string;
  beforeAll(() => {
    cleanRoot = make(clean);
  });

  it('passes a tree that keeps its boundaries (index imports, own tables, core, comments, specs)', () => {
    const result = check(cleanRoot);
    expect(result.lines).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('reports a deep import into another library, with file and line', () => {
    const result = check(make({ ...clean, 'libs/members/src/bad.ts': `\nimport { UsersRepository } from '../../accounts/src/users.repository.js';\nexport type { X } from "../../accounts/src/entities/user.entity.js";\n` }));
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([
      expect.stringMatching(/^libs\/members\/src\/bad\.ts:2: import: imports \.\.\/\.\.\/accounts\/src\/users\.repository\.js/),
      expect.stringMatching(/^libs\/members\/src\/bad\.ts:3: import: imports \.\.\/\.\.\/accounts\/src\/entities\/user\.entity\.js/),
    ]);
  });

  it('reports an index that exports a repository or an entity', () => {
    const result = check(
      make({ ...clean, 'libs/accounts/src/index.ts': `export * from './users.service.js';\nexport * from './users.repository.js';\nexport { UserEntity } from './entities/user.entity.js';\n` }),
    );
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([
      expect.stringMatching(/^libs\/accounts\/src\/index\.ts:2: export: exports \.\/users\.repository\.js/),
      expect.stringMatching(/^libs\/accounts\/src\/index\.ts:3: export: exports \.\/entities\/user\.entity\.js/),
    ]);
  });

  it('reports a query builder naming another feature\'s table', () => {
    const result = check(make({ ...clean, 'libs/members/src/qb.repository.ts': `const q = repo\n  .createQueryBuilder('m')\n  .innerJoin('users', 'u', 'u.id = m.user_id')\n  .leftJoin('memberships', 'x', 'true');\n` }));
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([expect.stringMatching(/^libs\/members\/src\/qb\.repository\.ts:3: sql: query builder names table users owned by accounts/)]);
  });

  it('reports SQL naming another feature\'s table, in strings and template literals', () => {
    const result = check(
      make({
        ...clean,
        'libs/members/src/bad.repository.ts': `const a = 'SELECT 1';\nconst b = \`SELECT m.id\n  FROM memberships m\n  JOIN "users" u ON u.id = m.user_id \${'x'}\`;\nconst c = "UPDATE public.users SET x = 1";\n`,
      }),
    );
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([
      expect.stringMatching(/^libs\/members\/src\/bad\.repository\.ts:4: sql: SQL names table users owned by accounts/),
      expect.stringMatching(/^libs\/members\/src\/bad\.repository\.ts:5: sql: SQL names table users owned by accounts/),
    ]);
  });
});

describe('known crossings (scripts/known-boundary-crossings.json)', () => {
  const crossing = {
    ...clean,
    'libs/members/src/directory.repository.ts': `const q = 'SELECT full_name FROM users';\n`,
  };
  const withList = (files: Record<string, string>, crossings: Array<{ file: string; table: string }>) =>
    tree({ ...files, 'scripts/known-boundary-crossings.json': JSON.stringify({ crossings }) });
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('a listed crossing is printed as known and does not fail the check', () => {
    const root = withList(crossing, [{ file: 'libs/members/src/directory.repository.ts', table: 'users' }]);
    roots.push(root);
    const run = spawnSync(process.execPath, [checker, root], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^known: libs\/members\/src\/directory\.repository\.ts:1: /m);
  });

  it('a listed crossing that no longer occurs fails the check, so the list only shrinks', () => {
    const root = withList(clean, [{ file: 'libs/members/src/directory.repository.ts', table: 'users' }]);
    roots.push(root);
    const run = spawnSync(process.execPath, [checker, root], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('libs/members/src/directory.repository.ts: no longer names users');
  });

  it('an unlisted crossing still fails', () => {
    const root = withList(crossing, []);
    roots.push(root);
    expect(check(root).status).toBe(1);
  });
});
