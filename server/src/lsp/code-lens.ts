// The wiring code lens (features/code-lens): one lens per part, so each part is clickable. Parts
// that lead to an object open it through the client command `kubeStateful.openLocation`; a ✗
// part runs the quick fix of its rule through `kubeStateful.applyQuickFix`; "Show topology"
// opens the picture of the namespace through `kubeStateful.showTopology`.
import type { CodeLens, Command } from 'vscode-languageserver';
import { wiringLenses } from '../features/code-lens';
import type { LensPart } from '../features/code-lens';
import type { FileModel, LineRange } from '../model';
import { applyQuickFixCommand, openLocationCommand, showTopologyCommand } from '../protocol';
import { toRange } from './convert';
import { checkParams } from './params';
import type { LspArea } from './services';
import { readyModel } from './services';

/** The lenses of one file version, with what they were computed from. */
interface AnsweredLenses {
  readonly uri: string;
  readonly revision: number;
  readonly complete: boolean;
  readonly namespace: string;
  readonly lenses: CodeLens[];
}

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
    // Editors ask for the lenses of a file after every edit and scroll: answered once per
    // version of the file and state of the index (the whole file's lenses, as the request wants).
    const answered = new WeakMap<FileModel, AnsweredLenses>();
    services.connection.onCodeLens((params) =>
      services.guardAsync('codeLens', async (): Promise<CodeLens[]> => {
        checkParams(params, 'textDocument');
        const uri = params.textDocument.uri;
        const model = await readyModel(services, uri);
        if (!model) {
          return [];
        }
        const { index } = services.workspace;
        const inputs = {
          uri,
          revision: index.revision,
          complete: index.isComplete(),
          namespace: services.defaultNamespaceOf(uri),
        };
        const previous = answered.get(model);
        if (
          previous?.uri === inputs.uri &&
          previous.revision === inputs.revision &&
          previous.complete === inputs.complete &&
          previous.namespace === inputs.namespace
        ) {
          return previous.lenses;
        }
        const lenses = wiringLenses(model, services.indexFor(uri), inputs.namespace).flatMap(
          (lens) =>
            lens.parts.map((part) => ({
              range: toRange(model, lens.span),
              command: commandOf(uri, lens.objectRange, part),
            })),
        );
        answered.set(model, { ...inputs, lenses });
        return lenses;
      }),
    );
  },
};
