import { Args, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, type Viewer } from '../../core/src/index.js';
import { TranscriptArgs } from './transcript.args.js';
import { TranscriptService } from './transcript.service.js';
import { Transcript } from './transcript.type.js';

@Resolver(() => Transcript)
export class TranscriptResolver {
  constructor(private readonly transcripts: TranscriptService) {}

  @Authenticated()
  @Query(() => Transcript, { description: 'Your CE credits: in total, by category, and each activity.' })
  myTranscript(@Args() args: TranscriptArgs, @CurrentViewer() viewer: Viewer): Promise<Transcript> {
    return this.transcripts.forUser(viewer.id, args.from, args.to);
  }
}
