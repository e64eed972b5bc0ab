/** The GraphQL operations the HTTP benchmark and the statement counter both run. */
export const ME = `query Me { me { id email fullName role } }`;

export const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }`;

export const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { accessToken } }`;

export const DIRECTORY = `query Directory($first: Int, $after: String, $search: String) {
  memberDirectory(first: $first, after: $after, search: $search) {
    edges { cursor node { id fullName headline location employer skills } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** A skill every seed draws from, so a search has thousands of matches to rank. */
export const SEARCH_TERM = 'python';

export interface Operation {
  name: string;
  query: string;
  variables: () => Record<string, unknown>;
  /** Sent with the known member's access token (or `bearer`). */
  authenticated: boolean;
  /** Another bearer than the member's session: an API token's secret. */
  bearer?: string;
}

export interface OperationContext {
  memberEmail: string;
  memberPassword: string;
  /** The endCursor of directory page 49 (first: 20), i.e. the way to page 50. */
  deepCursor: string;
  /** Makes each sign-up email unique across runs and requests. */
  signUpPrefix: string;
  /** An API token's secret (the bench admin's, FINANCE), for what an integrator's reads cost. */
  apiToken: string;
}

export function operations(ctx: OperationContext): Operation[] {
  let signUps = 0;
  return [
    { name: 'me', query: ME, variables: () => ({}), authenticated: true },
    { name: 'me (API token)', query: ME, variables: () => ({}), authenticated: true, bearer: ctx.apiToken },
    {
      name: 'signUp',
      query: SIGN_UP,
      variables: () => ({ input: { email: `${ctx.signUpPrefix}.${++signUps}@bench.example.org`, password: 'bench signup password', fullName: 'Bench Sign Up' } }),
      authenticated: false,
    },
    { name: 'logIn', query: LOG_IN, variables: () => ({ input: { email: ctx.memberEmail, password: ctx.memberPassword } }), authenticated: false },
    { name: 'directory first page (first: 20)', query: DIRECTORY, variables: () => ({ first: 20 }), authenticated: true },
    { name: 'directory page 50 (first: 20)', query: DIRECTORY, variables: () => ({ first: 20, after: ctx.deepCursor }), authenticated: true },
    { name: `directory search "${SEARCH_TERM}" (first: 20)`, query: DIRECTORY, variables: () => ({ first: 20, search: SEARCH_TERM }), authenticated: true },
  ];
}
