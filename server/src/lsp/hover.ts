// Hover: field documentation on keys, kind facts on `kind`/`apiVersion` values.
import type { Hover } from 'vscode-languageserver';
import { hover } from '../features/hover';
import { positionToOffset } from '../model';
import { toHover } from './convert';
import type { LspArea } from './services';

export const hoverArea: LspArea = {
  capabilities: () => ({ hoverProvider: true }),
  register(services) {
    services.connection.onHover((params) =>
      services.guard('hover', (): Hover | null => {
        const model = services.modelOf(params.textDocument.uri);
        if (!model) {
          return null;
        }
        const result = hover(model, positionToOffset(model, params.position), services.schema);
        return result ? toHover(model, result) : null;
      }),
    );
  },
};
