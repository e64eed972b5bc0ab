import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Agent, request } from 'undici';
import { APP_CONFIG, type AppConfig } from '../../../core/src/index.js';
import { isPrivateAddress } from './private-address.js';

/** Read at most this much of an answer; the rest is dropped (a receiver cannot make us buffer megabytes). */
export const RESPONSE_BODY_CAP = 64 * 1024;
const EXCERPT_LENGTH = 500;

export interface SendOutcome {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

export class PrivateTargetError extends Error {
  constructor(host: string) {
    super(`${host} is a private or loopback address; webhooks may not reach it (WEBHOOKS_ALLOW_PRIVATE_TARGETS)`);
    this.name = 'PrivateTargetError';
  }
}

/**
 * Sends one webhook with undici. The address check sits in the agent's DNS lookup, so the address
 * judged is the address connected to (a name that resolves to a public address at save time and a
 * private one later is still refused). No redirects are followed; each attempt has a timeout.
 */
@Injectable()
export class WebhookSender implements OnModuleDestroy {
  private readonly agent: Agent;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const allowPrivate = config.webhooks.allowPrivateTargets;
    this.agent = new Agent({
      connect: { timeout: config.webhooks.timeoutMs, lookup: guardedLookup(allowPrivate) },
      headersTimeout: config.webhooks.timeoutMs,
      bodyTimeout: config.webhooks.timeoutMs,
      keepAliveTimeout: 4_000,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }

  /** Resolves the URL's host now and refuses private targets (used when staff save an endpoint). */
  async checkTarget(url: string): Promise<void> {
    if (this.config.webhooks.allowPrivateTargets) return;
    const host = hostOf(url);
    if (isIP(host)) {
      if (isPrivateAddress(host)) throw new PrivateTargetError(host);
      return;
    }
    const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
      dnsLookup(host, { all: true }, (error, found) => (error ? reject(error) : resolve(found))),
    );
    if (addresses.some((a) => isPrivateAddress(a.address))) throw new PrivateTargetError(host);
  }

  async send(url: string, headers: Record<string, string>, body: string): Promise<SendOutcome> {
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    try {
      const host = hostOf(url);
      if (isIP(host) && !this.config.webhooks.allowPrivateTargets && isPrivateAddress(host)) throw new PrivateTargetError(host);
      const response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Guildhall-Webhooks/1', ...headers },
        body,
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.config.webhooks.timeoutMs),
      });
      const text = await readCapped(response.body);
      const ok = response.statusCode >= 200 && response.statusCode < 300;
      return {
        ok,
        statusCode: response.statusCode,
        latencyMs: latency(),
        error: ok ? null : `HTTP ${response.statusCode}`,
        responseExcerpt: text ? text.slice(0, EXCERPT_LENGTH) : null,
      };
    } catch (error) {
      return { ok: false, statusCode: null, latencyMs: latency(), error: describe(error), responseExcerpt: null };
    }
  }
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^\[|\]$/g, '');
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address))) return callback(new PrivateTargetError(hostname), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= RESPONSE_BODY_CAP) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, RESPONSE_BODY_CAP).toString('utf8');
}

function describe(error: unknown): string {
  if (error instanceof PrivateTargetError) return error.message;
  const cause = (error as { cause?: unknown })?.cause;
  if (cause instanceof PrivateTargetError) return cause.message;
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError' || name === 'HeadersTimeoutError' || name === 'BodyTimeoutError') return 'timed out';
  const code = (error as { code?: string })?.code ?? (cause as { code?: string })?.code;
  return (code ? `${code}: ` : '') + (error instanceof Error ? error.message : String(error)).slice(0, 300);
}
