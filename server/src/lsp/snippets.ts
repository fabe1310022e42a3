// The snippet completion source: reads the shipped `snippets/` folder once per server, on first
// use (through `services.snippets`), and offers the snippets that fit the cursor. Problems with the files go to the log.
import type { CompletionProposal } from '../features/completion';
import type { Snippet } from '../features/snippets';
import { completeSnippets, findSnippetFolder, readSnippetFolder } from '../features/snippets';
import type { CompletionRequest } from './completion';
import type { Connection } from 'vscode-languageserver';

export function snippetProposals({
  model,
  offset,
  services,
}: CompletionRequest): readonly CompletionProposal[] {
  return completeSnippets(model, offset, services.snippets());
}

/** Reads the shipped snippets (`services.snippets` calls this once); problems go to the log. */
export function loadShippedSnippets(connection: Connection): readonly Snippet[] {
  const folder = findSnippetFolder();
  const loaded = folder
    ? readSnippetFolder(folder)
    : { snippets: [], problems: [`no snippets folder found above ${__dirname}`] };
  for (const problem of loaded.problems) {
    connection.console.warn(`snippets: ${problem}`);
  }
  return loaded.snippets;
}
