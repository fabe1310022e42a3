// Schema completion's public surface for the LSP glue.
export { complete } from './complete';
export type { CompletionProposal, ProposalEdit, ProposalKind } from './types';
