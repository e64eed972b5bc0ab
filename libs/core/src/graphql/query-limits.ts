import { ApolloServerPlugin } from '@apollo/server';
import { ASTVisitor, DocumentNode, GraphQLError, GraphQLOutputType, GraphQLSchema, isListType, isNonNullType, ValidationContext } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { MapUpTo } from '../memo/map-up-to.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection.js';

/** Rejects documents with more than `max` aliased fields (alias-based amplification). */
export function aliasLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    return {
      Field(node) {
        if (node.alias && ++count === max + 1) {
          context.reportError(
            new GraphQLError(`Too many aliases: at most ${max} are allowed in one request`, {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'MAX_ALIASES' },
            }),
          );
        }
      },
    };
  };
}

export function depthLimitRule(max: number) {
  return depthLimit(max);
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** Lists with no page argument (sessions, periods…) are assumed this long when costing a query. */
const ASSUMED_LIST_LENGTH = 10;

/**
 * Each field costs 1; a paged field multiplies its children's cost by the page it asks for
 * (`first`, or the default page when it has a `first` argument); other lists by a fixed guess.
 * `edges` is not multiplied again: its connection already was.
 */
function estimate({ args, childComplexity, field }: ComplexityEstimatorArgs): number {
  let count = 1;
  // Over-large pages are refused by argument validation, naming the field; cost them at the cap.
  if (typeof args.first === 'number') count = Math.min(args.first, MAX_PAGE_SIZE);
  else if (typeof args.count === 'number') count = args.count;
  else if (field.args.some((arg) => arg.name === 'first')) count = DEFAULT_PAGE_SIZE;
  else if (isList(field.type) && field.name !== 'edges') count = ASSUMED_LIST_LENGTH;
  return 1 + childComplexity * Math.max(1, count);
}

/** Variable sets remembered per document; past this the document's costs start again (cursors make most sets unique). */
const COSTS_PER_DOCUMENT = 64;

/**
 * Costs already computed. Apollo hands the same parsed DocumentNode for the same query text (its document
 * store), and a cost depends only on the document, the operation and the variables: the same three cost the
 * same, so they are computed once (getComplexity walked the whole document on every request: ~5% of the API's
 * CPU on `me`). Variables that did not fit their types are never remembered: they are checked every time.
 */
export class OperationCosts {
  private readonly byDocument = new WeakMap<DocumentNode, MapUpTo<string, number>>();

  cost(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, compute: () => number): number {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
    let costs = this.byDocument.get(document);
    const known = costs?.get(key);
    if (known !== undefined) return known;
    const cost = compute();
    if (!costs) this.byDocument.set(document, (costs = new MapUpTo(COSTS_PER_DOCUMENT)));
    costs.set(key, cost);
    return cost;
  }
}

/** An operation's cost against a limit, with the costs already computed remembered (OperationCosts). */
export class CostLimit {
  constructor(
    readonly maxCost: number,
    private readonly costs = new OperationCosts(),
  ) {}

  /**
   * The error refusing an operation that costs more than the limit with these variables; undefined when it may run,
   * or when its variables do not fit their types (execution reports those as BAD_USER_INPUT, 400, before any resolver
   * runs, so there is nothing to cost).
   */
  refusal(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): GraphQLError | undefined {
    let cost: number;
    try {
      cost = this.costs.cost(document, operationName, variables, () => getComplexity({ schema, query: document, variables, operationName, estimators: [estimate] }));
    } catch {
      return undefined;
    }
    if (cost <= this.maxCost) return undefined;
    return new GraphQLError(`Query is too expensive: cost ${cost} exceeds the limit of ${this.maxCost}`, {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'MAX_COST', http: { status: 400 } },
    });
  }
}

/** Computes each operation's cost with its variables, before any resolver (and so any SQL) runs. */
export function costLimitPlugin(limit: CostLimit): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const refusal = limit.refusal(schema, document, request.operationName ?? undefined, request.variables ?? {});
          if (refusal) throw refusal;
        },
      };
    },
  };
}
