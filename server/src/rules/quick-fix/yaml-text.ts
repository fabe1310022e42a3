// Renders plain data as YAML text in the style of the file it goes into: its indentation unit
// (2 or 4 spaces), whether block sequences are indented under their key, and its line breaks.
// Quick fixes build their insertions here instead of concatenating strings by hand.
import { offsetToPosition, walk } from '../../model';
import type { FileModel } from '../../model';

/** A plain YAML value; mapping keys keep their insertion order. */
export type PlainValue = string | number | boolean | null | PlainMap | readonly PlainValue[];
export interface PlainMap {
  readonly [key: string]: PlainValue;
}

/** How a file lays out its YAML, detected once per fix. */
export interface YamlLayout {
  /** Spaces per nesting level. */
  readonly unit: number;
  /** True when `- item` lines sit one unit deeper than their key (`containers:\n  - name`). */
  readonly indentSequences: boolean;
  readonly eol: string;
}

const defaultLayout: YamlLayout = { unit: 2, indentSequences: true, eol: '\n' };

/**
 * The file's layout, from the most common indentation step between a key and the block mapping
 * under it, and from how its block sequences sit under their keys. Files with no nesting get
 * two spaces and indented sequences, the style of the Kubernetes documentation.
 */
export function detectLayout(model: FileModel): YamlLayout {
  const steps = new Map<number, number>();
  let indented = 0;
  let compact = 0;
  const column = (offset: number): number => offsetToPosition(model, offset).character;
  for (const document of model.documents) {
    walk(document.root, (node, _path, pair) => {
      if (!pair || node.type === 'scalar' || node.type === 'alias' || node.flow) {
        return;
      }
      const keyColumn = column(pair.keySpan[0]);
      if (node.type === 'map' && node.pairs[0]) {
        const step = column(node.pairs[0].keySpan[0]) - keyColumn;
        if (step > 0 && step <= 8) {
          steps.set(step, (steps.get(step) ?? 0) + 1);
        }
      } else if (node.type === 'seq' && node.items.length > 0) {
        if (column(node.span[0]) > keyColumn) {
          indented++;
        } else {
          compact++;
        }
      }
    });
  }
  let unit = defaultLayout.unit;
  let best = 0;
  for (const [step, count] of steps) {
    if (count > best || (count === best && step < unit)) {
      unit = step;
      best = count;
    }
  }
  return {
    unit,
    indentSequences: compact > indented ? false : defaultLayout.indentSequences,
    eol: model.text.includes('\r\n') ? '\r\n' : '\n',
  };
}

const specialWords = /^(?:y|n|yes|no|true|false|on|off|null|~)$/i;
const numberLike = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$|^0[xXoObB]/;
const plainSafe = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

/** A scalar as YAML text: plain when it reads back as the same string, else double-quoted. */
export function renderScalar(value: string | number | boolean | null): string {
  if (value === null) {
    return 'null';
  }
  if (typeof value !== 'string') {
    return String(value);
  }
  if (plainSafe.test(value) && !specialWords.test(value) && !numberLike.test(value)) {
    return value;
  }
  return JSON.stringify(value);
}

function isMap(value: PlainValue): value is PlainMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmptyCollection(value: PlainValue): boolean {
  return Array.isArray(value)
    ? value.length === 0
    : isMap(value) && Object.keys(value).length === 0;
}

/** True for values that need their own lines (non-empty mappings and sequences). */
export function isBlockValue(value: PlainValue): boolean {
  return typeof value === 'object' && value !== null && !isEmptyCollection(value);
}

/** A value on one line: a scalar, or a flow collection (`[a, b]`, `{k: v}`). */
export function renderFlow(value: PlainValue): string {
  if (Array.isArray(value)) {
    return `[${value.map(renderFlow).join(', ')}]`;
  }
  if (isMap(value)) {
    const entries = Object.entries(value).map(([k, v]) => `${renderScalar(k)}: ${renderFlow(v)}`);
    return `{${entries.join(', ')}}`;
  }
  return renderScalar(value as string | number | boolean | null);
}

/** The pairs of a mapping as block lines at `indent` spaces, each ending with a line break. */
export function renderBlockMap(map: PlainMap, indent: number, layout: YamlLayout): string {
  return Object.entries(map)
    .map(([key, value]) => renderEntry(renderScalar(key), value, indent, layout))
    .join('');
}

/** The items of a sequence as block lines whose `-` sits at `indent` spaces. */
export function renderBlockSeq(
  items: readonly PlainValue[],
  indent: number,
  layout: YamlLayout,
): string {
  const pad = ' '.repeat(indent);
  return items
    .map((item) => {
      if (isMap(item) && !isEmptyCollection(item)) {
        // The first pair shares the line of the dash; the others align with it.
        const body = renderBlockMap(item, indent + 2, layout);
        return `${pad}- ${body.slice(indent + 2)}`;
      }
      if (Array.isArray(item) && item.length > 0) {
        return `${pad}-${layout.eol}${renderBlockSeq(item, indent + layout.unit, layout)}`;
      }
      return `${pad}- ${renderFlow(item)}${layout.eol}`;
    })
    .join('');
}

function renderEntry(key: string, value: PlainValue, indent: number, layout: YamlLayout): string {
  const pad = ' '.repeat(indent);
  if (!isBlockValue(value)) {
    return `${pad}${key}: ${renderFlow(value)}${layout.eol}`;
  }
  return `${pad}${key}:${layout.eol}${renderBlockValue(value, indent, layout)}`;
}

/** The lines of a block value that belongs to a key at `keyIndent` spaces. */
export function renderBlockValue(value: PlainValue, keyIndent: number, layout: YamlLayout): string {
  if (Array.isArray(value)) {
    return renderBlockSeq(value, keyIndent + (layout.indentSequences ? layout.unit : 0), layout);
  }
  return renderBlockMap(value as PlainMap, keyIndent + layout.unit, layout);
}

/** Nests `value` under a path of keys: `nest(['a', 'b'], 1)` is `{ a: { b: 1 } }`. */
export function nest(path: readonly string[], value: PlainValue): PlainValue {
  return path.reduceRight<PlainValue>((inner, key) => ({ [key]: inner }), value);
}
