// Quick fixes that move an object to another apiVersion: the replacement of a deprecated or
// removed one, or one that serves the kind. Moving a workload to apps/v1 also adds the
// `spec.selector` apps/v1 requires, selecting the pod template's labels.
import { asMap, getIn } from '../../model';
import type { YamlNode } from '../../model';
import { listedObjects } from '../../rules/api-version-common';
import { readLabels } from '../../rules/support/label-selector';
import type { Finding } from '../../rules/types';
import { replaceScalar, setIn } from './edits';
import type { FileEdit } from './edits';
import type { Fixer, FixContext, QuickFix } from './types';
import { dataStrings, quickFix, scalarAt } from './types';

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

function moveFix(
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
const useReplacement: Fixer = (finding, context) => {
  const object = listedObjects(context.document.root).find(
    (candidate) => candidate.apiVersionNode.span[0] === finding.span[0],
  );
  const replacement = object?.entry.replacement;
  return object && replacement
    ? moveFix(finding, context, object.root, object.kind, replacement, true)
    : [];
};

/** `schema-api-version`: each apiVersion that serves the kind. */
const pickApiVersion: Fixer = (finding, context) => {
  const root = context.document.root;
  if (!root) {
    return [];
  }
  const allowed = dataStrings(finding, 'allowed');
  return allowed.flatMap((apiVersion) =>
    moveFix(finding, context, root, context.document.kind, apiVersion, allowed.length === 1),
  );
};

export const apiVersionFixers: Readonly<Record<string, Fixer>> = {
  'api-deprecated': useReplacement,
  'api-removed': useReplacement,
  'schema-api-version': pickApiVersion,
};
