// The snippets feature's public surface: loading the snippet files and completing them in context.
export * from './snippet-files';
export * from './snippet-syntax';
export { analyzeCursor } from './cursor-context';
export type { CursorContext } from './cursor-context';
export { completeSnippets, fits, placeBody } from './snippet-completion';
