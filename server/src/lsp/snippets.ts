// The snippet completion source: reads the shipped `snippets/` folder once per server, on first
// use, and offers the snippets that fit the cursor. Problems with the files go to the log.
import type { CompletionProposal } from '../features/completion';
import type { Snippet } from '../features/snippets';
import { completeSnippets, findSnippetFolder, readSnippetFolder } from '../features/snippets';
import type { CompletionRequest } from './completion';
import type { Services } from './services';

export function snippetProposals({
  model,
  offset,
  services,
}: CompletionRequest): readonly CompletionProposal[] {
  return completeSnippets(model, offset, shippedSnippets(services));
}

function shippedSnippets(services: Services): readonly Snippet[] {
  if (services.snippets === undefined) {
    const folder = findSnippetFolder();
    const loaded = folder
      ? readSnippetFolder(folder)
      : { snippets: [], problems: [`no snippets folder found above ${__dirname}`] };
    for (const problem of loaded.problems) {
      services.connection.console.warn(`snippets: ${problem}`);
    }
    services.snippets = loaded.snippets;
  }
  return services.snippets;
}
