// Hover: field documentation on keys, kind facts on `kind`/`apiVersion` values, and on a reference
// (serviceName, claimName, a mount, a selector) what it points at in the workspace.
import type { Hover } from 'vscode-languageserver';
import { hover } from '../features/hover';
import { referenceHoverAt } from '../features/navigation/reference-hover';
import { positionToOffset } from '../model';
import { toHover } from './convert';
import { navigationRequest } from './navigation';
import type { LspArea } from './services';
import { readyModel } from './services';
import { checkParams } from './params';

export const hoverArea: LspArea = {
  capabilities: () => ({ hoverProvider: true }),
  register(services) {
    services.connection.onHover((params) =>
      services.guardAsync('hover', async (): Promise<Hover | null> => {
        checkParams(params, 'textDocument', 'position');
        const model = await readyModel(services, params.textDocument.uri);
        if (!model) {
          return null;
        }
        // References are values, which the schema hover does not describe, so they go first.
        const request = navigationRequest(services, model.uri, params.position);
        const offset = positionToOffset(model, params.position);
        const result =
          (request && referenceHoverAt(request.context, offset)) ??
          hover(model, offset, services.schema, services.overlays.note());
        return result ? toHover(model, result) : null;
      }),
    );
  },
};
