import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../core/src/index.js';
import { ApiTokenKind } from './api-token-scope.js';

@ObjectType('ApiToken', { description: 'A bearer credential for integrations; its secret is shown only when it is made.' })
export class ApiToken {
  @Field(() => ID) id: string;
  @Field(() => ApiTokenKind) kind: ApiTokenKind;
  @Field() name: string;
  @Field(() => ID, { description: 'The account whose rights bound the token.' }) ownerId: string;
  @Field(() => [String], { description: 'Staff permissions, or READ_MEMBERS (member data, queries only).' }) scopes: string[];
  @Field({ description: 'The first characters of the secret, to tell tokens apart.' }) secretPrefix: string;
  @Field() createdAt: Date;
  @Field() expiresAt: Date;
  @Field(() => Date, { nullable: true, description: 'Updated at most once a minute.' }) lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}

@ObjectType()
export class ApiTokenCreated {
  @Field(() => ApiToken) token: ApiToken;
  @Field({ description: 'Send as `Authorization: Bearer <secret>`. Shown this once; only its hash is kept.' }) secret: string;
}

@ObjectType()
export class ApiTokenConnection extends Connection(ApiToken) {}
