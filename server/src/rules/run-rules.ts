// The rule engine: picks the documents we own, runs every rule on them, and applies the
// user's severity settings. Pure: it takes a model and a context factory, returns findings.
import { lineOfOffset, originOf } from '../model';
import type { DocumentModel, FileModel, LineCharacter } from '../model';
import type { KubeStatefulSettings, RuleSeverity } from '../protocol';
import type { Schema } from '../schema/types';
import type { IndexQuery, IndexView, OverlayScope } from './index-view';
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
   * The kustomize overlays that deploy this file (empty or absent outside any kustomize tree).
   * Rules that read the index judge the document in each overlay's view instead of `index`: a
   * finding every overlay has is reported as is, one only some have names the overlay, and one
   * none has (the base alone is incomplete, its overlays complete it) is not reported.
   */
  readonly overlays?: readonly OverlayScope[];
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
  const scopes = options.overlays ?? [];
  // Findings are recorded and reused against the first overlay's view (or the file's own).
  const primary = scopes[0]?.index ?? options.index;
  const recording = recordQueries(primary);
  const others = scopes.slice(1);
  const rules = options.rules ?? allRules;
  // Read once per run, not once per document and rule: a file of 5,000 documents asks 350,000
  // times, and a lookup of a rule the settings do not name walks the prototype chain each time.
  const severities = rules.map((rule) => configuredSeverity(rule, options.settings.rules[rule.id]));
  for (const document of model.documents) {
    const role = roleOf(model, document, options);
    if (!isOwned(model, document, role)) {
      continue;
    }
    const namespace =
      scopes[0]?.namespace ??
      explicitNamespaceOf(document) ??
      options.defaultNamespace ??
      'default';
    const cache = documentCache(
      model,
      document,
      { settings: options.settings, schema: options.schema, namespace, role },
      options.cache,
    );
    // Nothing this document's rules read changed: its findings are those of the last run.
    const finished = cache.finished;
    if (finished?.rules === rules && stillAnswered(finished.queries, primary)) {
      yield finished.findings;
      continue;
    }
    const findings: Finding[] = [];
    const inScope = (index: IndexView, scope: OverlayScope | undefined): RuleContext => {
      const context = createContext(model, document, { ...options, index }, role);
      return scope?.namespace !== undefined ? { ...context, namespace: scope.namespace } : context;
    };
    let context: RuleContext | undefined;
    const suppressions = readSuppressions(model, document);
    const brokenLines = new Set(
      document.errors.map((error) => lineOfOffset(model.lineStarts, error.span[0])),
    );
    const queriesOfRules = new Map<string, AnsweredQuery>();
    let reusable = true;
    for (const [ruleIndex, rule] of rules.entries()) {
      const severity = severities[ruleIndex]!;
      if (severity === 'off' || !appliesTo(rule, document, role)) {
        continue;
      }
      let result = cache.byRule.get(rule.id);
      if (!result || !stillAnswered(result.queries, primary)) {
        context ??= inScope(recording.view, scopes[0]);
        recording.start();
        const ruleFindings = rule.check(context);
        const queries = recording.stop(primary);
        if ((queries === undefined || queries.length > 0) && others.length > 0) {
          // Judged in every overlay's view and merged: not reused (the views are built anew).
          const rest = others.map((scope) => rule.check(inScope(scope.index, scope)));
          result = { findings: acrossOverlays([ruleFindings, ...rest], scopes), queries: [] };
          cache.byRule.delete(rule.id);
          reusable = false;
        } else if (queries) {
          // Most rules find nothing in most documents without asking the index: one shared
          // result spares the collector an object per document and rule.
          result =
            ruleFindings.length === 0 && queries.length === 0
              ? nothingFound
              : { findings: ruleFindings, queries };
          cache.byRule.set(rule.id, result);
        } else {
          result = { findings: ruleFindings, queries: [] };
          cache.byRule.delete(rule.id);
          reusable = false;
        }
      }
      for (const query of result.queries) {
        queriesOfRules.set(query.key, query);
      }
      for (const finding of result.findings) {
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
    cache.finished = reusable
      ? { rules, findings, queries: [...queriesOfRules.values()] }
      : undefined;
    yield findings;
  }
}

/**
 * One rule's findings in each overlay's view, merged: a finding (same place, same message) that
 * every overlay has once, the others with the overlay named and linked.
 */
function acrossOverlays(
  perOverlay: readonly (readonly RuleFinding[])[],
  scopes: readonly OverlayScope[],
): RuleFinding[] {
  const keyOf = (finding: RuleFinding): string =>
    `${finding.span[0]}:${finding.span[1]}:${finding.message}`;
  const overlaysWith = new Map<string, number>();
  for (const findings of perOverlay) {
    for (const key of new Set(findings.map(keyOf))) {
      overlaysWith.set(key, (overlaysWith.get(key) ?? 0) + 1);
    }
  }
  const merged: RuleFinding[] = [];
  const everywhere = new Set<string>();
  perOverlay.forEach((findings, i) => {
    const scope = scopes[i]!;
    for (const finding of findings) {
      const key = keyOf(finding);
      if (overlaysWith.get(key) !== scopes.length) {
        merged.push(inOverlay(finding, scope));
      } else if (!everywhere.has(key)) {
        everywhere.add(key);
        merged.push(finding);
      }
    }
  });
  return merged;
}

const overlayStart = { line: 0, character: 0 };

/** The finding as one overlay has it: its message names the overlay, related links it. */
export function inOverlay(finding: RuleFinding, scope: OverlayScope): RuleFinding {
  return {
    ...finding,
    message: `in overlay \`${scope.label}\`: ${finding.message}`,
    related: [
      ...(finding.related ?? []),
      {
        uri: scope.uri,
        range: { start: overlayStart, end: overlayStart },
        message: `the overlay \`${scope.label}\``,
      },
    ],
  };
}

function queryKey(method: IndexQuery, args: readonly unknown[]): string {
  return `${method}(${JSON.stringify(args)})`;
}

/**
 * Each rule's findings on a document, kept per document object. Models are immutable and the
 * parser reuses the documents an edit did not touch, so after typing in one document of a large
 * file only that document is checked again, plus the rules of other documents that read a fact
 * the edit changed. The entry is valid for one set of inputs: settings, schema, namespace, role
 * and the document's first line (related locations carry line numbers); a rule that asked the
 * index is also valid only while every query it made would answer the same (`revisionOf`).
 */
interface DocumentFindings {
  readonly settings: KubeStatefulSettings;
  readonly schema: Schema;
  readonly namespace: string;
  readonly role: DocumentRole;
  readonly startLine: number;
  readonly byRule: Map<string, RuleResult>;
  /** The findings of the last run over this set of rules, and every query they made. */
  finished?: {
    readonly rules: readonly Rule[];
    readonly findings: Finding[];
    readonly queries: readonly AnsweredQuery[];
  };
}

/** What a document's findings depend on besides the document itself. */
interface CacheInputs {
  readonly settings: KubeStatefulSettings;
  readonly schema: Schema;
  readonly namespace: string;
  readonly role: DocumentRole;
}

interface RuleResult {
  readonly findings: readonly RuleFinding[];
  /** The index queries the rule made, each with the revision of its answer then. */
  readonly queries: readonly AnsweredQuery[];
}

const nothingFound: RuleResult = { findings: [], queries: [] };

interface AnsweredQuery {
  /** `method(args)`, which tells equal queries apart. */
  readonly key: string;
  readonly method: IndexQuery;
  readonly args: readonly unknown[];
  readonly revision: number;
}

/** Whether every query would answer as it did (asking also records the file's dependency). */
function stillAnswered(queries: readonly AnsweredQuery[], index: IndexView): boolean {
  return queries.every((query) => index.revisionOf?.(query.method, query.args) === query.revision);
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
  context: CacheInputs,
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
  // A document the edit only moved keeps its findings, moved by the same distance. Findings
  // that read the index may point into other documents, which stayed where they were: those are
  // kept only when no line moved (then only offsets within this document change).
  const origin = originOf(document);
  const previous = origin && findingsByDocument?.get(origin.document);
  if (origin && fits(previous)) {
    const lines = startLine - previous.startLine;
    for (const [ruleId, result] of previous.byRule) {
      if (result.queries.length === 0 || lines === 0) {
        fresh.byRule.set(ruleId, {
          findings: result.findings.map((finding) =>
            moveFinding(finding, origin.delta, lines, model.uri),
          ),
          queries: result.queries,
        });
      }
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

/**
 * Wraps the index so the engine knows which queries a rule made. `stop` answers them with their
 * revisions, or undefined when one cannot be vouched for (the rule must run again next time).
 */
function recordQueries(index: IndexView): {
  view: IndexView;
  start(): void;
  stop(index: IndexView): AnsweredQuery[] | undefined;
} {
  // One map, emptied for each rule, and one recording wrapper per method: the engine records
  // every rule on every document, and fresh objects there were a large part of the collector's
  // work on files of thousands of documents.
  const made = new Map<string, { method: IndexQuery; args: unknown[] }>();
  const wrappers = new Map<string | symbol, unknown>();
  const view = new Proxy(index, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || property === 'revisionOf') {
        return value;
      }
      let wrapper = wrappers.get(property);
      if (wrapper === undefined) {
        const method = property as IndexQuery;
        wrapper = (...args: unknown[]): unknown => {
          made.set(queryKey(method, args), { method, args });
          return (value as (...values: unknown[]) => unknown).apply(target, args);
        };
        wrappers.set(property, wrapper);
      }
      return wrapper;
    },
  });
  return {
    view,
    start: () => {
      made.clear();
    },
    stop: (source) => {
      if (made.size === 0) {
        return noQueries;
      }
      const answered: AnsweredQuery[] = [];
      for (const [key, { method, args }] of made) {
        const revision = source.revisionOf?.(method, args);
        if (revision === undefined) {
          return undefined;
        }
        answered.push({ key, method, args, revision });
      }
      return answered;
    },
  };
}

const noQueries: AnsweredQuery[] = [];

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
