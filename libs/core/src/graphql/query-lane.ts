import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, ExecutionResult } from 'graphql';
import Negotiator from 'negotiator';
import { MapUpTo } from '../memo/map-up-to.js';
import { rememberedUpTo } from '../memo/remembered-up-to.js';
import { handOverRequestTimer, recordGraphQLRequest } from '../metrics/metrics.plugin.js';
import type { MetricsService } from '../metrics/metrics.service.js';
import { CompiledExecutorGateway, handOverExecuted } from './compiled-executor.js';
import type { CostLimit } from './query-limits.js';

/** Apollo's media types for a single result, in the order it offers them to the client's `accept` header. */
const APPLICATION_JSON = 'application/json; charset=utf-8';
const SINGLE_RESULT_TYPES = [APPLICATION_JSON, 'application/graphql-response+json; charset=utf-8', 'application/json; callbackSpec=1.0; charset=utf-8'];

/** Distinct query texts (with operation names) the lane knows; past this it starts again, Apollo relearning each. */
const KNOWN_QUERIES = 500;

/** A query operation Apollo has parsed and validated: its document, and its name as Apollo reports it (metrics). */
interface KnownQuery {
  document: DocumentNode;
  operationLabel: string | null;
}

/** What the lane runs for one request: a known query with the request's operation name and variables. */
export interface LanePlan {
  query: KnownQuery;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
  contentType: string;
  /** The request's latency timer (metrics), started when the lane took the request. */
  stop: (labels: { operation: string }) => number;
}

/** The lane's answer: status 200, this content type and body (Apollo's, byte for byte). */
export interface LaneAnswer {
  contentType: string;
  body: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const knownKey = (query: string, operationName: string | undefined) => `${operationName ?? '\u0001'}\u0000${query}`;

/**
 * The query lane: a query operation Apollo has already parsed and validated once (same text, same operation name)
 * is run straight through the compiled executor, without Apollo's request pipeline, and answered when it has no
 * errors; anything else is Apollo's.
 *
 * Why (issue 14): for a small read, Apollo's pipeline around execution (hashing the query text with sha256 to find
 * its document, negotiating the `accept` header twice, awaiting every plugin at every stage, copying the context)
 * was ~45% of the API's CPU on `me` (0.150 → 0.082 ms a request without it): more than the read itself.
 *
 * What the lane keeps, so that an answer from it is the answer Apollo would give:
 * - Validation (depth, aliases, introspection, every graphql-js rule): a query is known only once Apollo has
 *   validated its text (`plugin` learns it at didResolveOperation), and validation depends on the text alone.
 * - The cost limit, with the request's variables, before anything runs (`CostLimit`, the plugin's own check): a
 *   refused operation goes to Apollo, which refuses it.
 * - Execution: the same executor, resolvers, guards and context (built by the same function).
 * - The answer: Apollo's content type for the `accept` header (one it cannot serve goes to Apollo, for its 406),
 *   status 200, `{"data":…}` plus Apollo's newline; the request's latency and outcome in the same metrics.
 * - Errors: a result with any error, or an execution that threw, is handed to Apollo with the request's context
 *   (`handOverExecuted`): Apollo runs its whole pipeline and plugins (logging, formatting, status codes) around
 *   that execution instead of running it again.
 * What it leaves to Apollo: mutations and subscriptions (their plugins, e.g. the viewer cache, act on them),
 * batches, persisted queries, GET, and any body Apollo would refuse. Plugins that act on successful queries would
 * not see lane requests: ours do not (metrics are recorded here); Nest's request hooks (`@nestjs/graphql`'s
 * ResolverDecoratorHost) are not used in this app.
 */
export class QueryLane {
  /** The executor Apollo runs (as its gateway) and the lane runs directly. */
  readonly executor = new CompiledExecutorGateway();
  private readonly known = new MapUpTo<string, KnownQuery>(KNOWN_QUERIES);
  private readonly contentTypeFor = rememberedUpTo(64, (accept: string) => new Negotiator({ headers: { accept } }).mediaType(SINGLE_RESULT_TYPES) ?? null);

  constructor(
    /** The cost limit Apollo's plugin applies too (`costLimitPlugin`), and its remembered costs. */
    readonly costLimit: CostLimit,
    private readonly metrics: MetricsService,
  ) {}

  /** The Apollo plugin that makes a query known once Apollo has validated it and resolved its operation. */
  readonly plugin: ApolloServerPlugin = {
    requestDidStart: async () => ({
      didResolveOperation: async ({ source, document, operation, operationName, request }) => {
        if (operation?.operation !== 'query') return;
        this.known.set(knownKey(source, request.operationName), { document, operationLabel: operationName });
      },
    }),
  };

  /** What the lane runs for this POST body and `accept` header, or undefined when it is Apollo's to answer. */
  plan(body: object, accept: string | undefined): LanePlan | undefined {
    if (!isRecord(body) || typeof body.query !== 'string') return undefined;
    const { operationName, variables, extensions } = body;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
    if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
    if (extensions !== undefined && extensions !== null && (!isRecord(extensions) || 'persistedQuery' in extensions)) return undefined;
    const name = typeof operationName === 'string' ? operationName : undefined;
    const query = this.known.get(knownKey(body.query, name));
    if (!query) return undefined;
    const contentType = accept ? this.contentTypeFor(accept) : APPLICATION_JSON;
    if (!contentType) return undefined;
    const vars = isRecord(variables) ? variables : undefined;
    if (this.costLimit.refusal(this.executor.servedSchema(), query.document, name, vars ?? {})) return undefined;
    return { query, operationName: name, variables: vars, contentType, stop: this.metrics.duration.startTimer() };
  }

  /**
   * Runs `plan` with the request's `context`: the answer when the result has no errors; otherwise undefined, the
   * execution (and the request's latency timer, for Apollo's metrics plugin) handed over with `context` for Apollo to
   * answer (the caller then passes Apollo this same context).
   */
  async run(plan: LanePlan, context: object): Promise<LaneAnswer | undefined> {
    // An async function: an executor that throws at once rejects `execution` like one that fails later.
    const execution = (async () => this.executor.execute(plan.query.document, plan.operationName, context, plan.variables))();
    const handOver = () => {
      handOverExecuted(context, execution);
      handOverRequestTimer(context, plan.stop);
      return undefined;
    };
    let result: ExecutionResult;
    try {
      result = await execution;
    } catch {
      return handOver();
    }
    if (result.errors !== undefined || result.data === undefined || result.data === null) return handOver();
    recordGraphQLRequest(this.metrics, plan.stop, plan.query.operationLabel, []);
    // Apollo's serialisation of a single result: errors, data, extensions (undefined ones left out), and a newline.
    return { contentType: plan.contentType, body: `${JSON.stringify({ data: result.data, extensions: result.extensions })}\n` };
  }
}
