import { randomBytes } from 'node:crypto';
import { UsersService } from '../../libs/accounts/src/index.js';
import { TestApp } from '../utils/test-app.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

let sequence = 0;
export function uniqueEmail(prefix = 'member'): string {
  return `${prefix}.${++sequence}.${randomBytes(3).toString('hex')}@example.org`;
}

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken user { id email } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken user { id email } } }`;

/** Signs a new member up through the API. */
export async function signUpUser(t: TestApp, overrides: { email?: string; fullName?: string; password?: string } = {}): Promise<TestUser> {
  const password = overrides.password ?? 'correct horse battery';
  const input = { email: overrides.email ?? uniqueEmail(), password, fullName: overrides.fullName ?? 'Test Member' };
  const result = await t.gql(SIGN_UP, { input });
  if (!result.data?.signUp) throw new Error(`signUp failed: ${JSON.stringify(result.errors)}`);
  const payload = result.data.signUp;
  return { id: payload.user.id, email: payload.user.email, password, accessToken: payload.accessToken, refreshToken: payload.refreshToken };
}

export async function logIn(t: TestApp, email: string, password: string): Promise<TestUser> {
  const result = await t.gql(LOG_IN, { input: { email, password } });
  if (!result.data?.logIn) throw new Error(`logIn failed: ${JSON.stringify(result.errors)}`);
  const payload = result.data.logIn;
  return { id: payload.user.id, email: payload.user.email, password, accessToken: payload.accessToken, refreshToken: payload.refreshToken };
}

/** An admin made the way the CLI makes one, then signed in through the API. */
export async function createAdminUser(t: TestApp): Promise<TestUser> {
  const email = uniqueEmail('admin');
  const password = 'admin password 123';
  await t.app.get(UsersService).createAdmin(email, password, 'test');
  return logIn(t, email, password);
}
