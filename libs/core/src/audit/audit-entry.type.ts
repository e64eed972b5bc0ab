import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Connection, ConnectionArgs } from '../graphql/connection.js';
import { JSONScalar } from '../graphql/json.scalar.js';

@ObjectType('AuditEntry')
export class AuditEntry {
  @Field(() => ID) id: string;
  @Field() createdAt: Date;
  @Field(() => ID, { nullable: true, description: 'The account that acted; null for the system.' }) actorId: string | null;
  @Field({ description: 'e.g. user.setRole, membership.approve' }) action: string;
  @Field() targetType: string;
  @Field(() => String, { nullable: true }) targetId: string | null;
  @Field(() => JSONScalar, { nullable: true }) before: Record<string, unknown> | null;
  @Field(() => JSONScalar, { nullable: true }) after: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) requestId: string | null;
}

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry) {}

@ArgsType()
export class AuditLogArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a user id' })
  actorId?: string;

  @Field(() => String, { nullable: true, description: 'e.g. User, Membership, Event, Registration' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  targetType?: string;

  @Field(() => String, { nullable: true, description: "The record's id: with targetType, one record's trail." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  targetId?: string;

  @Field(() => Date, { nullable: true, description: 'Entries at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Entries before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}
