// Completion: merges the proposals of every source into one list of LSP items. Sources answer
// from the cached model of the open document only (no disk, no workspace scan).
import type { CompletionList } from 'vscode-languageserver';
import type { CompletionProposal } from '../features/completion';
import { complete } from '../features/completion';
import { peerListProposals } from '../features/peer-lists';
import type { FileModel } from '../model';
import { lineTextAt, offsetToPosition, positionToOffset } from '../model';
import { toCompletionItem } from './convert';
import { snippetProposals } from './snippets';
import type { LspArea, Services } from './services';
import { readyModel } from './services';
import { checkParams } from './params';

export interface CompletionRequest {
  readonly model: FileModel;
  readonly offset: number;
  readonly services: Services;
}

/** One provider of proposals; the area concatenates what every source returns. */
export type CompletionSource = (request: CompletionRequest) => readonly CompletionProposal[];

/** Every completion source, in order. Add a new source (snippets, …) here. */
const completionSources: readonly CompletionSource[] = [
  ({ model, offset, services }) => complete(model, offset, services.schema, services.settings),
  snippetProposals,
  ({ model, offset, services }) =>
    peerListProposals(
      model,
      offset,
      services.indexFor(model.uri),
      services.defaultNamespaceOf(model.uri),
    ),
];

/**
 * Only a space opens completion by itself, and only where values or keys follow (`key: `,
 * `- `): indenting with the space bar must not pop a list on every keystroke.
 */
const triggerCharacters = [' '];

export const completionArea: LspArea = {
  capabilities: () => ({ completionProvider: { triggerCharacters, resolveProvider: false } }),
  register(services) {
    services.connection.onCompletion((params) =>
      services.guardAsync('completion', async (): Promise<CompletionList | null> => {
        checkParams(params, 'textDocument', 'position');
        const model = await readyModel(services, params.textDocument.uri);
        if (!model) {
          return null;
        }
        const offset = positionToOffset(model, params.position);
        if (params.context?.triggerCharacter === ' ' && !spaceOpensCompletion(model, offset)) {
          return null;
        }
        const request: CompletionRequest = { model, offset, services };
        const snippets =
          services.client.textDocument?.completion?.completionItem?.snippetSupport === true;
        const items = completionSources
          .flatMap((source) => source(request))
          .map((proposal) => toCompletionItem(model, proposal, snippets));
        return { isIncomplete: false, items };
      }),
    );
  },
};

/** A typed space opens the list only right after `key: ` or `- `. */
function spaceOpensCompletion(model: FileModel, offset: number): boolean {
  const before = lineTextAt(model, offset).slice(0, offsetToPosition(model, offset).character);
  return /(?::|^\s*-|\s-) $/.test(before);
}
