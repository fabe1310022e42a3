// Document symbols: the outline of a manifest file (features/symbols).
import type { DocumentSymbol } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import { documentSymbols } from '../features/symbols';
import type { DocumentSymbolData, SymbolRole } from '../features/symbols';
import type { FileModel } from '../model';
import { toRange } from './convert';
import type { LspArea } from './services';
import { readyModel } from './services';
import { checkParams } from './params';

const symbolKinds: Record<SymbolRole, SymbolKind> = {
  object: SymbolKind.Class,
  container: SymbolKind.Object,
  initContainer: SymbolKind.Object,
  volume: SymbolKind.Field,
  claim: SymbolKind.Field,
};

function toDocumentSymbol(model: FileModel, data: DocumentSymbolData): DocumentSymbol {
  return {
    name: data.name,
    ...(data.detail ? { detail: data.detail } : {}),
    kind: symbolKinds[data.role],
    range: toRange(model, data.span),
    selectionRange: toRange(model, data.selectionSpan),
    children: data.children.map((child) => toDocumentSymbol(model, child)),
  };
}

export const symbolsArea: LspArea = {
  capabilities: () => ({ documentSymbolProvider: { label: 'Kube Stateful' } }),
  register(services) {
    services.connection.onDocumentSymbol((params) =>
      services.guardAsync('documentSymbol', async (): Promise<DocumentSymbol[]> => {
        checkParams(params, 'textDocument');
        const model = await readyModel(services, params.textDocument.uri);
        const defaultNamespace = services.defaultNamespaceOf(params.textDocument.uri);
        return model
          ? documentSymbols(model, defaultNamespace).map((data) => toDocumentSymbol(model, data))
          : [];
      }),
    );
  },
};
