import { ArgsType, Args, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { RequirePermission, StaffPermission } from '../../core/src/index.js';
import { TranscriptArgs } from './transcript.args.js';
import { TranscriptService } from './transcript.service.js';
import { Transcript } from './transcript.type.js';

@ArgsType()
export class MemberTranscriptArgs extends TranscriptArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id' })
  userId: string;
}

/** The staff console's member page: one person's CE credits (a query, not a User field, so a list cannot fan it out). */
@Resolver(() => Transcript)
export class MemberTranscriptResolver {
  constructor(private readonly transcripts: TranscriptService) {}

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER, StaffPermission.EVENT_MANAGER)
  @Query(() => Transcript, { description: "MEMBERSHIP_MANAGER or EVENT_MANAGER staff: one person's CE credits (as myTranscript)." })
  memberTranscript(@Args() args: MemberTranscriptArgs): Promise<Transcript> {
    return this.transcripts.forUser(args.userId, args.from, args.to);
  }
}
