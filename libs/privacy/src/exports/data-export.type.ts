import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DataExportEntity, DataExportState } from './data-export.entity.js';

export enum ExportStatus {
  PENDING = 'PENDING',
  READY = 'READY',
  EXPIRED = 'EXPIRED',
  FAILED = 'FAILED',
}
registerEnumType(ExportStatus, { name: 'ExportStatus', description: 'EXPIRED: past its 7 days, or downloaded already.' });

@ObjectType('DataExport')
export class DataExport {
  @Field(() => ID) id: string;
  @Field(() => ExportStatus) status: ExportStatus;
  @Field() requestedAt: Date;
  @Field(() => Date, { nullable: true }) readyAt: Date | null;
  @Field(() => String, { nullable: true, description: 'For the person it is about, while READY: open it signed in; it works once.' })
  downloadUrl: string | null;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;

  /** The public shape; the link only for `viewerId`'s own export. */
  static from(row: DataExportEntity, viewerId: string, urlFor: (id: string, token: string) => string): DataExport {
    const spent = row.status === DataExportState.READY && (row.downloadedAt !== null || (row.expiresAt !== null && row.expiresAt.getTime() <= Date.now()));
    const status = spent ? ExportStatus.EXPIRED : (row.status as unknown as ExportStatus);
    const mine = row.userId === viewerId;
    return {
      id: row.id,
      status,
      requestedAt: row.requestedAt,
      readyAt: row.readyAt,
      expiresAt: row.expiresAt,
      downloadUrl: status === ExportStatus.READY && mine && row.downloadToken ? urlFor(row.id, row.downloadToken) : null,
    };
  }
}
