// Converts the `yaml` package's AST into our immutable model nodes, with spans made absolute by
// the offset of the chunk the AST was parsed from.
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node as YamlAstNode, Pair as YamlPair, Scalar } from 'yaml';
import type { PairNode, ScalarNode, ScalarStyle, Span, YamlNode } from './model';

/** Nesting deeper than this is cut off, so pathological input cannot exhaust the stack. */
const MAX_DEPTH = 200;

export function convertNode(
  node: YamlAstNode | null | undefined,
  depth: number,
  base: number,
): YamlNode | null {
  if (node === null || node === undefined || depth > MAX_DEPTH) {
    return null;
  }
  const range = node.range;
  const span: Span = range ? [base + range[0], base + range[1]] : [base, base];
  if (isScalar(node)) {
    return convertScalar(node, span);
  }
  if (isAlias(node)) {
    return { type: 'alias', span, name: node.source };
  }
  if (isMap(node)) {
    const pairs: PairNode[] = [];
    for (const item of node.items) {
      if (isPair(item)) {
        pairs.push(
          convertPair(item as YamlPair<YamlAstNode | null, YamlAstNode | null>, depth, base),
        );
      }
    }
    return { type: 'map', span: covering(span, pairs), flow: node.flow === true, pairs };
  }
  if (isSeq(node)) {
    const items: YamlNode[] = [];
    for (const item of node.items) {
      const converted = convertNode(item as YamlAstNode | null, depth + 1, base);
      if (converted) {
        items.push(converted);
      } else if (isPair(item)) {
        // A flow sequence such as `[a: 1]` holds pairs; model each as a single-pair map.
        const pair = convertPair(
          item as YamlPair<YamlAstNode | null, YamlAstNode | null>,
          depth,
          base,
        );
        items.push({ type: 'map', span: pair.span, flow: true, pairs: [pair] });
      }
    }
    return { type: 'seq', span: covering(span, items), flow: node.flow === true, items };
  }
  return null;
}

/**
 * A collection's span grown to hold its entries. On broken input `yaml` can end a collection's
 * range before entries it recovered after the error; every walker (and an outline that nests
 * symbols by range) relies on children lying inside their parent.
 */
function covering(span: Span, children: readonly { readonly span: Span }[]): Span {
  let [start, end] = span;
  for (const child of children) {
    start = Math.min(start, child.span[0]);
    end = Math.max(end, child.span[1]);
  }
  return start === span[0] && end === span[1] ? span : [start, end];
}

function convertPair(
  pair: YamlPair<YamlAstNode | null, YamlAstNode | null>,
  depth: number,
  base: number,
): PairNode {
  const keyNode = pair.key;
  const value = convertNode(pair.value, depth + 1, base);
  let key: string | null = null;
  let keySpan: Span = value ? [value.span[0], value.span[0]] : [base, base];
  if (keyNode && keyNode.range) {
    keySpan = [base + keyNode.range[0], base + keyNode.range[1]];
    key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
  }
  // An empty value (`key:`) is a null scalar with an empty range; the model says "no value".
  const hasValue = value !== null && !(value.type === 'scalar' && value.span[0] === value.span[1]);
  const end = hasValue ? Math.max(keySpan[1], value.span[1]) : keySpan[1];
  return { key, keySpan, value: hasValue ? value : null, span: [keySpan[0], end] };
}

function convertScalar(node: Scalar, span: Span): ScalarNode {
  const style = scalarStyle(node.type);
  const raw: unknown = node.value;
  let value: ScalarNode['value'];
  if (raw === null || raw === undefined) {
    value = null;
  } else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
    value = raw;
  } else if (typeof raw === 'bigint') {
    value = Number(raw);
  } else {
    // Timestamps and binary tags resolve to objects; the model keeps their source text.
    value = typeof node.source === 'string' ? node.source : JSON.stringify(raw);
  }
  const source = typeof node.source === 'string' ? node.source : String(value);
  const tag = typeof node.tag === 'string' ? node.tag : undefined;
  return tag
    ? { type: 'scalar', span, value, source, style, tag }
    : { type: 'scalar', span, value, source, style };
}

function scalarStyle(type: Scalar['type']): ScalarStyle {
  switch (type) {
    case 'QUOTE_SINGLE':
      return 'single';
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'BLOCK_LITERAL':
      return 'literal';
    case 'BLOCK_FOLDED':
      return 'folded';
    default:
      return 'plain';
  }
}
