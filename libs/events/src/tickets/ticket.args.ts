import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { Trim } from '../../../core/src/index.js';

@ArgsType()
export class CheckInTicketArgs {
  @Field(() => ID, { description: 'The event being checked in at the door.' })
  @IsUUID('all', { message: 'eventId must be an event id' })
  eventId: string;

  @Field({ description: "The code on the ticket (in its QR code, or typed)." })
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
export class EventCheckInCountsArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'eventId must be an event id' })
  eventId: string;
}
