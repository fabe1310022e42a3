// Writes plain data as block-style YAML with comments, in the layout Prettier and kubectl users
// expect. Only the scaffold writes YAML; strings are quoted whenever any YAML 1.1 or 1.2 reader
// (kubectl's included) could take them for something other than a string.

export type YamlScalar = string | number | boolean | null;
export type YamlData = YamlScalar | readonly YamlData[] | YamlMapping | Commented;
export interface YamlMapping {
  readonly [key: string]: YamlData | undefined;
}

const commentMark = Symbol('commented');

/** A value preceded by comment lines; allowed as a mapping value (the comment goes above the key). */
export interface Commented {
  readonly [commentMark]: true;
  readonly comment: string;
  readonly value: YamlData;
}

export function commented(comment: string, value: YamlData): Commented {
  return { [commentMark]: true, comment, value };
}

function isCommented(value: YamlData): value is Commented {
  return typeof value === 'object' && value !== null && commentMark in value;
}

/** A whole file: a leading comment block and one document. */
export function writeYamlFile(header: readonly string[], document: YamlMapping): string {
  const comment = header.map((line) => (line ? `# ${line}` : '#'));
  return [...comment, ...writeMapping(document, 0)].join('\n') + '\n';
}

function writeMapping(mapping: YamlMapping, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [key, raw] of Object.entries(mapping)) {
    if (raw === undefined) {
      continue;
    }
    let value = raw;
    if (isCommented(value)) {
      lines.push(...value.comment.split('\n').map((line) => `${pad}# ${line}`.trimEnd()));
      value = value.value;
    }
    lines.push(...writeEntry(`${pad}${formatKey(key)}:`, value, indent));
  }
  return lines;
}

/** One `key:` or `-` entry whose value follows on the same line or below it. */
function writeEntry(prefix: string, value: YamlData, indent: number): string[] {
  if (isCommented(value)) {
    throw new Error('comments are only supported on mapping values');
  }
  if (typeof value === 'string' && value.includes('\n')) {
    const body = value.endsWith('\n') ? value.slice(0, -1) : value;
    // Strip the final line break (`-`), keep one (clip) or keep them all (`+`).
    const chomp = !value.endsWith('\n') ? '-' : value.endsWith('\n\n') ? '+' : '';
    // A first line that starts with a space needs an explicit indentation indicator.
    const indicator = body.startsWith(' ') ? '2' : '';
    const pad = ' '.repeat(indent + 2);
    return [
      `${prefix} |${indicator}${chomp}`,
      ...body.split('\n').map((line) => (line ? pad + line : '')),
    ];
  }
  if (isScalar(value)) {
    return [`${prefix} ${formatScalar(value)}`];
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? [`${prefix} []`] : [prefix, ...writeSequence(value, indent + 2)];
  }
  const mapping = value as YamlMapping;
  return Object.values(mapping).every((item) => item === undefined)
    ? [`${prefix} {}`]
    : [prefix, ...writeMapping(mapping, indent + 2)];
}

function writeSequence(items: readonly YamlData[], indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const item of items) {
    if (item === null || typeof item !== 'object') {
      lines.push(...writeEntry(`${pad}-`, item, indent));
      continue;
    }
    if (isCommented(item)) {
      throw new Error('comments are only supported on mapping values');
    }
    const nested = Array.isArray(item)
      ? writeSequence(item, indent + 2)
      : writeMapping(item as YamlMapping, indent + 2);
    if (nested.length === 0 || nested[0]!.trimStart().startsWith('#')) {
      // An empty collection, or one whose first line is a comment, cannot share the dash line.
      lines.push(...writeEntry(`${pad}-`, item, indent));
      continue;
    }
    lines.push(`${pad}- ${nested[0]!.slice(indent + 2)}`, ...nested.slice(1));
  }
  return lines;
}

function isScalar(value: YamlData): value is YamlScalar {
  return (
    value === null ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    (typeof value === 'string' && !value.includes('\n'))
  );
}

function formatKey(key: string): string {
  return needsQuotes(key) ? quote(key) : key;
}

function formatScalar(value: YamlScalar): string {
  if (value === null) {
    return 'null';
  }
  if (typeof value !== 'string') {
    return String(value);
  }
  return needsQuotes(value) ? quote(value) : value;
}

/** Words YAML 1.1 (go-yaml, kubectl) or 1.2 read as booleans or null. */
const reservedWords = /^(?:true|false|yes|no|y|n|on|off|null|~)$/i;

/** Plain scalars that YAML 1.1 or 1.2 resolve to numbers or timestamps. */
const numberLike = [
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])*$/, // integers, YAML 1.1 underscores and base 60
  /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+)$/, // binary, hex and octal
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$/, // floats with a dot
  /^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$/, // floats with an exponent only
  /^[-+]?\.(?:inf|nan)$/i,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/, // timestamps
];

function needsQuotes(text: string): boolean {
  return (
    text === '' ||
    text !== text.trim() ||
    reservedWords.test(text) ||
    numberLike.some((pattern) => pattern.test(text)) ||
    /^[,[\]{}#&*!|>'"%@`]/.test(text) ||
    // `-`, `?` and `:` start a block entry, key or value only when a space or the end follows.
    /^[-?:](?:\s|$)/.test(text) ||
    /: |:$| #|\t/.test(text)
  );
}

/** Single quotes, or double quotes when that avoids doubling quotes (as Prettier does). */
function quote(text: string): string {
  if (text.includes("'") && !/["\\]/.test(text)) {
    return `"${text}"`;
  }
  return `'${text.replace(/'/g, "''")}'`;
}
