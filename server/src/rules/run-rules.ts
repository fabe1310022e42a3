// The rule engine: picks the documents we own, runs every rule on them, and applies the
// user's severity settings. Pure: it takes a model and a context factory, returns findings.
import { lineOfOffset, originOf } from '../model';
import type { DocumentModel, FileModel, LineCharacter } from '../model';
import type { KubeStatefulSettings, RuleSeverity } from '../protocol';
import type { Schema } from '../schema/types';
import type { IndexView } from './index-view';
import { allRules } from './registry';
import { explicitNamespaceOf } from './support/object-facts';
import { isSuppressed, readSuppressions } from './suppression';
import { isKustomizationDocument, isKustomizationFileName } from '../kustomize/kustomization';
import type { DocumentRole, Finding, Rule, RuleContext, RuleFinding, Severity } from './types';

export interface RunRulesOptions {
  readonly schema: Schema;
  readonly settings: KubeStatefulSettings;
  readonly index: IndexView;
  /** The namespace a document without `metadata.namespace` lives in (kustomization or `default`). */
  readonly defaultNamespace?: string;
  readonly rules?: readonly Rule[];
  /**
   * The role of a document of this file, as the workspace index knows it (patch files are
   * named by kustomizations elsewhere). Kustomizations are recognised without it.
   */
  readonly roleOf?: (documentIndex: number) => DocumentRole;
  /**
   * Findings kept between runs over successive versions of a file (the server passes its own);
   * without it every run checks every document afresh.
   */
  readonly cache?: RuleFindingsCache;
}

/** Runs every enabled rule on every document we own in the file. */
export function runRules(model: FileModel, options: RunRulesOptions): Finding[] {
  const findings: Finding[] = [];
  for (const found of findingsPerDocument(model, options)) {
    findings.push(...found);
  }
  return findings;
}

/**
 * The findings of `runRules`, one document at a time, so a caller can stop between documents:
 * the server yields to other requests there on large files, and drops a run a newer edit made
 * stale.
 */
export function* findingsPerDocument(
  model: FileModel,
  options: RunRulesOptions,
): Generator<Finding[], void, undefined> {
  if (!options.settings.validate) {
    return;
  }
  const tracked = trackIndexUse(options.index);
  for (const document of model.documents) {
    const role = roleOf(model, document, options);
    if (!isOwned(model, document, role)) {
      continue;
    }
    const findings: Finding[] = [];
    const context = createContext(model, document, { ...options, index: tracked.view }, role);
    const cache = documentCache(model, document, context, options.cache);
    const suppressions = readSuppressions(model, document);
    const brokenLines = new Set(
      document.errors.map((error) => lineOfOffset(model.lineStarts, error.span[0])),
    );
    for (const rule of options.rules ?? allRules) {
      const severity = configuredSeverity(rule, options.settings.rules[rule.id]);
      if (severity === 'off' || !appliesTo(rule, document, role)) {
        continue;
      }
      let ruleFindings = cache.byRule.get(rule.id);
      if (!ruleFindings) {
        tracked.used = false;
        ruleFindings = rule.check(context);
        if (!tracked.used) {
          cache.byRule.set(rule.id, ruleFindings);
        }
      }
      for (const finding of ruleFindings) {
        if (isSuppressed(suppressions, model, rule.id, finding.span[0])) {
          continue;
        }
        // On a line the parser could not read, what the other rules see is a guess at what was
        // meant: the syntax error is the one finding there, not a cascade of consequences.
        if (
          rule.id !== 'yaml-syntax' &&
          brokenLines.has(lineOfOffset(model.lineStarts, finding.span[0]))
        ) {
          continue;
        }
        findings.push({
          ...finding,
          ruleId: rule.id,
          severity: severity === 'default' ? (finding.severity ?? rule.defaultSeverity) : severity,
        });
      }
    }
    yield findings;
  }
}

/**
 * Findings of the rules that looked only at their own document (they never asked the index),
 * kept per document object. Models are immutable and the parser reuses the documents an edit did
 * not touch, so after typing in one document of a large file only that document is checked again
 * by those rules. The entry is valid for one set of inputs: settings, schema, namespace and the
 * document's first line (related locations carry line numbers).
 */
interface DocumentFindings {
  readonly settings: KubeStatefulSettings;
  readonly schema: Schema;
  readonly namespace: string;
  readonly role: DocumentRole;
  readonly startLine: number;
  readonly byRule: Map<string, readonly RuleFinding[]>;
}

/**
 * The per-document findings of one rule engine user. The server instance owns one (as it owns
 * its model cache), so two servers in one process never share entries.
 */
export class RuleFindingsCache {
  readonly byDocument = new WeakMap<DocumentModel, DocumentFindings>();
}

function documentCache(
  model: FileModel,
  document: DocumentModel,
  context: RuleContext,
  findingsCache: RuleFindingsCache | undefined,
): DocumentFindings {
  const findingsByDocument = findingsCache?.byDocument;
  const startLine = lineOfOffset(model.lineStarts, document.span[0]);
  const fits = (entry: DocumentFindings | undefined): entry is DocumentFindings =>
    entry !== undefined &&
    entry.settings === context.settings &&
    entry.schema === context.schema &&
    entry.namespace === context.namespace &&
    entry.role === context.role;
  const cached = findingsByDocument?.get(document);
  if (fits(cached) && cached.startLine === startLine) {
    return cached;
  }
  const fresh: DocumentFindings = {
    settings: context.settings,
    schema: context.schema,
    namespace: context.namespace,
    role: context.role,
    startLine,
    byRule: new Map(),
  };
  // A document the edit only moved keeps its findings, moved by the same distance.
  const origin = originOf(document);
  const previous = origin && findingsByDocument?.get(origin.document);
  if (origin && fits(previous)) {
    const lines = startLine - previous.startLine;
    for (const [ruleId, findings] of previous.byRule) {
      fresh.byRule.set(
        ruleId,
        findings.map((finding) => moveFinding(finding, origin.delta, lines, model.uri)),
      );
    }
  }
  findingsByDocument?.set(document, fresh);
  return fresh;
}

function moveFinding(
  finding: RuleFinding,
  offsets: number,
  lines: number,
  uri: string,
): RuleFinding {
  const moved: RuleFinding = {
    ...finding,
    span: [finding.span[0] + offsets, finding.span[1] + offsets],
  };
  if (!finding.related) {
    return moved;
  }
  const moveLine = (position: LineCharacter): LineCharacter => ({
    line: position.line + lines,
    character: position.character,
  });
  return {
    ...moved,
    related: finding.related.map((related) =>
      related.uri === uri
        ? {
            ...related,
            range: { start: moveLine(related.range.start), end: moveLine(related.range.end) },
          }
        : related,
    ),
  };
}

/** Wraps the index so the engine knows whether a rule consulted it (and so may depend on others). */
function trackIndexUse(index: IndexView): { view: IndexView; used: boolean } {
  const tracked = { view: index, used: false };
  tracked.view = new Proxy(index, {
    get(target, property, receiver) {
      tracked.used = true;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return tracked;
}

/** The role of a document: a kustomization by its file name or kind, else what the index says. */
function roleOf(model: FileModel, document: DocumentModel, options: RunRulesOptions): DocumentRole {
  if (isKustomizationFileName(model.uri) || isKustomizationDocument(document)) {
    return 'kustomization';
  }
  return options.roleOf?.(document.index) ?? 'object';
}

/** Documents we report on: Kubernetes objects, and anything being typed in a Kubernetes file. */
function isOwned(model: FileModel, document: DocumentModel, role: DocumentRole): boolean {
  if (role === 'kustomization' || role === 'json-patch') {
    return document.root !== null;
  }
  switch (document.classification) {
    case 'kubernetes':
    case 'partial':
      return true;
    case 'other':
      // A broken document in a file of manifests is most likely a manifest being typed. One
      // nested too deep was never read, so nobody can tell what it is: it gets its one finding
      // saying why, even alone in its file.
      return (
        (model.hasKubernetes && document.errors.length > 0) ||
        document.errors.some((error) => error.code === 'NESTING_TOO_DEEP')
      );
    default:
      return false;
  }
}

function appliesTo(rule: Rule, document: DocumentModel, role: DocumentRole): boolean {
  if (role === 'kustomization' || role === 'json-patch') {
    // Syntax still matters in these files; Kubernetes rules do not.
    return rule.appliesTo === role || rule.id === 'yaml-syntax' || rule.id === 'duplicate-key';
  }
  if (rule.appliesTo === 'kustomization' || rule.appliesTo === 'json-patch') {
    return false;
  }
  if (role === 'patch' && rule.judges !== 'fields') {
    return false;
  }
  if (document.classification === 'kubernetes') {
    return true;
  }
  return rule.appliesTo === 'kubernetes-or-partial';
}

function configuredSeverity(
  _rule: Rule,
  configured: RuleSeverity | undefined,
): Severity | 'off' | 'default' {
  return configured ?? 'default';
}

export function createContext(
  model: FileModel,
  document: DocumentModel,
  options: RunRulesOptions,
  role: DocumentRole = 'object',
): RuleContext {
  const kindInfo =
    document.apiVersion && document.kind
      ? options.schema.lookupKind(document.apiVersion, document.kind)
      : undefined;
  return {
    model,
    document,
    kindInfo,
    schema: options.schema,
    settings: options.settings,
    index: options.index,
    namespace: explicitNamespaceOf(document) ?? options.defaultNamespace ?? 'default',
    role,
  };
}
