/** Minimal GraphQL-over-HTTP calls for setting a benchmark up (not for measuring). */
export async function gql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

export async function logIn(url: string, email: string, password: string): Promise<string> {
  const data = await gql<{ logIn: { accessToken: string } }>(
    url,
    `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`,
    { input: { email, password } },
  );
  return data.logIn.accessToken;
}
