// kustomize-patch-unmatched: a patch whose `target` selects no object of the kustomization's
// build. kustomize (v5) then applies nothing and says nothing, so the overlay deploys the base
// unchanged where its author meant to change it (e.g. a target namespace the objects lack).
import { readKustomization } from '../../kustomize/kustomization';
import { describeTarget, targetSelects, unmatchedPatches } from '../support/patch-target';
import type { Rule, RuleFinding } from '../types';

export const kustomizePatchUnmatched: Rule = {
  id: 'kustomize-patch-unmatched',
  defaultSeverity: 'warning',
  description:
    "A patch whose target selects no object of the kustomization's build: kustomize applies nothing.",
  noQuickFix:
    'which object the patch was meant for (a name, a namespace, a kind) is only known to the author',
  appliesTo: 'kustomization',
  check: ({ model, document, index }) => {
    const kustomization = document.index === 0 ? readKustomization(model) : undefined;
    if (!kustomization?.patches.some((patch) => patch.target) || !index.isComplete()) {
      return [];
    }
    const objects = index.objectsBuiltBy(model.uri);
    if (!objects) {
      return [];
    }
    const findings: RuleFinding[] = [];
    for (const patch of unmatchedPatches(kustomization, objects)) {
      if (!patch.targetSpan) {
        continue;
      }
      const target = patch.target;
      const near = objects.filter((object) =>
        targetSelects({ ...target, namespace: undefined }, object),
      );
      const why =
        near.length > 0 && target.namespace !== undefined
          ? ` ${near.map((object) => `${object.kind} "${object.name}" is in namespace "${object.namespace}"`).join(', ')}, not "${target.namespace}".`
          : '';
      const file = patch.path ? `\`${patch.path.path}\`` : 'this inline patch';
      findings.push({
        span: patch.targetSpan,
        message: `This patch matched no object: its target (${describeTarget(target)}) selects nothing in this kustomization's build, so kustomize applies ${file} nowhere and the objects stay as the bases have them.${why} Fix the target (kind, name, namespace) so that it names the object.`,
      });
    }
    return findings;
  },
};
