// The immutable YAML model every feature and rule reads. It is produced once per document
// version by parse.ts and never mutated afterwards; nothing outside model/ sees the `yaml` AST.

/** A half-open range `[start, end)` of UTF-16 offsets into the file text (the unit of JS strings and LSP). */
export type Span = readonly [start: number, end: number];

/** How a scalar was written; rules such as `yaml-boolean-string` need to know whether it was quoted. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export type ScalarValue = string | number | boolean | null;

export interface ScalarNode {
  readonly type: 'scalar';
  readonly span: Span;
  /** The value under the YAML 1.2 core schema (what the `yaml` package resolves). */
  readonly value: ScalarValue;
  /** The source text of the scalar without quotes (for block scalars, the folded content). */
  readonly source: string;
  readonly style: ScalarStyle;
  /** An explicit tag such as `!!str`, when one was written. */
  readonly tag?: string;
}

export interface PairNode {
  /** The key as a string (non-scalar keys are rendered to their source text), or null for `: value`. */
  readonly key: string | null;
  readonly keySpan: Span;
  /** The value node; null when nothing follows the colon (`key:`). */
  readonly value: YamlNode | null;
  /** From the start of the key to the end of the value (or the key when there is no value). */
  readonly span: Span;
}

export interface MapNode {
  readonly type: 'map';
  readonly span: Span;
  readonly flow: boolean;
  readonly pairs: readonly PairNode[];
}

export interface SeqNode {
  readonly type: 'seq';
  readonly span: Span;
  readonly flow: boolean;
  readonly items: readonly YamlNode[];
}

/** An alias (`*name`). Aliases are never expanded in the model, which makes alias bombs harmless. */
export interface AliasNode {
  readonly type: 'alias';
  readonly span: Span;
  readonly name: string;
}

export type YamlNode = MapNode | SeqNode | ScalarNode | AliasNode;

export interface ParseIssue {
  readonly span: Span;
  readonly message: string;
  /** The parser's error code, e.g. `BAD_INDENT`. */
  readonly code: string;
}

/**
 * How a document is routed:
 * - `kubernetes`: the root mapping has both `apiVersion` and `kind`;
 * - `partial`: a root mapping with only one of them (a document being typed);
 * - `empty`: nothing but comments or whitespace;
 * - `helm`: a Go template (`{{ … }}`), skipped entirely;
 * - `other`: any other YAML (compose files, workflows, …), which we leave alone.
 */
export type DocumentClass = 'kubernetes' | 'partial' | 'empty' | 'helm' | 'other';

export interface DocumentModel {
  /** Position of the document within its file, from 0. */
  readonly index: number;
  /** The document's text range, including its `---` marker and trailing comments. */
  readonly span: Span;
  readonly root: YamlNode | null;
  readonly errors: readonly ParseIssue[];
  /**
   * Text that Kubernetes' YAML reader accepts but YAML 1.2 parsers reject (see
   * lenient-quotes.ts); the document was read as kubectl reads it.
   */
  readonly warnings?: readonly ParseIssue[];
  readonly classification: DocumentClass;
  /** The root `apiVersion` and `kind` when they are plain strings. */
  readonly apiVersion: string | undefined;
  readonly kind: string | undefined;
}

export interface FileModel {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /** Offsets at which each line starts; `lineStarts[0]` is always 0. */
  readonly lineStarts: readonly number[];
  readonly documents: readonly DocumentModel[];
  /** True when at least one document is a Kubernetes object. */
  readonly hasKubernetes: boolean;
}
