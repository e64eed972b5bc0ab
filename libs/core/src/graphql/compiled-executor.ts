import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { type DocumentNode, execute, type ExecutionResult, GraphQLError, type GraphQLSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
/** Runs of an operation before it is compiled: the first is interpreted, the second compiles it. */
const COMPILE_AFTER = 2;

type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/**
 * Apollo Server with operations compiled to JavaScript by graphql-jit instead of interpreted by graphql-js.
 *
 * Why (issue 14): graphql-js walks the document for every object of every list (collecting fields, building
 * a path and a resolve info per field, completing each value through a generic switch); on a staff page of
 * 20 events × 20 registrations that walk was a tenth of the API's CPU and much of its garbage. graphql-jit
 * compiles each operation once into a function that does only what that operation asks. Apollo keeps the
 * rest of the pipeline: parsing and validation (with our depth, alias and cost rules) and their caches,
 * plugins, error formatting, the HTTP answer. Its supported way to swap the executor is a "gateway": an
 * object that hands Apollo the schema and an executor; `useSchema` is given Nest's code-first schema
 * (through `transformSchema`) before Apollo starts.
 *
 * An operation is compiled the second time it runs (the first run is interpreted by graphql-js): compiling costs
 * a few milliseconds, which a document sent once (or a stream of distinct documents) should not pay. Compiled
 * operations are remembered per parsed document (Apollo keeps parsed documents in its bounded document store, and
 * the query lane its 500 known queries', so a document both forget is forgotten here too) and per operation name.
 * The query lane (QueryLane) runs known queries through `execute` without Apollo's pipeline.
 *
 * Subscriptions (graphql-ws) do not come through here: Nest runs them with graphql-js.
 */
export class CompiledExecutorGateway implements Gateway {
  private schema?: GraphQLSchema;
  /** Per document and operation name: the compiled query (or graphql-jit's refusal), or how often it ran uncompiled. */
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult | number>>();

  /** For GqlModuleOptions.transformSchema: remembers the schema Apollo will serve and hands it back. */
  readonly useSchema = (schema: GraphQLSchema): GraphQLSchema => {
    this.schema = schema;
    return schema;
  };

  onSchemaLoadOrUpdate(callback: Parameters<Gateway['onSchemaLoadOrUpdate']>[0]): () => void {
    callback({ apiSchema: this.requireSchema(), coreSupergraphSdl: '' });
    return () => undefined;
  }

  async load(): Promise<{ executor: Executor }> {
    this.requireSchema();
    return {
      executor: async (request) => takeExecuted(request.context) ?? this.execute(request.document, request.request.operationName, request.context, request.request.variables),
    };
  }

  async stop(): Promise<void> {
    this.schema = undefined;
  }

  /** Runs `document`'s operation (`operationName`, or its only one) with `context` and `variables`. */
  execute(document: DocumentNode, operationName: string | undefined, context: unknown, variables: Record<string, unknown> | undefined): ExecutionResult | Promise<ExecutionResult> {
    const query = this.compiledFor(document, operationName);
    // What fails before execution (no such operation, variables that do not coerce) is answered by graphql-js, with
    // its own errors: Apollo recognises those (a variable's error becomes BAD_USER_INPUT with status 400).
    const interpreted = () => execute({ schema: this.requireSchema(), document, operationName, contextValue: context, variableValues: variables });
    if (!query || !isCompiledQuery(query)) return interpreted();
    const result = query.query(undefined, context, variables ?? {}) as ExecutionResult | Promise<ExecutionResult>;
    if (result instanceof Promise) return result.then((done) => ('data' in done ? withGraphQLErrors(done) : interpreted()));
    return 'data' in result ? withGraphQLErrors(result) : interpreted();
  }

  /** The schema Apollo serves (given to `useSchema`). */
  servedSchema(): GraphQLSchema {
    return this.requireSchema();
  }

  /** Whether the operation runs compiled from now on (for tests). */
  isCompiled(document: DocumentNode, operationName?: string): boolean {
    const entry = this.compiled.get(document)?.get(operationName ?? '');
    return typeof entry === 'object' && isCompiledQuery(entry);
  }

  /** The compiled operation, or graphql-jit's errors, or undefined while it has run fewer than COMPILE_AFTER times. */
  private compiledFor(document: DocumentNode, operationName: string | undefined): CompiledQuery | ExecutionResult | undefined {
    let byName = this.compiled.get(document);
    if (!byName) this.compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    const entry = byName.get(key) ?? 0;
    if (typeof entry === 'object') return entry;
    if (entry + 1 < COMPILE_AFTER) {
      byName.set(key, entry + 1);
      return undefined;
    }
    const query = compileQuery(this.requireSchema(), document, operationName, { disablingCapturingStackErrors: true });
    byName.set(key, query);
    return query;
  }

  private requireSchema(): GraphQLSchema {
    if (!this.schema) throw new Error('CompiledExecutorGateway: no schema yet (pass useSchema as transformSchema)');
    return this.schema;
  }
}

/** An execution already run for a request's context, waiting for Apollo's call to the executor (`handOverExecuted`). */
const EXECUTED = Symbol('guildhall.executed');

/**
 * Hands Apollo an execution run ahead of it (the query lane's, whose result has errors to format, or which threw):
 * Apollo's pipeline runs as for any request, and its call to the executor, with this context (or Apollo's shallow
 * copy of it, which keeps the symbol), settles as `execution` did instead of executing again. Taken once.
 */
export function handOverExecuted(context: object, execution: Promise<ExecutionResult>): void {
  Object.defineProperty(context, EXECUTED, { value: execution, enumerable: true, configurable: true, writable: true });
}

function takeExecuted(context: unknown): Promise<ExecutionResult> | undefined {
  const holder = context as { [EXECUTED]?: Promise<ExecutionResult> } | undefined;
  const execution = holder?.[EXECUTED];
  if (execution) delete holder[EXECUTED];
  return execution;
}

/**
 * graphql-jit's errors are GraphQLErrors without `extensions` when the cause has none (graphql-js always gives an
 * object, and Apollo reads `extensions.code` of every error); the same error made by graphql-js, with its cause,
 * path and locations, so that formatting and logging see what they always saw.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((error) => {
    const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
    if (error.locations) Object.defineProperty(rebuilt, 'locations', { value: error.locations, enumerable: true });
    return rebuilt;
  });
  return { ...result, errors };
}
