import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../../core/src/index.js';
import { UserEntity } from './entities/user.entity.js';

/** How to reach a person: what other features may read about an account. */
export interface UserContact {
  id: string;
  email: string;
  fullName: string;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByEmail(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).findOneBy({ email: email.toLowerCase() });
  }

  /** Rows in the order of `ids` (missing ones as undefined): the shape DataLoader wants. */
  async findByIds(ids: readonly string[], manager?: EntityManager): Promise<Array<UserEntity | undefined>> {
    const rows = await this.repo(manager).createQueryBuilder('u').where('u.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** Email and name of each id, in order (missing ones as undefined); in the caller's transaction when given. */
  async contactsByIds(ids: readonly string[], manager?: EntityManager): Promise<Array<UserContact | undefined>> {
    const rows: UserContact[] = await (manager ?? this.dataSource.manager).query(
      `SELECT id, email, full_name AS "fullName" FROM users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** Email and name of every admin (notices about the platform itself). */
  adminContacts(manager?: EntityManager): Promise<UserContact[]> {
    return (manager ?? this.dataSource.manager).query(`SELECT id, email, full_name AS "fullName" FROM users WHERE role = 'ADMIN' ORDER BY created_at`);
  }

  async updateFullName(id: string, fullName: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { fullName });
  }

  insert(manager: EntityManager, user: Pick<UserEntity, 'email' | 'passwordHash' | 'fullName' | 'role'>): Promise<UserEntity> {
    return this.repo(manager).save(this.repo(manager).create({ ...user, email: user.email.toLowerCase() }));
  }

  async lockById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return this.repo(manager).createQueryBuilder('u').where('u.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** Locks every admin row so two demotions cannot both see "another admin remains". */
  async lockAdmins(manager: EntityManager): Promise<string[]> {
    const rows = await this.repo(manager)
      .createQueryBuilder('u')
      .select('u.id')
      .where('u.role = :role', { role: Role.ADMIN })
      .setLock('pessimistic_write')
      .getMany();
    return rows.map((r) => r.id);
  }

  async updateRole(manager: EntityManager, id: string, role: Role): Promise<void> {
    await this.repo(manager).update({ id }, { role });
  }

  async updatePasswordHash(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await this.repo(manager).update({ id }, { passwordHash });
  }

  async anyAdminExists(): Promise<boolean> {
    return this.repo().exists({ where: { role: Role.ADMIN } });
  }
}
