// Inlay hints (features/inlay-hints): pod DNS names, claimed storage and disruption budgets,
// off with `kubeStateful.inlayHints.enabled`. The client is asked to request them again whenever
// diagnostics go stale (settings, other files; lsp/diagnostics.ts refreshAllDiagnostics).
import type { InlayHint } from 'vscode-languageserver';
import { InlayHintKind, MarkupKind } from 'vscode-languageserver';
import { inlayHints } from '../features/inlay-hints';
import { positionToOffset } from '../model';
import { toRange } from './convert';
import { checkParams } from './params';
import type { LspArea } from './services';
import { readyModel } from './services';

export const inlayHintsArea: LspArea = {
  capabilities: () => ({ inlayHintProvider: { resolveProvider: false } }),
  register(services) {
    services.connection.languages.inlayHint.on((params) =>
      services.guardAsync('inlayHint', async (): Promise<InlayHint[]> => {
        checkParams(params, 'textDocument', 'range');
        const uri = params.textDocument.uri;
        const model = await readyModel(services, uri);
        if (!model || !services.settings.inlayHints.enabled) {
          return [];
        }
        const span = [
          positionToOffset(model, params.range.start),
          positionToOffset(model, params.range.end),
        ] as const;
        const hints = inlayHints(
          model,
          services.indexFor(uri),
          services.defaultNamespaceOf(uri),
          span,
        );
        return hints.map((hint) => ({
          position: toRange(model, [hint.offset, hint.offset]).start,
          label: hint.label,
          kind: InlayHintKind.Type,
          paddingLeft: true,
          tooltip: { kind: MarkupKind.Markdown, value: hint.tooltip },
        }));
      }),
    );
  },
};
