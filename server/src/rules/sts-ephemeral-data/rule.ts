// sts-ephemeral-data: a StatefulSet without volumeClaimTemplates whose containers keep files on
// an emptyDir. The directory dies with the pod, so the "stateful" set loses its state whenever a
// pod is rescheduled (Yolean/kubernetes-kafka#28: ZooKeeper data on emptyDir).
import { getIn, getPair, getValue, scalarText, seqItems } from '../../model';
import type { Rule, RuleFinding } from '../types';
import { containersOf, podTemplateOf } from '../support/workload';

/**
 * Directories whose content is disposable by convention: temporary files (`/tmp`, `/var/tmp`),
 * runtime state (`/run`, `/var/run`, `/dev/shm`) and caches (`/var/cache`, `…/cache`, `…/.cache`).
 */
export function isScratchPath(path: string): boolean {
  const normalized = path.replace(/\/+$/, '') || '/';
  return (
    /^\/(?:tmp|var\/tmp|run|var\/run|dev\/shm)(?:\/|$)/.test(normalized) ||
    /(?:^|\/)\.?cache(?:s)?(?:\/|$)/i.test(normalized) ||
    /(?:^|[/_-])(?:tmp|temp|scratch)$/i.test(normalized)
  );
}

export const stsEphemeralData: Rule = {
  id: 'sts-ephemeral-data',
  defaultSeverity: 'warning',
  description:
    'A StatefulSet without volumeClaimTemplates keeps container data on emptyDir volumes.',
  noQuickFix:
    'a volumeClaimTemplate needs a size and StorageClass, and existing data does not move by itself',
  check({ document }) {
    const template = podTemplateOf(document);
    if (document.kind !== 'StatefulSet' || !template) {
      return [];
    }
    if (seqItems(getIn(document.root, ['spec', 'volumeClaimTemplates'])).length > 0) {
      return [];
    }
    // The mount paths of each volume in the app containers (init containers only prepare).
    const mountPaths = new Map<string, string[]>();
    for (const container of containersOf(template, ['containers'])) {
      for (const mount of seqItems(getValue(container.node, 'volumeMounts'))) {
        const name = scalarText(getValue(mount, 'name'));
        const path = scalarText(getValue(mount, 'mountPath'));
        if (name && path) {
          mountPaths.set(name, [...(mountPaths.get(name) ?? []), path]);
        }
      }
    }
    const findings: RuleFinding[] = [];
    for (const volume of seqItems(getValue(template.spec, 'volumes'))) {
      const emptyDir = getPair(volume, 'emptyDir');
      const name = scalarText(getValue(volume, 'name'));
      const paths = name ? (mountPaths.get(name) ?? []) : [];
      // Memory-backed volumes and scratch or cache directories are meant to be lost.
      const medium = scalarText(getIn(emptyDir?.value, ['medium']));
      const mountPath = paths.find((path) => !isScratchPath(path));
      if (!emptyDir || !name || !mountPath || medium === 'Memory') {
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
