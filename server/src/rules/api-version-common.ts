// Shared by `api-deprecated` and `api-removed`: the target Kubernetes version, and the objects of
// a document whose apiVersion the table lists (the document itself, or the items of a `List`).
import type { ScalarNode, YamlNode } from '../model';
import { asScalar, getIn, getValue, scalarText, seqItems } from '../model';
import type { ApiVersionEntry } from './data/api-versions';
import { isAtLeast, lookupApiVersion, parseMinorVersion } from './data/api-versions';
import type { RuleContext, RuleFinding } from './types';

/** The Kubernetes minor version findings are computed for: the setting, else the schema's. */
export function targetVersion(context: Pick<RuleContext, 'settings' | 'schema'>): string {
  const configured = context.settings.kubernetesVersion;
  const parsed = configured ? parseMinorVersion(configured) : undefined;
  return parsed ? `${parsed[0]}.${parsed[1]}` : context.schema.kubernetesVersion;
}

export interface ListedObject {
  readonly root: YamlNode;
  readonly apiVersionNode: ScalarNode;
  readonly kind: string;
  readonly entry: ApiVersionEntry;
}

/** Every object in the document whose apiVersion/kind is in the deprecation table. */
export function listedObjects(root: YamlNode | null): ListedObject[] {
  const objects = [root, ...(isList(root) ? seqItems(getValue(root, 'items')) : [])];
  const result: ListedObject[] = [];
  for (const object of objects) {
    const apiVersionNode = asScalar(getValue(object, 'apiVersion'));
    const apiVersion = scalarText(apiVersionNode);
    const kind = scalarText(getValue(object, 'kind'));
    const entry = apiVersion && kind ? lookupApiVersion(apiVersion, kind) : undefined;
    if (object && apiVersionNode && kind && entry) {
      result.push({ root: object, apiVersionNode, kind, entry });
    }
  }
  return result;
}

function isList(root: YamlNode | null): boolean {
  const kind = scalarText(getValue(root, 'kind'));
  return (
    kind === 'List' || (kind?.endsWith('List') === true && getValue(root, 'items') !== undefined)
  );
}

export type ApiStatus = 'removed' | 'deprecated' | 'current';

export function statusAt(entry: ApiVersionEntry, target: string): ApiStatus {
  if (entry.removedIn && isAtLeast(target, entry.removedIn)) {
    return 'removed';
  }
  if (entry.deprecatedIn && isAtLeast(target, entry.deprecatedIn)) {
    return 'deprecated';
  }
  return 'current';
}

/** What to do instead, said for the message: the replacement and what else changes. */
export function migrationAdvice(object: ListedObject, target: string): string {
  const { entry } = object;
  if (!entry.replacement) {
    return entry.note ? `${entry.note}.` : 'Remove it: it has no successor.';
  }
  const unavailable =
    entry.replacementAvailableIn && !isAtLeast(target, entry.replacementAvailableIn)
      ? ` (served from Kubernetes ${entry.replacementAvailableIn}, after your target ${target})`
      : '';
  const note = entry.note ? `; ${entry.note}` : '';
  return `Use \`apiVersion: ${entry.replacement}\`${unavailable}${note}.`;
}

/** Quick-fix data: the replacement, and whether moving to apps/v1 also needs a `spec.selector`. */
export function migrationData(object: ListedObject): Readonly<Record<string, unknown>> {
  const { entry, root } = object;
  return {
    replacement: entry.replacement ?? null,
    needsSelector:
      entry.replacement === 'apps/v1' && getIn(root, ['spec', 'selector']) === undefined,
  };
}

/**
 * One finding on the apiVersion of every object (the document, or the items of a `List`) whose
 * API has this status at the target version; `describe` words the problem, the migration advice
 * and quick-fix data are the same for both rules.
 */
export function apiStatusFindings(
  context: Pick<RuleContext, 'settings' | 'schema' | 'document'>,
  status: Exclude<ApiStatus, 'current'>,
  describe: (object: ListedObject, target: string) => string,
): RuleFinding[] {
  const target = targetVersion(context);
  return listedObjects(context.document.root)
    .filter((object) => statusAt(object.entry, target) === status)
    .map((object) => ({
      span: object.apiVersionNode.span,
      message: `${describe(object, target)} ${migrationAdvice(object, target)}`,
      data: migrationData(object),
    }));
}
