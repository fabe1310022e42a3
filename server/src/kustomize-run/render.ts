// Renders every top-level overlay of a workspace with the real kustomize, runs the rules that
// judge whole objects over what it produced, and traces each finding back to the source line
// that caused it. Findings the base already has are dropped. Shared by the LSP glue and the CLI.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { DocumentModel, FileModel, LineRange } from '../model';
import { documentAt, getIn, lineOfOffset, parseFile, scalarText } from '../model';
import type { KustomizationFacts, PatchTarget } from '../kustomize/kustomization';
import { isRemotePath, resolveKustomizePath } from '../kustomize/kustomization';
import { placeBuildError } from '../kustomize/build-error';
import { originOf } from '../kustomize/rendered-origin';
import { replicaRules, traceFinding } from '../kustomize/trace';
import type { KubeStatefulSettings } from '../protocol';
import { allRules } from '../rules/registry';
import { targetSelects, unmatchedPatches } from '../rules/support/patch-target';
import { runRules } from '../rules/run-rules';
import { isSuppressed, readSuppressions } from '../rules/suppression';
import type { RelatedLocation, Severity } from '../rules/types';
import type { Schema } from '../schema/types';
import { extractFacts } from '../workspace-index/extract-facts';
import { WorkspaceIndex } from '../workspace-index/workspace-index';
import type { BuildResult, KustomizeCommand } from './build';
import { buildOverlay } from './build';

/** A finding at a line range of a source file (which need not be open in the editor). */
export interface LocatedFinding {
  readonly uri: string;
  readonly range: LineRange;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly related: readonly RelatedLocation[];
}

export interface OverlayReport {
  readonly overlayUri: string;
  /** The overlay's folder as the user knows it (`overlays/prod`). */
  readonly label: string;
  readonly findings: readonly LocatedFinding[];
  /** Why the overlay was not built (a remote base, Helm, plugins). */
  readonly skipped?: string;
  readonly milliseconds?: number;
  readonly cached?: boolean;
  /** kustomize's error when the build failed. */
  readonly failed?: string;
}

export interface RenderOptions {
  readonly command: KustomizeCommand;
  readonly index: WorkspaceIndex;
  readonly schema: Schema;
  readonly settings: KubeStatefulSettings;
  /** A file's current text on disk (kustomize reads the disk), undefined when unreadable. */
  readonly readText: (uri: string) => Promise<string | undefined>;
  /** Turns an overlay's kustomization uri into the label shown in messages. */
  readonly labelOf: (overlayUri: string) => string;
  readonly timeoutMs: number;
  readonly cache: RenderCache;
  readonly log: (line: string) => void;
}

/** Reports keyed by overlay, each valid for the exact contents of the files the build read. */
export class RenderCache {
  private readonly entries = new Map<string, { key: string; report: OverlayReport }>();

  get(overlayUri: string, key: string): OverlayReport | undefined {
    const entry = this.entries.get(overlayUri);
    return entry?.key === key ? entry.report : undefined;
  }

  set(overlayUri: string, key: string, report: OverlayReport): void {
    this.entries.set(overlayUri, { key, report });
  }

  /** Forgets overlays that are no longer top-level. */
  keepOnly(overlayUris: ReadonlySet<string>): void {
    for (const uri of this.entries.keys()) {
      if (!overlayUris.has(uri)) {
        this.entries.delete(uri);
      }
    }
  }
}

/** The rules worth running on rendered objects: what the sources cannot tell alone. */
const renderedRules = allRules.filter(
  (rule) =>
    rule.judges !== 'fields' &&
    rule.appliesTo !== 'kustomization' &&
    rule.appliesTo !== 'json-patch',
);

export const buildFailedRule = 'kustomize-build-failed';

/** Renders every top-level overlay (one at a time: the machine may be busy). */
export async function renderOverlays(options: RenderOptions): Promise<OverlayReport[]> {
  const tree = options.index.kustomizeTree();
  const overlays = tree.topLevel().filter((uri) => !tree.kustomization(uri)?.component);
  options.cache.keepOnly(new Set(overlays));
  const reports: OverlayReport[] = [];
  for (const overlayUri of overlays) {
    reports.push(await renderOverlay(overlayUri, options));
  }
  return reports;
}

async function renderOverlay(overlayUri: string, options: RenderOptions): Promise<OverlayReport> {
  const tree = options.index.kustomizeTree();
  const label = options.labelOf(overlayUri);
  const files = tree.filesOf(overlayUri);
  const kustomizations = files
    .map((uri) => tree.kustomization(uri))
    .filter((facts): facts is KustomizationFacts => facts !== undefined);
  const skipped = reasonToSkip(kustomizations);
  if (skipped) {
    options.log(`kustomize: skipped ${label}: ${skipped}`);
    return { overlayUri, label, findings: [], skipped };
  }
  const texts = new Map<string, string>();
  for (const uri of files) {
    const text = await options.readText(uri);
    if (text !== undefined) {
      texts.set(uri, text);
    }
  }
  // A kustomization that is empty on disk is being written (a scaffold creates the file before
  // its content lands) or not started yet: kustomize would only fail on it, so wait for a save.
  const blank = kustomizations.find((facts) => !texts.get(facts.uri)?.trim());
  if (blank) {
    const reason = `${blank.uri.slice(blank.uri.lastIndexOf('/') + 1)} is empty on disk`;
    options.log(`kustomize: skipped ${label}: ${reason}`);
    return { overlayUri, label, findings: [], skipped: reason };
  }
  const key = cacheKey(options, texts);
  const cached = options.cache.get(overlayUri, key);
  if (cached) {
    return { ...cached, cached: true };
  }
  const folder = fileURLToPath(overlayUri.slice(0, overlayUri.lastIndexOf('/')));
  const result = await buildOverlay(options.command, folder, options.timeoutMs);
  options.log(
    `kustomize: ${options.command.display} ${label}: ${result.ok ? 'ok' : 'failed'} in ${result.milliseconds} ms`,
  );
  const models = new Map<string, FileModel>();
  const modelOf = (uri: string): FileModel | undefined => {
    let model = models.get(uri);
    const text = texts.get(uri);
    if (!model && text !== undefined) {
      model = parseFile(uri, 0, text);
      models.set(uri, model);
    }
    return model;
  };
  const findings = result.ok
    ? traceRendered(result, overlayUri, label, kustomizations, modelOf, options)
    : failure(result, overlayUri, label, kustomizations, modelOf, options);
  const report = {
    overlayUri,
    label,
    findings,
    milliseconds: result.milliseconds,
    ...(result.ok ? {} : { failed: result.error }),
  };
  options.cache.set(overlayUri, key, report);
  return report;
}

function reasonToSkip(kustomizations: readonly KustomizationFacts[]): string | undefined {
  for (const kustomization of kustomizations) {
    const remote = kustomization.paths.find((entry) => isRemotePath(entry.path));
    if (remote) {
      return `remote base \`${remote.path}\` (kustomize would fetch it; we never use the network)`;
    }
    if (kustomization.needsHelmOrPlugins) {
      return 'it uses Helm charts or plugins, which we never run';
    }
  }
  return undefined;
}

function cacheKey(options: RenderOptions, texts: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  hash.update(options.command.display);
  hash.update(JSON.stringify(options.settings));
  for (const uri of [...texts.keys()].sort()) {
    hash.update(`\0${uri}\0${texts.get(uri)!}`);
  }
  return hash.digest('hex');
}

const firstLine: LineRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** kustomize's error, on the entry or line it names (else the overlay's first line). */
function failure(
  result: BuildResult,
  overlayUri: string,
  label: string,
  kustomizations: readonly KustomizationFacts[],
  modelOf: (uri: string) => FileModel | undefined,
  options: RenderOptions,
): LocatedFinding[] {
  const severity = severityOf(options.settings, buildFailedRule, 'error');
  if (severity === 'off') {
    return [];
  }
  const place = placeBuildError(result.error, kustomizations, modelOf);
  if (place?.path) {
    const owner = kustomizations.find((kustomization) => kustomization.uri === place.uri);
    const target = owner && resolveKustomizePath(owner.uri, place.path.path);
    if (target !== undefined && options.index.view().pathKind(target) === 'missing') {
      // kustomize-path-not-found already says so on this line.
      return [];
    }
  }
  return [
    {
      uri: place?.uri ?? overlayUri,
      range: place?.range ?? firstLine,
      ruleId: buildFailedRule,
      severity,
      message: `in overlay \`${label}\`: kustomize failed: ${result.error}`,
      related: relatedOverlay(overlayUri, label),
    },
  ];
}

function relatedOverlay(overlayUri: string, label: string): RelatedLocation[] {
  return [{ uri: overlayUri, range: firstLine, message: `the overlay \`${label}\`` }];
}

function severityOf(
  settings: KubeStatefulSettings,
  ruleId: string,
  fallback: Severity,
): Severity | 'off' {
  return settings.rules[ruleId] ?? fallback;
}

/** Runs the rules on the rendered objects and traces each finding to its source. */
function traceRendered(
  result: BuildResult,
  overlayUri: string,
  label: string,
  kustomizations: readonly KustomizationFacts[],
  modelOf: (uri: string) => FileModel | undefined,
  options: RenderOptions,
): LocatedFinding[] {
  const renderedUri = `${overlayUri}.rendered.yaml`;
  const rendered = parseFile(renderedUri, 0, result.output);
  // The rendered objects are the overlay's whole world: cross-object rules see only them.
  const index = new WorkspaceIndex();
  index.update(renderedUri, extractFacts(rendered));
  const found = runRules(rendered, {
    schema: options.schema,
    settings: options.settings,
    index: index.view(),
    rules: renderedRules,
  });
  const sourceFindings = new Map<string, Set<string>>();
  const sourceFindingsOf = (model: FileModel): Set<string> => {
    let keys = sourceFindings.get(model.uri);
    if (!keys) {
      keys = new Set(
        runRules(model, {
          schema: options.schema,
          settings: options.settings,
          index: options.index.view(),
          defaultNamespace: options.index.defaultNamespaceOf(model.uri),
          roleOf: (documentIndex) => options.index.roleOf(model.uri, documentIndex),
          overlays: options.index.overlayScopesFor(model.uri, options.labelOf),
        }).flatMap((finding) => {
          const at = `${finding.ruleId}@${lineOfOffset(model.lineStarts, finding.span[0])}`;
          return [at, `${at}:${finding.message}`];
        }),
      );
      sourceFindings.set(model.uri, keys);
    }
    return keys;
  };
  const located: LocatedFinding[] = [];
  const seen = new Set<string>();
  const missedTargets = unmatchedTargets(kustomizations, options.index);
  for (const finding of found) {
    const document = documentAt(rendered, finding.span[0]);
    const source = sourceDocument(document, result.buildFolderUri, modelOf);
    if (isMissedTarget(document, source?.document, missedTargets)) {
      // A patch meant for this object matched nothing: kustomize-patch-unmatched reports the
      // cause on that patch; what the unpatched object shows here is not what the author meant.
      continue;
    }
    const traced = traceFinding(
      { ruleId: finding.ruleId, document, offset: finding.span[0], message: finding.message },
      kustomizations,
      source,
      { modelOf },
    );
    // The same finding as the base's: on the same line with the same message (names aside), or
    // on the same line when nothing in the overlay changed the field.
    const sameMessage = withoutRenames(finding.message, kustomizations);
    if (
      source &&
      existsInSource(finding.ruleId, document, finding.span[0], source, sourceFindingsOf, [
        // A count-driven finding the base has already (no PDB for 3 replicas) is the same one
        // for 2 replicas: the missing object, not the count, is the problem.
        ...(traced?.cause === 'base' || !traced || replicaRules.has(finding.ruleId) ? [''] : []),
        sameMessage,
        // The in-process check judged the base in this overlay's view and found it already.
        `in overlay \`${label}\`: ${finding.message}`,
        `in overlay \`${label}\`: ${sameMessage}`,
      ])
    ) {
      continue;
    }
    const uri = traced?.uri ?? overlayUri;
    const range = traced?.range ?? firstLine;
    const target = modelOf(uri);
    if (target && isSuppressedAt(target, finding.ruleId, range)) {
      continue;
    }
    const message = `in overlay \`${label}\`: ${finding.message}`;
    const key = `${uri}:${range.start.line}:${finding.ruleId}:${message}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    located.push({
      uri,
      range,
      ruleId: finding.ruleId,
      severity: finding.severity,
      message,
      related: relatedOverlay(overlayUri, label),
    });
  }
  return located;
}

/** The targets of the build's patches that select no object (kustomize applied them nowhere). */
function unmatchedTargets(
  kustomizations: readonly KustomizationFacts[],
  index: WorkspaceIndex,
): PatchTarget[] {
  const view = index.view();
  return kustomizations.flatMap((kustomization) => {
    const objects = view.objectsBuiltBy(kustomization.uri);
    return objects ? unmatchedPatches(kustomization, objects).map((patch) => patch.target) : [];
  });
}

/** True when an unmatched target names the object by kind and name (its namespace aside). */
function isMissedTarget(
  document: DocumentModel,
  source: DocumentModel | undefined,
  targets: readonly PatchTarget[],
): boolean {
  if (targets.length === 0 || !document.kind) {
    return false;
  }
  const nameOf = (doc: DocumentModel | undefined): string | undefined =>
    scalarText(getIn(doc?.root, ['metadata', 'name']));
  const name = nameOf(source) ?? nameOf(document);
  const deployedName = nameOf(document);
  if (name === undefined) {
    return false;
  }
  const object = {
    uri: '',
    documentIndex: 0,
    apiVersion: document.apiVersion ?? '',
    kind: document.kind,
    name,
    namespace: '',
    nameRange: firstLine,
    ...(deployedName !== undefined ? { deployedName } : {}),
  };
  return targets.some((target) => targetSelects({ ...target, namespace: undefined }, object));
}

/** The base document a rendered object came from (by its origin annotation, kind and name). */
function sourceDocument(
  document: DocumentModel,
  buildFolderUri: string,
  modelOf: (uri: string) => FileModel | undefined,
): { model: FileModel; document: DocumentModel } | undefined {
  const origin = originOf(document, buildFolderUri);
  const model = origin.uri ? modelOf(origin.uri) : undefined;
  if (!model) {
    return undefined;
  }
  const name = scalarText(getIn(document.root, ['metadata', 'name'])) ?? '';
  const candidates = model.documents
    .filter((candidate) => candidate.kind === document.kind)
    .map((candidate) => ({
      candidate,
      name: scalarText(getIn(candidate.root, ['metadata', 'name'])) ?? '',
    }))
    .filter((entry) => entry.name !== '' && name.includes(entry.name))
    .sort((a, b) => b.name.length - a.name.length);
  const match = candidates[0]?.candidate;
  return match ? { model, document: match } : undefined;
}

/** True when the source file, checked on its own, has the same rule on the same line. */
function existsInSource(
  ruleId: string,
  document: DocumentModel,
  offset: number,
  source: { model: FileModel; document: DocumentModel },
  sourceFindingsOf: (model: FileModel) => Set<string>,
  messages: readonly string[],
): boolean {
  const baseLocation = traceFinding({ ruleId, document, offset, message: '' }, [], source, {
    modelOf: () => undefined,
  });
  if (!baseLocation) {
    return false;
  }
  const keys = sourceFindingsOf(source.model);
  const at = `${ruleId}@${baseLocation.range.start.line}`;
  return messages.some((message) => keys.has(message === '' ? at : `${at}:${message}`));
}

/** The message with the overlay's name prefixes and suffixes taken out of the names it shows. */
function withoutRenames(message: string, kustomizations: readonly KustomizationFacts[]): string {
  let result = message;
  for (const kustomization of kustomizations) {
    for (const placed of [kustomization.namePrefix, kustomization.nameSuffix]) {
      if (placed && placed.value !== '') {
        result = result.split(placed.value).join('');
      }
    }
  }
  return result;
}

function isSuppressedAt(model: FileModel, ruleId: string, range: LineRange): boolean {
  const offset = model.lineStarts[range.start.line];
  if (offset === undefined) {
    return false;
  }
  const document = documentAt(model, offset + range.start.character);
  return isSuppressed(
    readSuppressions(model, document),
    model,
    ruleId,
    offset + range.start.character,
  );
}
