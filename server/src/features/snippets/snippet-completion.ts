// Offers the snippets that fit the cursor: whole objects at the root of a document (with the `---`
// separators they need), fragments at the indentation of the mapping or sequence they belong to.
import type { FileModel, PathSegment } from '../../model';
import type { CompletionProposal } from '../completion';
import { documentAt, getIn, scalarText } from '../../model';
import type { CursorContext } from './cursor-context';
import { analyzeCursor } from './cursor-context';
import type { Snippet, SnippetContext } from './snippet-files';
import { itemContexts } from './snippet-files';
import { expandSnippet, resolveVariables, serializeSnippet } from './snippet-syntax';

/**
 * Variables the server resolves before the editor sees a body: facts of the surrounding document
 * that editors do not know. `${KS_APP_LABEL:web}` becomes the pod template's `app` label, so an
 * anti-affinity or spread selector inserted into a workload matches that workload's own pods.
 */
const serverVariables: ReadonlySet<string> = new Set(['KS_APP_LABEL']);

/** The snippets that fit at `offset`, each indented and separated for that spot. */
export function completeSnippets(
  model: FileModel,
  offset: number,
  snippets: readonly Snippet[],
): CompletionProposal[] {
  const context = analyzeCursor(model, offset);
  if (!context) {
    return [];
  }
  const variables = documentVariables(model, offset, context);
  const completions: CompletionProposal[] = [];
  for (const snippet of snippets) {
    if (!fits(snippet, context)) {
      continue;
    }
    const nodes = resolveVariables(snippet.nodes, variables, serverVariables);
    // Bodies without server variables go out exactly as written in the snippet file.
    const body = usesServerVariables(snippet) ? serializeSnippet(nodes) : snippet.body;
    const insertText = placeBody(body, snippet.context, context);
    const documentation = ['```yaml', expandSnippet(nodes), '```'].join('\n');
    for (const label of snippet.prefixes) {
      completions.push({
        label,
        kind: 'snippet',
        detail: snippet.description,
        documentation,
        insertText,
        snippet: true,
        // After the schema's keys and values, which are what most completions are for.
        sortText: `~${label}`,
        filterText: label,
        replace: context.wordSpan,
      });
    }
  }
  return completions;
}

/** Whether the snippet belongs where the cursor is. */
export function fits(snippet: Snippet, context: CursorContext): boolean {
  const where: SnippetContext = snippet.context;
  if (where === 'root') {
    return context.root !== undefined;
  }
  if (!context.manifest) {
    return false;
  }
  const keyPath = context.keySlot?.path;
  const itemPath = context.itemSlot?.path;
  switch (where) {
    case 'container':
      return (
        keyPath !== undefined &&
        typeof keyPath[keyPath.length - 1] === 'number' &&
        ['containers', 'initContainers'].includes(String(keyPath[keyPath.length - 2])) &&
        isPodSpec(keyPath.slice(0, -2), context.kind) &&
        !hasFirstKey(snippet, context)
      );
    case 'pod-spec':
      return (
        keyPath !== undefined && isPodSpec(keyPath, context.kind) && !hasFirstKey(snippet, context)
      );
    case 'statefulset-spec':
      return (
        context.kind === 'StatefulSet' &&
        keyPath !== undefined &&
        samePath(keyPath, ['spec']) &&
        !hasFirstKey(snippet, context)
      );
    case 'volumes':
      return (
        itemPath !== undefined &&
        itemPath[itemPath.length - 1] === 'volumes' &&
        isPodSpec(itemPath.slice(0, -1), context.kind)
      );
    case 'volumeClaimTemplates':
      return (
        context.kind === 'StatefulSet' &&
        itemPath !== undefined &&
        samePath(itemPath, ['spec', 'volumeClaimTemplates'])
      );
  }
}

/**
 * Indents a body for the cursor's column (the editor inserts it as is) and adds the separators a
 * whole object needs. An item snippet typed after an existing `- ` drops its own dash.
 */
export function placeBody(body: string, where: SnippetContext, context: CursorContext): string {
  if (where === 'root') {
    const before = context.root?.separatorBefore ? '---\n' : '';
    const after = context.root?.separatorAfter ? '\n---' : '';
    return `${before}${body}${after}`;
  }
  if (itemContexts.has(where) && context.dashColumn !== undefined) {
    return indent(body.slice(2), context.dashColumn);
  }
  return indent(body, context.column);
}

function indent(body: string, column: number): string {
  const padding = ' '.repeat(column);
  return body.replace(/\n(?=[^\n])/g, `\n${padding}`);
}

/** The server variables' values for this document (absent ones keep their defaults). */
function documentVariables(
  model: FileModel,
  offset: number,
  context: CursorContext,
): Record<string, string> {
  const root = documentAt(model, offset).root;
  const labels =
    context.kind === 'Pod'
      ? getIn(root, ['metadata', 'labels'])
      : getIn(root, ['spec', 'template', 'metadata', 'labels']);
  const app =
    scalarText(getIn(labels, ['app'])) ?? scalarText(getIn(labels, ['app.kubernetes.io/name']));
  const values: Record<string, string> = {};
  if (app !== undefined) {
    values.KS_APP_LABEL = app;
  }
  return values;
}

function usesServerVariables(snippet: Snippet): boolean {
  return [...serverVariables].some((name) => snippet.body.includes(name));
}

function isPodSpec(path: readonly PathSegment[], kind: string | undefined): boolean {
  if (kind === 'Pod') {
    return samePath(path, ['spec']);
  }
  return (
    path.length >= 2 && path[path.length - 2] === 'template' && path[path.length - 1] === 'spec'
  );
}

function samePath(path: readonly PathSegment[], expected: readonly PathSegment[]): boolean {
  return path.length === expected.length && path.every((segment, i) => segment === expected[i]);
}

/** True when the mapping already has the snippet's first key (inserting it would duplicate it). */
function hasFirstKey(snippet: Snippet, context: CursorContext): boolean {
  const key = /^([A-Za-z][\w.-]*):/.exec(snippet.body)?.[1];
  return key !== undefined && (context.keySlot?.siblings.has(key) ?? false);
}
