import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { STRIPE_API_VERSION } from './api-version.js';
import { servePage, type PageDeps } from './checkout-page.js';
import { errorForStatus, StripeApiError, unknownRoute } from './errors.js';
import { expandResponse } from './expand.js';
import type { FailureInjector } from './failures.js';
import { parseForm } from './form.js';
import { billingPortalRoutes } from './handlers/billing-portal.js';
import { catalogRoutes } from './handlers/catalog.js';
import { checkoutSessionRoutes } from './handlers/checkout-sessions.js';
import { customerRoutes } from './handlers/customers.js';
import { eventRoutes } from './handlers/events.js';
import { paymentRoutes } from './handlers/payments.js';
import { subscriptionRoutes } from './handlers/subscriptions.js';
import { newId } from './ids.js';
import { Params } from './params.js';
import { matchRoute, type Route } from './router.js';
import type { FakeStripeStore, RecordedRequest } from './store.js';

const ROUTES: readonly Route[] = [
  ...customerRoutes, ...catalogRoutes, ...checkoutSessionRoutes, ...subscriptionRoutes, ...paymentRoutes, ...eventRoutes,
  ...billingPortalRoutes,
];

interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface ServerDeps {
  store: FakeStripeStore;
  failures: FailureInjector;
  pages: PageDeps;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function errorAnswer(error: StripeApiError): Answer {
  return { status: error.status, body: JSON.stringify(error.toBody(), null, 2) };
}

function authError(req: IncomingMessage): StripeApiError | undefined {
  const auth = header(req, 'authorization');
  if (!auth) {
    return new StripeApiError(401, 'invalid_request_error', "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
  }
  if (!/^Bearer (sk|rk)_test_\S+$/.test(auth)) {
    return new StripeApiError(401, 'invalid_request_error', 'Invalid API Key provided: the fake Stripe server only accepts test-mode keys (sk_test_…).', 'api_key_invalid');
  }
  return undefined;
}

/** The HTTP side: recording, auth, injected failures, idempotency, routing, expansion. */
export class FakeStripeServer {
  private readonly server: Server;
  private readonly waits = new Map<NodeJS.Timeout, () => void>();
  baseUrl = '';

  constructor(private readonly deps: ServerDeps) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        console.error('fake Stripe: unexpected error', error);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('fake Stripe internal error');
      });
    });
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        const address = this.server.address();
        const actual = typeof address === 'object' && address ? address.port : port;
        this.baseUrl = `http://127.0.0.1:${actual}`;
        resolve(actual);
      });
    });
  }

  async close(): Promise<void> {
    for (const [timer, release] of this.waits) {
      clearTimeout(timer);
      release();
    }
    this.waits.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private wait(ms: number | undefined): Promise<void> {
    if (!ms) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waits.delete(timer);
        resolve();
      }, ms);
      this.waits.set(timer, resolve);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', this.baseUrl);
    const rawBody = await readBody(req);
    if (!url.pathname.startsWith('/v1/') && (await servePage(this.deps.pages, method, url.pathname, new URLSearchParams(rawBody), res))) return;
    const { store, failures } = this.deps;
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: parseForm(url.search.slice(1)),
      body: method === 'POST' ? parseForm(rawBody) : {},
      idempotencyKey: header(req, 'idempotency-key'),
      stripeVersion: header(req, 'stripe-version'),
      requestId: newId('req'),
      replayed: false,
      injectedFailure: false,
    };
    store.requests.push(record);
    const unauthorized = authError(req);
    if (unauthorized) return this.send(res, record, errorAnswer(unauthorized));
    const failure = failures.take(method, url.pathname);
    if (failure && !failure.afterProcessing) {
      await this.wait(failure.timeoutMs);
      record.injectedFailure = true;
      return this.send(res, record, errorAnswer(errorForStatus(failure.status ?? 500, failure.message, failure.code)));
    }
    let answer = this.answer(record, rawBody);
    if (failure) {
      await this.wait(failure.timeoutMs);
      record.injectedFailure = true;
      answer = errorAnswer(errorForStatus(failure.status ?? 500, failure.message, failure.code));
    }
    this.send(res, record, answer);
  }

  /** Replays an idempotent POST, or executes the call and remembers a successful answer. */
  private answer(record: RecordedRequest, rawBody: string): Answer {
    const key = record.method === 'POST' ? record.idempotencyKey : undefined;
    const cached = key === undefined ? undefined : this.deps.store.idempotency.get(key);
    if (cached) {
      if (cached.method !== record.method || cached.path !== record.path || cached.rawBody !== rawBody) {
        return errorAnswer(new StripeApiError(400, 'idempotency_error', `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`));
      }
      record.replayed = true;
      return { status: cached.status, body: cached.body, headers: { 'Idempotent-Replayed': 'true', 'Original-Request': cached.requestId } };
    }
    const answer = this.execute(record);
    if (key !== undefined && answer.status >= 200 && answer.status < 300) {
      this.deps.store.idempotency.set(key, { method: record.method, path: record.path, rawBody, status: answer.status, body: answer.body, requestId: record.requestId });
    }
    return answer;
  }

  private execute(record: RecordedRequest): Answer {
    const match = matchRoute(ROUTES, record.method, record.path);
    if (!match) return errorAnswer(unknownRoute(record.method, record.path));
    const params = new Params({ ...record.query, ...record.body });
    try {
      const result = match.route.handler({
        store: this.deps.store,
        params,
        path: match.path,
        request: { id: record.requestId, idempotency_key: record.idempotencyKey ?? null },
        baseUrl: this.baseUrl,
      });
      const expanded = expandResponse(this.deps.store, result, params.stringList('expand'));
      return { status: 200, body: JSON.stringify(expanded, null, 2) };
    } catch (error) {
      if (error instanceof StripeApiError) return errorAnswer(error);
      console.error(`fake Stripe: ${record.method} ${record.path} failed`, error);
      const message = error instanceof Error ? error.message : String(error);
      return errorAnswer(new StripeApiError(500, 'api_error', `fake Stripe internal error: ${message}`));
    }
  }

  private send(res: ServerResponse, record: RecordedRequest, answer: Answer): void {
    record.status = answer.status;
    if (res.destroyed || res.writableEnded) return;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Request-Id': record.requestId,
      'Stripe-Version': STRIPE_API_VERSION,
      ...answer.headers,
    };
    if (record.idempotencyKey !== undefined) headers['Idempotency-Key'] = record.idempotencyKey;
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  }
}
