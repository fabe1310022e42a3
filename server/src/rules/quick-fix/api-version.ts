// What the apiVersion quick fixes share (api-deprecated, api-removed, schema-api-version; each
// rule's own fix is its folder's fix.ts): moving an object to another apiVersion, which for a
// workload moved to apps/v1 also adds the `spec.selector` apps/v1 requires.
import { asMap, getIn } from '../../model';
import type { YamlNode } from '../../model';
import { listedObjects } from '../api-version-common';
import { readLabels } from '../support/label-selector';
import type { Finding } from '../types';
import { replaceScalar, setIn } from './edits';
import type { FileEdit } from './edits';
import type { Fixer, FixContext, QuickFix } from './types';
import { quickFix, scalarAt } from './types';

const selectorKinds: ReadonlySet<string> = new Set([
  'Deployment',
  'DaemonSet',
  'ReplicaSet',
  'StatefulSet',
]);

/** The edits moving `object` to `apiVersion`, or undefined when the move cannot be completed. */
function moveTo(
  context: FixContext,
  object: YamlNode,
  apiVersionNode: YamlNode,
  kind: string | undefined,
  apiVersion: string,
): { edits: FileEdit[]; addsSelector: boolean } | undefined {
  const edits = [replaceScalar(context.model, apiVersionNode, apiVersion)];
  const root = asMap(object);
  const needsSelector =
    apiVersion === 'apps/v1' && selectorKinds.has(kind ?? '') && !getIn(root, ['spec', 'selector']);
  if (!needsSelector) {
    return { edits, addsSelector: false };
  }
  const labels = readLabels(getIn(root, ['spec', 'template', 'metadata', 'labels']));
  if (!root || Object.keys(labels).length === 0) {
    return undefined;
  }
  edits.push(setIn(context, root, ['spec', 'selector'], { matchLabels: labels }));
  return { edits, addsSelector: true };
}

export function moveFix(
  finding: Finding,
  context: FixContext,
  object: YamlNode,
  kind: string | undefined,
  apiVersion: string,
  preferred: boolean,
): QuickFix[] {
  const apiVersionNode = scalarAt(context, finding.span);
  const move = apiVersionNode && moveTo(context, object, apiVersionNode, kind, apiVersion);
  if (!move) {
    return [];
  }
  const extra = move.addsSelector ? ' and add the spec.selector it requires' : '';
  return quickFix(finding, `Change apiVersion to ${apiVersion}${extra}`, move.edits, preferred);
}

/** `api-deprecated` / `api-removed`: the table's replacement. */
export const useReplacement: Fixer = (finding, context) => {
  const object = listedObjects(context.document.root).find(
    (candidate) => candidate.apiVersionNode.span[0] === finding.span[0],
  );
  const replacement = object?.entry.replacement;
  return object && replacement
    ? moveFix(finding, context, object.root, object.kind, replacement, true)
    : [];
};
