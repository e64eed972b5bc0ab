import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput, ConnectionShape, decodeCursor, lazy, pageSize, toConnection, isUuid } from '../../../core/src/index.js';

import { peopleSql, User } from '../../../accounts/src/index.js';
import { MembershipStatus } from '../membership.enums.js';
import { goodStandingSql } from '../standing/good-standing.rule.js';
import { type MemberProfileRow, PROFILE_IN_ROW_SELECT, profileInRow } from '../member-profiles.repository.js';
import { likePrefix, toPrefixTsQuery } from './search-terms.js';

export interface MemberSearch {
  first?: number;
  after?: string;
  search?: string;
  /** Directory: only members in good standing who chose to be listed. */
  directoryOnly: boolean;
  /** Admin list: filter on the person's current-or-latest membership. */
  status?: MembershipStatus;
  tierId?: string;
  /** Admin list: the current-or-latest membership started in [joinedFrom, joinedTo). */
  joinedFrom?: Date;
  joinedTo?: Date;
  /** Admin list: the current-or-latest membership went to LAPSED in [lapsedFrom, lapsedTo). */
  lapsedFrom?: Date;
  lapsedTo?: Date;
  skills?: string[];
  location?: string;
  /** Admin list: the search also matches email prefixes. */
  matchEmail?: boolean;
  /** What the page shows beyond the account's id, name, role, email and staff permissions. */
  read?: MemberSearchReads;
}

/** Optional parts of each row, read only when the page shows them. */
export interface MemberSearchReads {
  /** The account's createdAt. */
  createdAt?: boolean;
  /** The person's profile (headline, skills…), from the row the search joins anyway. */
  profile?: boolean;
}

/** A person found: the account, and their profile when it was asked for (undefined: none). */
export type MemberSearchRow = User & { profile?: MemberProfileRow };

/** The account's columns (accounts' `peopleSql`, alias `u`) the search filters, orders and pages on. */
const [ID, EMAIL, FULL_NAME] = [peopleSql.column('u', 'id'), peopleSql.column('u', 'email'), peopleSql.column('u', 'fullName')];
/** The account's own fields; createdAt and the profile fields when asked (else they resolve through the per-request loaders). */
const USER_COLUMNS = (['id', 'email', 'fullName', 'role', 'staffPermissions'] as const).map((field) => `${peopleSql.column('u', field)} AS "${field}"`).join(', ');

/**
 * One statement per page, keyset-paged: by relevance then name when searching, by name otherwise.
 * The cursor holds the sort key (rank, name, id), so pages are stable while rows are added.
 */
@Injectable()
export class MemberSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(options: MemberSearch): Promise<ConnectionShape<MemberSearchRow>> {
    const first = pageSize(options.first);
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    const tsQuery = toPrefixTsQuery(options.search);
    let join = '';

    if (options.directoryOnly) {
      where.push('p.directory_visible');
      join = `JOIN memberships m ON m.user_id = ${ID} AND ${goodStandingSql('m')}`;
    } else if (options.status || options.tierId || options.joinedFrom || options.joinedTo || options.lapsedFrom || options.lapsedTo) {
      join = `JOIN LATERAL (SELECT x.id, x.status, x.tier_id, x.started_at FROM memberships x WHERE x.user_id = ${ID}
                ORDER BY (x.status IN ('PENDING_APPROVAL', 'PENDING_PAYMENT', 'ACTIVE', 'GRACE')) DESC, x.created_at DESC LIMIT 1) m ON true`;
      if (options.status) where.push(`m.status = ${p(options.status)}`);
      if (options.tierId) where.push(`m.tier_id = ${p(options.tierId)}::uuid`);
      if (options.joinedFrom) where.push(`m.started_at >= ${p(options.joinedFrom)}`);
      if (options.joinedTo) where.push(`m.started_at < ${p(options.joinedTo)}`);
      if (options.lapsedFrom || options.lapsedTo) {
        const range = [
          options.lapsedFrom ? `c.created_at >= ${p(options.lapsedFrom)}` : '',
          options.lapsedTo ? `c.created_at < ${p(options.lapsedTo)}` : '',
        ].filter(Boolean);
        where.push(`EXISTS (SELECT 1 FROM membership_status_changes c WHERE c.membership_id = m.id AND c.to_status = 'LAPSED' AND ${range.join(' AND ')})`);
      }
    }
    if (options.skills?.length) where.push(`p.skills @> ${p(options.skills.map((s) => s.trim().toLowerCase()))}::text[]`);
    if (options.location) where.push(`p.location ILIKE ${p(likePrefix(options.location.trim()))}`);

    let rank = '0::real';
    if (tsQuery) {
      const q = p(tsQuery);
      rank = `ts_rank(p.search_vector, to_tsquery('simple', ${q}))`;
      const textMatch = `p.search_vector @@ to_tsquery('simple', ${q})`;
      where.push(options.matchEmail && options.search ? `(${textMatch} OR ${EMAIL} LIKE ${p(likePrefix(options.search.trim().toLowerCase()))})` : textMatch);
    } else if (options.search && options.matchEmail) {
      where.push(`${EMAIL} LIKE ${p(likePrefix(options.search.trim().toLowerCase()))}`);
    }

    const filterSql = `FROM ${peopleSql.from('u')} LEFT JOIN member_profiles p ON p.user_id = ${ID} ${join} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const countParams = [...params];
    const after = decodeCursor(options.after, 3);
    const pageWhere: string[] = [];
    if (after) {
      const [r, name, id] = after;
      if (typeof r !== 'number' || typeof name !== 'string' || !isUuid(id)) {
        throw badInput('after', 'is not a cursor this list gave out');
      }
      pageWhere.push(`(${rank} < ${p(r)}::real OR (${rank} = ${p(r)}::real AND (${FULL_NAME}, ${ID}) > (${p(name)}, ${p(id)}::uuid)))`);
    }
    const columns = [USER_COLUMNS];
    if (options.read?.createdAt) columns.push(`${peopleSql.column('u', 'createdAt')} AS "createdAt"`);
    if (options.read?.profile) columns.push(PROFILE_IN_ROW_SELECT);
    const sql = `SELECT ${columns.join(', ')}, ${rank} AS rank ${filterSql}
      ${pageWhere.length ? `${where.length ? 'AND' : 'WHERE'} ${pageWhere.join(' AND ')}` : ''}
      ORDER BY rank DESC, ${FULL_NAME} ASC, ${ID} ASC LIMIT ${first + 1}`;
    const rows: Array<MemberSearchRow & { rank: number }> = await this.dataSource.query(sql, params);
    if (options.read?.profile) for (const row of rows) row.profile = profileInRow(row);
    return toConnection(
      rows,
      first,
      (row) => [Number(row.rank), row.fullName, row.id],
      lazy(async () => {
        const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n ${filterSql}`, countParams);
        return n as number;
      }),
    );
  }
}
