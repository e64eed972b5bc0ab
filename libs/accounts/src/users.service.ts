import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ALL_STAFF_PERMISSIONS,
  APP_CONFIG,
  type AppConfig,
  AuditService,
  badInput,
  conflict,
  type ConnectionArgs,
  type ConnectionShape,
  decodeCursor,
  isUuid,
  lazy,
  notFound,
  pageSize,
  ROOT_LOGGER,
  Role,
  type RootLogger,
  type StaffPermission,
  toConnection,
  Viewer,
} from '../../core/src/index.js';
import { UserEntity } from './entities/user.entity.js';
import { PasswordHasher } from './password-hasher.js';
import type { User } from './user.type.js';
import { type NameMatch, type UserContact, UsersRepository } from './users.repository.js';

export type { NameMatch } from './users.repository.js';
export type { UserContact } from './users.repository.js';

@Injectable()
export class UsersService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
    @Inject('DATABASE_MIGRATED') private readonly migrated: boolean,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  /** First admin: GUILDHALL_ADMIN_EMAIL/PASSWORD create one at start when no admin exists yet. */
  async onModuleInit(): Promise<void> {
    if (!this.config.adminEmail || !this.config.adminPassword) return;
    if (!this.migrated && !(await this.hasUsersTable())) return;
    if (await this.users.anyAdminExists()) return;
    const outcome = await this.createAdmin(this.config.adminEmail, this.config.adminPassword, 'GUILDHALL_ADMIN_EMAIL');
    this.logger.info({ context: 'accounts', email: this.config.adminEmail, outcome }, 'First admin ensured');
  }

  /**
   * Makes `email` an admin: creates the account, or promotes an existing one (its password is kept).
   * Audited as done by the system. Safe to repeat.
   */
  async createAdmin(email: string, password: string, source: string): Promise<'created' | 'promoted' | 'unchanged'> {
    const passwordHash = await this.hasher.hash(password);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('guildhall:create-admin'))`);
      const existing = await this.users.findByEmail(email, manager);
      if (existing?.role === Role.ADMIN) return 'unchanged';
      if (existing) {
        await this.users.updateRole(manager, existing.id, Role.ADMIN);
        await this.audit.record(manager, {
          actorId: null,
          action: 'user.setRole',
          targetType: 'User',
          targetId: existing.id,
          before: { role: existing.role },
          after: { role: Role.ADMIN, source },
        });
        return 'promoted';
      }
      // Made by whoever runs the server: the address needs no link to prove it.
      const user = await this.users.insert(manager, { email, passwordHash, fullName: 'Administrator', role: Role.ADMIN, emailVerifiedAt: new Date() });
      await this.audit.record(manager, {
        actorId: null,
        action: 'user.createAdmin',
        targetType: 'User',
        targetId: user.id,
        after: { email: user.email, role: Role.ADMIN, source },
      });
      return 'created';
    });
  }

  /** An admin changes a role; the last admin cannot be demoted (nobody could administer the association). */
  async setRole(actor: Viewer, userId: string, role: Role, requestId: string): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const admins = await this.users.lockAdmins(manager);
      const user = await this.users.lockById(manager, userId);
      if (!user) throw notFound('User');
      if (user.role === role) return user;
      if (user.role === Role.ADMIN && admins.length <= 1) {
        throw conflict('The last admin cannot be demoted; make someone else an admin first', 'LAST_ADMIN');
      }
      await this.users.updateRole(manager, userId, role);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'user.setRole',
        targetType: 'User',
        targetId: userId,
        before: { role: user.role },
        after: { role },
        requestId,
      });
      return { ...user, role };
    });
  }

  /**
   * An admin sets the staff permissions an account holds (the whole set, sorted in the enum's order).
   * Audited with before and after; setting the same set again writes nothing. An ADMIN already holds
   * every permission, so the list matters for them only once they are demoted.
   */
  async setStaffPermissions(actor: Viewer, userId: string, permissions: StaffPermission[], requestId: string): Promise<UserEntity> {
    const wanted = ALL_STAFF_PERMISSIONS.filter((p) => permissions.includes(p));
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.lockById(manager, userId);
      if (!user) throw notFound('User');
      const held = ALL_STAFF_PERMISSIONS.filter((p) => user.staffPermissions.includes(p));
      if (held.join() === wanted.join()) return user;
      await this.users.updateStaffPermissions(manager, userId, wanted);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'user.setStaffPermissions',
        targetType: 'User',
        targetId: userId,
        before: { staffPermissions: held },
        after: { staffPermissions: wanted },
        requestId,
      });
      return { ...user, staffPermissions: wanted };
    });
  }

  /** Accounts with staff rights (ADMIN or any permission), by name; keyset-paged. */
  async staffAccounts(args: ConnectionArgs): Promise<ConnectionShape<UserEntity>> {
    const first = pageSize(args.first);
    const after = decodeCursor(args.after, 2);
    if (after && (typeof after[0] !== 'string' || !isUuid(after[1]))) throw badInput('after', 'is not a cursor this list gave out');
    const rows = await this.users.staffPage(after as [string, string] | undefined, first + 1);
    return toConnection(rows, first, (u) => [u.fullName, u.id], lazy(() => this.users.staffCount()));
  }

  /** People's accounts, in the order of `ids` (undefined when there is no such account). */
  people(ids: readonly string[], manager?: EntityManager): Promise<Array<User | undefined>> {
    return ids.length ? this.users.findByIds(ids, manager) : Promise.resolve([]);
  }

  /**
   * Locks the account row for the caller's transaction: whatever changes one person's memberships
   * serialises on it. False when there is no such account.
   */
  async lock(manager: EntityManager, userId: string): Promise<boolean> {
    return (await this.users.lockById(manager, userId)) !== null;
  }

  /** Renames the account (the profile itself belongs to members); in the caller's transaction when given. */
  async rename(userId: string, fullName: string, manager?: EntityManager): Promise<void> {
    await this.users.updateFullName(userId, fullName, manager);
  }

  /** Email and name of each person, in the order of `ids` (undefined when there is no such account). */
  contacts(ids: readonly string[], manager?: EntityManager): Promise<Array<UserContact | undefined>> {
    return ids.length ? this.users.contactsByIds(ids, manager) : Promise.resolve([]);
  }

  /**
   * Of the people `ids` (another feature's list, e.g. an event's registrants), those whose name holds
   * every word, by name: a page of `limit` after the keyset `after`. Other features search names
   * here instead of reading the users table.
   */
  namesMatching(ids: readonly string[], words: readonly string[], limit: number, after?: readonly [string, string]): Promise<NameMatch[]> {
    return ids.length && words.length ? this.users.namesMatching(ids, words, limit, after) : Promise.resolve([]);
  }

  countNamesMatching(ids: readonly string[], words: readonly string[]): Promise<number> {
    return ids.length && words.length ? this.users.countNamesMatching(ids, words) : Promise.resolve(0);
  }

  /** Every admin's email and name, in the caller's transaction when given. */
  adminContacts(manager?: EntityManager): Promise<UserContact[]> {
    return this.users.adminContacts(manager);
  }

  async findById(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }

  private async hasUsersTable(): Promise<boolean> {
    const rows: Array<{ exists: boolean }> = await this.dataSource.query(`SELECT to_regclass('users') IS NOT NULL AS exists`);
    return rows[0].exists;
  }
}
