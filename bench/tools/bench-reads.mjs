/** The bench:peers reads and log-ins for the tools here, from a built dist-bench (`npm run build:bench`). */
import pg from 'pg';

/**
 * The reads bench:peers times, with the ids of the bench database at `url` (bench/peers/context.ts, as run.ts reads
 * them), and `tokens(apiUrl)`: the bench member's and admin's tokens for an API once it answers.
 */
export async function benchReads(dist, url) {
  const { peerReads } = await import(`${dist}/bench/peers/reads.js`);
  const { benchContext, tokensFor } = await import(`${dist}/bench/peers/context.js`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return { reads: peerReads(await benchContext(client, true)), tokens: tokensFor };
  } finally {
    await client.end();
  }
}

/** `headersFor` of bench/peers/context.ts, from the same dist-bench. */
export async function requestHeaders(dist) {
  return (await import(`${dist}/bench/peers/context.js`)).headersFor;
}

/**
 * The read named `key` (a bench:peers read key), the tokens function and `headersFor`, for a tool that times one
 * read; throws naming the known keys when there is no such read.
 */
export async function namedRead(dist, url, key) {
  const { reads, tokens } = await benchReads(dist, url);
  const read = reads.find((r) => r.key === key);
  if (!read) throw new Error(`no read ${key}; known: ${reads.map((r) => r.key).join(', ')}`);
  return { read, tokens, headersFor: await requestHeaders(dist) };
}
