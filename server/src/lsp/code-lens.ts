// The wiring code lens (features/code-lens): one lens per part, so each part is clickable. Parts
// that lead to an object open it through the client command `kubeStateful.openLocation`; a ✗
// part runs the quick fix of its rule through `kubeStateful.applyQuickFix`; "Show topology"
// opens the picture of the namespace through `kubeStateful.showTopology`.
import type { CodeLens, Command } from 'vscode-languageserver';
import { wiringLenses } from '../features/code-lens';
import type { LensPart } from '../features/code-lens';
import type { LineRange } from '../model';
import { applyQuickFixCommand, openLocationCommand, showTopologyCommand } from '../protocol';
import { toRange } from './convert';
import { checkParams } from './params';
import type { LspArea } from './services';
import { readyModel } from './services';

function commandOf(uri: string, objectRange: LineRange, part: LensPart): Command {
  const target = part.target;
  if (!target) {
    // An empty command id shows the text without making it clickable.
    return { title: part.text, tooltip: part.tooltip, command: '' };
  }
  switch (target.kind) {
    case 'object':
      return {
        title: part.text,
        tooltip: part.tooltip,
        command: openLocationCommand,
        arguments: [target.uri, target.range],
      };
    case 'fix':
      return {
        title: part.text,
        tooltip: part.tooltip,
        command: applyQuickFixCommand,
        arguments: [uri, objectRange, target.ruleId],
      };
    case 'topology':
      return {
        title: part.text,
        tooltip: part.tooltip,
        command: showTopologyCommand,
        arguments: [uri, objectRange.start.line],
      };
  }
}

export const codeLensArea: LspArea = {
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register(services) {
    services.connection.onCodeLens((params) =>
      services.guardAsync('codeLens', async (): Promise<CodeLens[]> => {
        checkParams(params, 'textDocument');
        const uri = params.textDocument.uri;
        const model = await readyModel(services, uri);
        if (!model) {
          return [];
        }
        const lenses = wiringLenses(
          model,
          services.indexFor(uri),
          services.defaultNamespaceOf(uri),
        );
        return lenses.flatMap((lens) =>
          lens.parts.map((part) => ({
            range: toRange(model, lens.span),
            command: commandOf(uri, lens.objectRange, part),
          })),
        );
      }),
    );
  },
};
