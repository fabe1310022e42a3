// Go to definition and find references across the workspace (features/navigation), plus the
// context the navigation features and the reference hover share.
import type { Location, LocationLink } from 'vscode-languageserver';
import { kustomizationPathTarget } from '../features/kustomization';
import { definitionAt, referencesAt } from '../features/navigation/navigation';
import { statUri } from '../workspace-index/index-files';
import type { NavigationContext } from '../features/navigation/navigation';
import { positionToOffset } from '../model';
import type { LineCharacter } from '../model';
import { toRange } from './convert';
import type { LspArea, Services } from './services';
import { readyModel } from './services';
import { checkParams } from './params';

/** The navigation context and cursor offset of a request, or undefined for unknown files. */
export function navigationRequest(
  services: Services,
  uri: string,
  position: LineCharacter,
): { context: NavigationContext; offset: number } | undefined {
  const model = services.modelOf(uri);
  if (!model) {
    return undefined;
  }
  const context = {
    model,
    index: services.index,
    defaultNamespace: services.defaultNamespaceOf(uri),
  };
  return { context, offset: positionToOffset(model, position) };
}

export const navigationArea: LspArea = {
  capabilities: () => ({ definitionProvider: true, referencesProvider: true }),
  register(services) {
    const { connection } = services;
    connection.onDefinition((params) =>
      services.guardAsync('definition', async (): Promise<Location[] | LocationLink[] | null> => {
        checkParams(params, 'textDocument', 'position');
        await readyModel(services, params.textDocument.uri);
        const request = navigationRequest(services, params.textDocument.uri, params.position);
        const path =
          request && kustomizationPathTarget(request.context.model, request.offset, statUri);
        const result = path
          ? { origin: path.origin, targets: [{ uri: path.uri, range: path.range }] }
          : request && definitionAt(request.context, request.offset);
        if (!request || !result || result.targets.length === 0) {
          return null;
        }
        if (!services.client.textDocument?.definition?.linkSupport) {
          return result.targets.map(({ uri, range }) => ({ uri, range }));
        }
        const origin = toRange(request.context.model, result.origin);
        return result.targets.map(({ uri, range }) => ({
          originSelectionRange: origin,
          targetUri: uri,
          targetRange: range,
          targetSelectionRange: range,
        }));
      }),
    );
    connection.onReferences((params) =>
      services.guardAsync('references', async (): Promise<Location[]> => {
        checkParams(params, 'textDocument', 'position', 'referenceContext');
        await readyModel(services, params.textDocument.uri);
        const request = navigationRequest(services, params.textDocument.uri, params.position);
        return request
          ? referencesAt(request.context, request.offset, params.context.includeDeclaration).map(
              ({ uri, range }) => ({ uri, range }),
            )
          : [];
      }),
    );
  },
};
