// The snippets feature's public surface: loading the snippet files and completing them in context.
export * from './snippet-files';
export * from './snippet-syntax';
export { analyzeCursor, ITEM } from './cursor-context';
export type { CursorContext, DocumentShape } from './cursor-context';
export { completeSnippets, fits, placeBody } from './snippet-completion';
export type { SnippetCompletion } from './snippet-completion';
