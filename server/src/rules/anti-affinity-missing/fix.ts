// The quick fix of anti-affinity-missing, moved out of the availability fixers; pure: plain edits, no LSP.
import { asMap, asSeq, getValue } from '../../model';
import { currentWorkload } from '../support/locate';
import { podTemplateOf } from '../support/workload';
import { appendToSeq, setIn } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { quickFix } from '../quick-fix/types';
import { podSelectorLabels } from '../quick-fix/workload-labels';
import type { PlainMap } from '../quick-fix/yaml-text';
import { hostnameKey } from '../quick-fix/availability';

export const fix: Fixer = (finding, context) => {
  const template = podTemplateOf(context.document);
  const workload = currentWorkload(context);
  const spec = asMap(template?.spec);
  if (!template || !workload || !spec) {
    return [];
  }
  const labels = podSelectorLabels(workload);
  if (Object.keys(labels).length === 0) {
    return [];
  }
  const term: PlainMap = {
    weight: 100,
    podAffinityTerm: { labelSelector: { matchLabels: labels }, topologyKey: hostnameKey },
  };
  const path = ['affinity', 'podAntiAffinity', 'preferredDuringSchedulingIgnoredDuringExecution'];
  const existing = asSeq(getValue(getValue(getValue(spec, path[0]!), path[1]!), path[2]!));
  const edit = existing ? appendToSeq(context, existing, term) : setIn(context, spec, path, [term]);
  return quickFix(finding, `Add a preferred podAntiAffinity on ${hostnameKey}`, [edit], true);
};
