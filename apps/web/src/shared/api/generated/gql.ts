/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    ...SessionFields\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...SessionFields\n  }\n}": typeof types.LogInDocument,
    "query HomeTiers {\n  membershipTiers {\n    id\n    name\n    description\n    billingInterval\n    requiresApproval\n    price {\n      amount\n      currency\n    }\n  }\n}": typeof types.HomeTiersDocument,
    "fragment SessionFields on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  user {\n    id\n    fullName\n    role\n  }\n}\n\nmutation RefreshSession {\n  refreshSession {\n    ...SessionFields\n  }\n}\n\nmutation LogOut {\n  logOut\n}": typeof types.SessionFieldsFragmentDoc,
};
const documents: Documents = {
    "mutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    ...SessionFields\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...SessionFields\n  }\n}": types.LogInDocument,
    "query HomeTiers {\n  membershipTiers {\n    id\n    name\n    description\n    billingInterval\n    requiresApproval\n    price {\n      amount\n      currency\n    }\n  }\n}": types.HomeTiersDocument,
    "fragment SessionFields on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  user {\n    id\n    fullName\n    role\n  }\n}\n\nmutation RefreshSession {\n  refreshSession {\n    ...SessionFields\n  }\n}\n\nmutation LogOut {\n  logOut\n}": types.SessionFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    ...SessionFields\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...SessionFields\n  }\n}"): (typeof documents)["mutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    ...SessionFields\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HomeTiers {\n  membershipTiers {\n    id\n    name\n    description\n    billingInterval\n    requiresApproval\n    price {\n      amount\n      currency\n    }\n  }\n}"): (typeof documents)["query HomeTiers {\n  membershipTiers {\n    id\n    name\n    description\n    billingInterval\n    requiresApproval\n    price {\n      amount\n      currency\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionFields on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  user {\n    id\n    fullName\n    role\n  }\n}\n\nmutation RefreshSession {\n  refreshSession {\n    ...SessionFields\n  }\n}\n\nmutation LogOut {\n  logOut\n}"): (typeof documents)["fragment SessionFields on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  user {\n    id\n    fullName\n    role\n  }\n}\n\nmutation RefreshSession {\n  refreshSession {\n    ...SessionFields\n  }\n}\n\nmutation LogOut {\n  logOut\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;