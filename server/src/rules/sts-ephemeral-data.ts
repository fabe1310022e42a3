// sts-ephemeral-data: a StatefulSet without volumeClaimTemplates whose containers keep files on
// an emptyDir. The directory dies with the pod, so the "stateful" set loses its state whenever a
// pod is rescheduled (Yolean/kubernetes-kafka#28: ZooKeeper data on emptyDir).
import { getIn, getPair, getValue, scalarText, seqItems } from '../model';
import type { Rule, RuleFinding } from './types';
import { containersOf, podTemplateOf } from './support/workload';

export const stsEphemeralData: Rule = {
  id: 'sts-ephemeral-data',
  defaultSeverity: 'warning',
  description:
    'A StatefulSet without volumeClaimTemplates keeps container data on emptyDir volumes.',
  check({ document }) {
    const template = podTemplateOf(document);
    if (document.kind !== 'StatefulSet' || !template) {
      return [];
    }
    if (seqItems(getIn(document.root, ['spec', 'volumeClaimTemplates'])).length > 0) {
      return [];
    }
    // The first mount path of each volume in the app containers (init containers only prepare).
    const mountPaths = new Map<string, string>();
    for (const container of containersOf(template, ['containers'])) {
      for (const mount of seqItems(getValue(container.node, 'volumeMounts'))) {
        const name = scalarText(getValue(mount, 'name'));
        const path = scalarText(getValue(mount, 'mountPath'));
        if (name && path && !mountPaths.has(name)) {
          mountPaths.set(name, path);
        }
      }
    }
    const findings: RuleFinding[] = [];
    for (const volume of seqItems(getValue(template.spec, 'volumes'))) {
      const emptyDir = getPair(volume, 'emptyDir');
      const name = scalarText(getValue(volume, 'name'));
      const mountPath = name ? mountPaths.get(name) : undefined;
      if (!emptyDir || !name || !mountPath) {
        continue;
      }
      findings.push({
        span: emptyDir.keySpan,
        message: `StatefulSet keeps \`${mountPath}\` (volume '${name}') on an emptyDir and has no volumeClaimTemplates: the data is lost whenever a pod is deleted or rescheduled. Add a volumeClaimTemplate named '${name}' and remove this volume, or ignore this if the directory only holds scratch data.`,
        data: { volumeName: name, mountPath },
      });
    }
    return findings;
  },
};
