// Moves a reused document by a number of characters: an edit before it changed its offset but
// not its text.
import type { DocumentModel, Span, YamlNode } from './model';

function shiftSpan(span: Span, delta: number): Span {
  return [span[0] + delta, span[1] + delta];
}

export function shiftDocument(document: DocumentModel, delta: number): DocumentModel {
  return {
    ...document,
    span: shiftSpan(document.span, delta),
    root: document.root && shiftNode(document.root, delta),
    errors: document.errors.map((error) => ({ ...error, span: shiftSpan(error.span, delta) })),
    ...(document.warnings
      ? {
          warnings: document.warnings.map((warning) => ({
            ...warning,
            span: shiftSpan(warning.span, delta),
          })),
        }
      : {}),
  };
}

function shiftNode(node: YamlNode, delta: number): YamlNode {
  switch (node.type) {
    case 'map':
      return {
        ...node,
        span: shiftSpan(node.span, delta),
        pairs: node.pairs.map((pair) => ({
          ...pair,
          keySpan: shiftSpan(pair.keySpan, delta),
          span: shiftSpan(pair.span, delta),
          value: pair.value && shiftNode(pair.value, delta),
        })),
      };
    case 'seq':
      return {
        ...node,
        span: shiftSpan(node.span, delta),
        items: node.items.map((item) => shiftNode(item, delta)),
      };
    default:
      return { ...node, span: shiftSpan(node.span, delta) };
  }
}
