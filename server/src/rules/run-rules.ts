// The rule engine: picks the documents we own, runs every rule on them, and applies the
// user's severity settings. Pure: it takes a model and a context factory, returns findings.
import type { DocumentModel, FileModel } from '../model';
import type { KubeStatefulSettings, RuleSeverity } from '../protocol';
import type { Schema } from '../schema/types';
import type { IndexView } from './index-view';
import { allRules } from './registry';
import { explicitNamespaceOf } from './support/object-facts';
import { isSuppressed, readSuppressions } from './suppression';
import type { Finding, Rule, RuleContext, Severity } from './types';

export interface RunRulesOptions {
  readonly schema: Schema;
  readonly settings: KubeStatefulSettings;
  readonly index: IndexView;
  /** The namespace a document without `metadata.namespace` lives in (kustomization or `default`). */
  readonly defaultNamespace?: string;
  readonly rules?: readonly Rule[];
}

/** Runs every enabled rule on every document we own in the file. */
export function runRules(model: FileModel, options: RunRulesOptions): Finding[] {
  if (!options.settings.validate) {
    return [];
  }
  const findings: Finding[] = [];
  for (const document of model.documents) {
    if (!isOwned(model, document)) {
      continue;
    }
    const context = createContext(model, document, options);
    const suppressions = readSuppressions(model, document);
    for (const rule of options.rules ?? allRules) {
      const severity = configuredSeverity(rule, options.settings.rules[rule.id]);
      if (severity === 'off' || !appliesTo(rule, document)) {
        continue;
      }
      for (const finding of rule.check(context)) {
        if (isSuppressed(suppressions, model, rule.id, finding.span[0])) {
          continue;
        }
        findings.push({
          ...finding,
          ruleId: rule.id,
          severity: severity === 'default' ? (finding.severity ?? rule.defaultSeverity) : severity,
        });
      }
    }
  }
  return findings;
}

/** Documents we report on: Kubernetes objects, and anything being typed in a Kubernetes file. */
function isOwned(model: FileModel, document: DocumentModel): boolean {
  switch (document.classification) {
    case 'kubernetes':
    case 'partial':
      return true;
    case 'other':
      // A broken document in a file of manifests is most likely a manifest being typed.
      return model.hasKubernetes && document.errors.length > 0;
    default:
      return false;
  }
}

function appliesTo(rule: Rule, document: DocumentModel): boolean {
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
  };
}
