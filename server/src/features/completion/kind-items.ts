// Values of the root `kind` and `apiVersion`: every built-in kind (choosing one also writes or
// fixes the matching apiVersion) and the apiVersions that serve the document's kind.
import type { DocumentModel, FileModel, Span } from '../../model';
import { lineOfOffset } from '../../model';
import type { KindInfo, Schema } from '../../schema';
import { kindDocumentation, valuesList } from '../schema-text';
import type { ValueContext } from './context';
import { linesOf } from './lines';
import type { CompletionProposal, ProposalEdit } from './types';

/** A root `key: value` line of the document, found in the text so half-typed files work too. */
interface RootLine {
  readonly lineStart: number;
  readonly value: string;
  /** From just after the colon to the end of the value (before any comment). */
  readonly valueSpan: Span;
}

export function rootLine(
  model: FileModel,
  document: DocumentModel,
  key: string,
  skipLine: number,
): RootLine | undefined {
  const lines = linesOf(model);
  const first = lineOfOffset(model.lineStarts, document.span[0]);
  const last = lineOfOffset(model.lineStarts, document.span[1]);
  const pattern = new RegExp(`^${key}[ \\t]*:([ \\t]*)([^\\s#]*)`);
  for (let line = first; line <= last && line < lines.count; line++) {
    const match = line === skipLine ? null : pattern.exec(lines.text(line));
    if (match) {
      const start = lines.start(line);
      const valueStart = start + match.index + match[0].length - match[2]!.length;
      const colonEnd = start + match[0].length - match[2]!.length - match[1]!.length;
      return {
        lineStart: start,
        value: match[2]!,
        valueSpan: [colonEnd, valueStart + match[2]!.length],
      };
    }
  }
  return undefined;
}

const kindNames = new WeakMap<Schema, string[]>();

/** Distinct kind names, sorted, computed once per schema. */
function distinctKinds(schema: Schema): string[] {
  let names = kindNames.get(schema);
  if (!names) {
    names = [...new Set(schema.kinds.map((info) => info.kind))].sort();
    kindNames.set(schema, names);
  }
  return names;
}

export function kindProposals(context: ValueContext, schema: Schema): CompletionProposal[] {
  const cursorLine = lineOfOffset(context.model.lineStarts, context.offset);
  const apiVersionLine = rootLine(context.model, context.document, 'apiVersion', cursorLine);
  const lineStart = context.model.lineStarts[cursorLine] ?? 0;
  return distinctKinds(schema).map((name) => {
    const served = schema.kindsNamed(name);
    const preferred = served[0]!;
    const fitsApiVersion = served.some((info) => info.apiVersion === apiVersionLine?.value);
    const edit = apiVersionEdit(apiVersionLine, preferred, fitsApiVersion, lineStart);
    return {
      label: name,
      kind: 'class',
      detail: served.map((info) => info.apiVersion).join(', '),
      documentation: kindDocumentation(schema, served),
      insertText: (context.needsSpace ? ' ' : '') + name,
      // Kinds the written apiVersion serves come first, then stable ones, then the rest.
      sortText: `${fitsApiVersion ? 0 : 1}${preferred.stability === 'stable' ? 0 : 1}_${name}`,
      filterText: name,
      replace: context.replace,
      ...(edit ? { additionalEdits: [edit] } : {}),
    };
  });
}

/** The edit that makes `apiVersion` match a chosen kind, or nothing when it already does. */
function apiVersionEdit(
  line: RootLine | undefined,
  preferred: KindInfo,
  fits: boolean,
  kindLineStart: number,
): ProposalEdit | undefined {
  if (!line) {
    return {
      span: [kindLineStart, kindLineStart],
      newText: `apiVersion: ${preferred.apiVersion}\n`,
    };
  }
  if (fits) {
    return undefined;
  }
  return { span: line.valueSpan, newText: ` ${preferred.apiVersion}` };
}

export function apiVersionProposals(context: ValueContext, schema: Schema): CompletionProposal[] {
  const cursorLine = lineOfOffset(context.model.lineStarts, context.offset);
  const kind = rootLine(context.model, context.document, 'kind', cursorLine)?.value;
  const served = kind ? schema.kindsNamed(kind) : [];
  if (served.length > 0) {
    return served.map((info, index) => ({
      label: info.apiVersion,
      kind: 'module',
      detail: `${info.stability} · ${kind}`,
      documentation: kindDocumentation(schema, [info]),
      insertText: (context.needsSpace ? ' ' : '') + info.apiVersion,
      sortText: String(index).padStart(3, '0'),
      filterText: info.apiVersion,
      replace: context.replace,
    }));
  }
  const byVersion = new Map<string, KindInfo[]>();
  for (const info of schema.kinds) {
    byVersion.set(info.apiVersion, [...(byVersion.get(info.apiVersion) ?? []), info]);
  }
  const stabilityRank = { stable: 0, beta: 1, alpha: 2 } as const;
  return [...byVersion.entries()].map(([apiVersion, infos]) => {
    const stability = infos[0]!.stability;
    return {
      label: apiVersion,
      kind: 'module',
      detail: stability,
      documentation: `Serves ${valuesList(infos.map((info) => info.kind).sort())}.`,
      insertText: (context.needsSpace ? ' ' : '') + apiVersion,
      sortText: `${stabilityRank[stability]}_${apiVersion}`,
      filterText: apiVersion,
      replace: context.replace,
    };
  });
}
