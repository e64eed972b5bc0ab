import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ConnectionArgs, Trim } from '../../../core/src/index.js';
import { EventKind, EventStatus, RegistrationStatus } from '../events.enums.js';

@ArgsType()
export class EventsArgs extends ConnectionArgs {
  @Field(() => Date, { nullable: true, description: 'Events that end after this time.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Events that start before this time.' })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field(() => EventKind, { nullable: true })
  @IsOptional()
  @IsEnum(EventKind)
  kind?: EventKind;

  @Field(() => String, { nullable: true, description: 'Words matched in the title and description.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => EventStatus, { nullable: true, description: 'Admins only (others see published, cancelled and completed events).' })
  @IsOptional()
  @IsEnum(EventStatus)
  status?: EventStatus;
}

@ArgsType()
export class EventIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an event id' })
  id: string;
}

@ArgsType()
export class RegisterArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'eventId must be an event id' })
  eventId: string;
}

@ArgsType()
export class CancelEventArgs extends EventIdArgs {
  @Field()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'reason must not be empty' })
  @MaxLength(1000)
  reason: string;
}

@ArgsType()
export class RegistrationIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'registrationId must be a registration id' })
  registrationId: string;
}

@ArgsType()
export class CheckInArgs extends RegistrationIdArgs {
  @Field(() => ID, { nullable: true, description: 'Required when the event has more than one session.' })
  @IsOptional()
  @IsUUID('all', { message: 'sessionId must be a session id' })
  sessionId?: string;
}

@ArgsType()
export class CheckInByCodeArgs {
  @Field({ description: "The code on the registrant's ticket." })
  @Trim()
  @IsString()
  @Matches(/^[A-Z0-9]{10}$/, { message: 'code must be the 10-character code on the ticket' })
  code: string;

  @Field(() => ID, { nullable: true, description: 'Required when the event has more than one session.' })
  @IsOptional()
  @IsUUID('all', { message: 'sessionId must be a session id' })
  sessionId?: string;
}

@ArgsType()
export class MyRegistrationsArgs extends ConnectionArgs {
  @Field(() => Boolean, { nullable: true, description: 'true: events not yet ended; false: past events; omitted: all.' })
  @IsOptional()
  @IsBoolean()
  upcoming?: boolean;
}

@ArgsType()
export class EventRegistrationsArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'eventId must be an event id' })
  eventId: string;

  @Field(() => RegistrationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(RegistrationStatus)
  status?: RegistrationStatus;
}

@ArgsType()
export class VerifyCertificateArgs {
  @Field()
  @Trim()
  @IsString()
  @MaxLength(64)
  code: string;
}
