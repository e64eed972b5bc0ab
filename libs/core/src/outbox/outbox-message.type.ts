import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Connection, ConnectionArgs } from '../graphql/connection.js';
import { OutboxStatus } from './outbox-message.entity.js';

registerEnumType(OutboxStatus, { name: 'OutboxStatus' });

@ObjectType('OutboxAttachment')
export class OutboxAttachmentType {
  @Field() filename: string;
  @Field() contentType: string;
  @Field() content: string;
}

@ObjectType('OutboxMessage')
export class OutboxMessage {
  @Field(() => ID) id: string;
  @Field() createdAt: Date;
  @Field() toAddress: string;
  @Field(() => ID, { nullable: true }) recipientUserId: string | null;
  @Field() template: string;
  @Field() subject: string;
  @Field() bodyText: string;
  @Field(() => String, { nullable: true, description: 'The HTML alternative, when the template has one.' }) bodyHtml: string | null;
  @Field(() => [OutboxAttachmentType], { nullable: true, description: 'Files sent with the message, e.g. an event .ics.' })
  attachments: OutboxAttachmentType[] | null;
  @Field(() => OutboxStatus) status: OutboxStatus;
  @Field(() => Int) attempts: number;
  @Field(() => Date, { nullable: true }) deliveredAt: Date | null;
  @Field(() => String, { nullable: true }) lastError: string | null;
}

@ObjectType()
export class OutboxMessageConnection extends Connection(OutboxMessage) {}

@ArgsType()
export class OutboxMessagesArgs extends ConnectionArgs {
  @Field(() => OutboxStatus, { nullable: true })
  @IsOptional()
  @IsEnum(OutboxStatus)
  status?: OutboxStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  to?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  template?: string;
}
