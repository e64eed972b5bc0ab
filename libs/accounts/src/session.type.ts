import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../core/src/index.js';

@ObjectType('Session', { description: 'A signed-in session of your account (one per log-in, kept through refreshes).' })
export class Session {
  @Field(() => ID) id: string;
  @Field({ description: 'When the session began (the log-in).' }) createdAt: Date;
  @Field({ description: 'The last log-in or token refresh of the session.' }) lastUsedAt: Date;
  @Field(() => String, { nullable: true, description: 'The browser or app that signed in, as it named itself.' }) userAgent: string | null;
  @Field(() => String, { nullable: true, description: 'The network address it signed in from.' }) clientAddress: string | null;
  // `current` is resolved from the viewer (SessionsResolver).
}

@ObjectType()
export class SessionConnection extends Connection(Session) {}
