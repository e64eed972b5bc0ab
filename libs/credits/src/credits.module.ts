import { DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { MemberTranscriptResolver } from './member-transcript.resolver.js';
import { TranscriptController } from './transcript.controller.js';
import { TranscriptResolver } from './transcript.resolver.js';
import { TranscriptService } from './transcript.service.js';
import { TRANSCRIPT_SOURCES, type TranscriptSource } from './transcript-source.js';

export interface CreditsModuleOptions {
  /** The feature modules that export the sources. */
  imports: NonNullable<ModuleMetadata['imports']>;
  /** Every `TranscriptSource` class; each must be exported by one of `imports`. */
  sources: Array<Type<TranscriptSource>>;
}

/**
 * CE credits: `myTranscript`, added up from every feature that awards credits (events, mentoring). Nest has no multi-providers, so the composition root (the app module) lists the
 * sources once and this module collects their instances under `TRANSCRIPT_SOURCES`: a feature adds
 * its source there without touching the transcript or any other source.
 */
@Module({})
export class CreditsModule {
  static forRoot(options: CreditsModuleOptions): DynamicModule {
    return {
      module: CreditsModule,
      imports: options.imports,
      controllers: [TranscriptController],
      providers: [
        { provide: TRANSCRIPT_SOURCES, inject: options.sources, useFactory: (...sources: TranscriptSource[]) => sources },
        TranscriptService,
        TranscriptResolver,
        MemberTranscriptResolver,
      ],
      exports: [TranscriptService],
    };
  }
}
