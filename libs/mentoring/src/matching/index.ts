export { proposeMatching } from './propose-matching.js';
export { proposeGreedyMatching } from './greedy.js';
export { scoreMatchingPair } from './score.js';
export { MinCostFlow, type MinCostFlowOptions, type MinCostFlowSolution } from './min-cost-flow.js';
export { MatchingError, MatchingErrorCode } from './matching.errors.js';
export * from './types.js';
