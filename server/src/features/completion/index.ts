// Schema completion's public surface: the LSP glue calls complete(); other completion sources
// (snippets) can reuse the routing and the cursor analysis.
export { complete } from './complete';
export { analyzeContext } from './context';
export type { CompletionContext, KeyContext, ValueContext } from './context';
export { routeOf } from './routing';
export type { Route } from './routing';
export type { CompletionProposal, ProposalEdit, ProposalKind } from './types';
