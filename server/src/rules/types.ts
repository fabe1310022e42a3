// The contract of a rule: a pure check over one document that returns plain findings. Rules
// see the workspace only through the read-only IndexView the engine hands them.
import type { DocumentModel, FileModel, LineRange, Span } from '../model';
import type { KubeStatefulSettings } from '../protocol';
import type { KindInfo, Schema } from '../schema/types';
import type { IndexView } from './index-view';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/**
 * What a document is to the workspace: a whole Kubernetes `object`, a strategic-merge `patch`
 * that a kustomization applies to an object of a base (it sets a few fields, the base the rest),
 * a `json-patch` (JSON 6902 operations), or a `kustomization` itself.
 */
export type DocumentRole = 'object' | 'patch' | 'json-patch' | 'kustomization';

/** A location in another object (or file) that explains a finding. */
export interface RelatedLocation {
  readonly uri: string;
  readonly range: LineRange;
  readonly message: string;
}

/** What a rule reports; the engine fills in the rule id and the configured severity. */
export interface RuleFinding {
  readonly span: Span;
  readonly message: string;
  /** Overrides the rule's default severity for this finding (e.g. `pdb-policy`: both set is an error). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedLocation[];
  /** Plain data for the quick fix of this finding (e.g. the suggested key). */
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface Finding extends RuleFinding {
  readonly ruleId: string;
  readonly severity: Severity;
}

export interface RuleContext {
  readonly model: FileModel;
  readonly document: DocumentModel;
  /** The document's kind in the schema, when its apiVersion/kind is a built-in one. */
  readonly kindInfo: KindInfo | undefined;
  readonly schema: Schema;
  readonly settings: KubeStatefulSettings;
  readonly index: IndexView;
  /** The document's namespace: `metadata.namespace`, else the folder's kustomization, else `default`. */
  readonly namespace: string;
  /** Whole object, patch, JSON 6902 patch or kustomization (see DocumentRole). */
  readonly role: DocumentRole;
}

export interface Rule {
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One sentence for docs and the CLI's rule list. */
  readonly description: string;
  /**
   * Why the rule offers no quick fix of its own (one line, for the docs and the completeness
   * test); absent when its folder has a `fix.ts`. "Disable for this line" is offered either way.
   */
  readonly noQuickFix?: string;
  /**
   * Which documents the rule sees: `kubernetes` documents only (the default), or also
   * half-typed ones (`partial`), as syntax rules need.
   */
  readonly appliesTo?: 'kubernetes' | 'kubernetes-or-partial' | 'kustomization' | 'json-patch';
  /**
   * What the rule judges: the `object` as a whole (the default: required fields, probes,
   * wiring, anything that may come from elsewhere), or only the `fields` a document writes
   * (types, enums, unknown keys, quantities), which also holds for a patch.
   */
  readonly judges?: 'object' | 'fields';
  check(context: RuleContext): readonly RuleFinding[];
}
