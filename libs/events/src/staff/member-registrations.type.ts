import { ArgsType, Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { Connection, ConnectionArgs } from '../../../core/src/index.js';
import { RegistrationStatus } from '../events.enums.js';

@ObjectType({ description: "A person's registration as membership and event staff see it on the member's page." })
export class MemberRegistration {
  @Field(() => ID) id: string;
  @Field(() => RegistrationStatus) status: RegistrationStatus;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) cancelledAt: Date | null;
  @Field(() => ID) eventId: string;
  @Field() eventTitle: string;
  @Field() eventStartsAt: Date;
  @Field(() => Float, { description: 'CE credits of the sessions attended.' }) creditsEarned: number;
}

@ObjectType()
export class MemberRegistrationConnection extends Connection(MemberRegistration) {}

@ArgsType()
export class MemberRegistrationsArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id' })
  userId: string;
}
