// Tells what a document is (a Kubernetes object, a partial one, a Helm template, …) from its
// root and text, so rules and features know which documents are ours.
import type { DocumentClass, YamlNode, Span } from './model';

/**
 * True when every `{{` of the document lies inside a literal or folded block scalar: a script or
 * a config file in a ConfigMap (`kubectl get … -o go-template='{{…}}'`), not a Helm template,
 * whose braces stand in the YAML structure itself.
 */
function templatesOnlyInBlockScalars(
  root: YamlNode | null,
  docText: string,
  docStart: number,
): boolean {
  const blocks: Span[] = [];
  const stack: YamlNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'scalar') {
      if (node.style === 'literal' || node.style === 'folded') {
        blocks.push(node.span);
      }
    } else if (node.type === 'map') {
      for (const pair of node.pairs) {
        if (pair.value) {
          stack.push(pair.value);
        }
      }
    } else if (node.type === 'seq') {
      stack.push(...node.items);
    }
  }
  if (blocks.length === 0) {
    return false;
  }
  for (let at = docText.indexOf('{{'); at >= 0; at = docText.indexOf('{{', at + 2)) {
    const offset = docStart + at;
    if (!blocks.some(([start, end]) => offset >= start && offset < end)) {
      return false;
    }
  }
  return true;
}

/** The document's class and, for Kubernetes objects, its apiVersion and kind. */
export function classify(
  root: YamlNode | null,
  docText: string,
  docStart: number,
): { classification: DocumentClass; apiVersion: string | undefined; kind: string | undefined } {
  if (docText.includes('{{') && !templatesOnlyInBlockScalars(root, docText, docStart)) {
    return { classification: 'helm', apiVersion: undefined, kind: undefined };
  }
  if (root === null || (root.type === 'scalar' && root.value === null)) {
    return { classification: 'empty', apiVersion: undefined, kind: undefined };
  }
  if (root.type !== 'map') {
    return { classification: 'other', apiVersion: undefined, kind: undefined };
  }
  let apiVersion: string | undefined;
  let kind: string | undefined;
  let hasApiVersion = false;
  let hasKind = false;
  for (const pair of root.pairs) {
    if (pair.key === 'apiVersion') {
      hasApiVersion = true;
      apiVersion = stringValue(pair.value);
    } else if (pair.key === 'kind') {
      hasKind = true;
      kind = stringValue(pair.value);
    }
  }
  const classification: DocumentClass =
    hasApiVersion && hasKind ? 'kubernetes' : hasApiVersion || hasKind ? 'partial' : 'other';
  return { classification, apiVersion, kind };
}

function stringValue(node: YamlNode | null): string | undefined {
  return node?.type === 'scalar' && typeof node.value === 'string' && node.value !== ''
    ? node.value
    : undefined;
}
