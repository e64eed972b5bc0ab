import autocannon, { type Result } from 'autocannon';
import { printTable } from '../table.js';
import { cpuSeconds, type RunningTarget } from './targets.js';
import { fmt, mean } from './util.js';

/** One HTTP request as sent: POST to `path` on the target. */
export interface SentRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export type Timing = Result & { failed: number; cpuMsPerRequest: number | null };

export interface TimingOptions {
  duration: number;
  connections: number;
  /** Stop after this many requests even before `duration` (writes: one prepared member per request). */
  maxRequests?: number;
  /** A 200 answer that is a failure all the same (a GraphQL error, a webhook not applied). */
  failed(body: string): boolean;
  /**
   * Writes: how many requests the target completed (rows written). With it, the CPU per request is the target's CPU
   * until it is idle again (requests still in flight when autocannon stops are finished by the server, and a slow
   * write's backlog would otherwise count in CPU but not in requests) divided by that count.
   */
  completed?: () => Promise<number>;
}

/** Waits until the process's CPU time stops moving (two quiet quarter-seconds in a row, at most 60 s). */
async function settled(pid: number): Promise<number | null> {
  let last = cpuSeconds(pid);
  for (let quiet = 0, waited = 0; quiet < 2 && waited < 60_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = cpuSeconds(pid);
    quiet = now !== null && last !== null && now - last < 0.02 ? quiet + 1 : 0;
    last = now;
  }
  return last;
}

/**
 * autocannon against one target, and the CPU time the target's process spent per answered request. `request` is
 * the same request every time (reads), or a function giving each request its own body and headers (writes: a
 * new member, token, email or Stripe event each time).
 */
export async function time(target: RunningTarget, request: SentRequest | (() => SentRequest), options: TimingOptions): Promise<Timing> {
  let failed = 0;
  const onResponse = (status: number, body: string) => void (status === 200 && options.failed(body) && failed++);
  const fixed = typeof request === 'function' ? null : request;
  const next = typeof request === 'function' ? request : null;
  const cpuBefore = cpuSeconds(target.pid);
  const result = await autocannon({
    url: `${target.url}${fixed?.path ?? ''}`,
    connections: options.connections,
    duration: options.duration,
    method: 'POST',
    ...(options.maxRequests ? { maxOverallRequests: options.maxRequests } : {}),
    ...(fixed ? { headers: fixed.headers, body: fixed.body } : {}),
    requests: [{ onResponse, ...(next ? { setupRequest: (raw) => ({ ...raw, method: 'POST', ...next() }) } : {}) }],
  });
  const cpuAfter = options.completed ? await settled(target.pid) : cpuSeconds(target.pid);
  const served = options.completed ? await options.completed() : result.requests.total;
  const cpuMsPerRequest = cpuBefore === null || cpuAfter === null || !served ? null : ((cpuAfter - cpuBefore) * 1000) / served;
  return Object.assign(result, { failed, cpuMsPerRequest });
}

export interface TimedLine {
  /** The read or write (printed on its first target's line). */
  name: string;
  target: string;
  runs: Timing[];
  statements: { data: number; control: number };
}

/** The per-target table: req/s (mean and each round), p50/p99 and CPU ms per request (means), statements per request. */
export function printPerTarget(what: string, lines: TimedLine[]): void {
  console.log("\nPer target (req/s, p50/p99 ms and the server process's CPU ms per request: mean of the rounds; statements per request: data + BEGIN/COMMIT):");
  printTable(
    [what, 'target', 'req/s', 'per round', 'p50 ms', 'p99 ms', 'CPU ms/req', 'statements'],
    lines.map(({ name, target, runs, statements }, i) => {
      const cpu = runs.map((r) => r.cpuMsPerRequest);
      return [
        i === 0 || lines[i - 1].name !== name ? name : '',
        target,
        fmt(mean(runs.map((r) => r.requests.average))),
        runs.map((r) => fmt(r.requests.average)).join(' / '),
        fmt(mean(runs.map((r) => r.latency.p50)), 1),
        fmt(mean(runs.map((r) => r.latency.p99)), 1),
        cpu.every((v) => v !== null) ? fmt(mean(cpu as number[]), 2) : '-',
        `${fmt(statements.data, 1)} + ${fmt(statements.control, 1)}`,
      ];
    }),
  );
}
