// rwo-claim-shared: a ReadWriteOnce (or ReadWriteOncePod) PersistentVolumeClaim mounted by a
// workload with several replicas, by a DaemonSet, or by several workloads. Only pods on one node
// (one pod for ReadWriteOncePod) can attach it, so the other pods hang in ContainerCreating.
import { asScalar, getIn, getPair, getValue, scalarText, seqItems } from '../../model';
import type { ClaimFacts } from '../index-view';
import type { RelatedLocation, Rule, RuleFinding } from '../types';
import { containersOf, podTemplateOf, replicasOf } from '../support/workload';

const sharedModes: ReadonlySet<string> = new Set(['ReadWriteMany', 'ReadOnlyMany']);

function isSingleWriter(claim: ClaimFacts): boolean {
  return claim.accessModes.length > 0 && !claim.accessModes.some((mode) => sharedModes.has(mode));
}

export const rwoClaimShared: Rule = {
  id: 'rwo-claim-shared',
  defaultSeverity: 'warning',
  description:
    'A ReadWriteOnce claim is mounted by several replicas or several workloads; only one node can attach it.',
  noQuickFix:
    'the fix is a design change (volumeClaimTemplates, ReadWriteMany storage or one replica)',
  check({ document, index, namespace, model }) {
    const template = podTemplateOf(document);
    if (!template || !index.isComplete()) {
      return [];
    }
    const replicas =
      document.kind === 'DaemonSet'
        ? Infinity
        : ['Pod', 'Job', 'CronJob'].includes(document.kind ?? '')
          ? 1
          : (replicasOf(document) ?? 1);
    const findings: RuleFinding[] = [];
    for (const volume of seqItems(getValue(template.spec, 'volumes'))) {
      const claimNode = asScalar(getIn(volume, ['persistentVolumeClaim', 'claimName']));
      const claimName = scalarText(claimNode);
      const claim = claimName
        ? index.claims(namespace).find((candidate) => candidate.name === claimName)
        : undefined;
      if (!claimNode || !claim || !isSingleWriter(claim)) {
        continue;
      }
      const others = index
        .workloads(namespace)
        .filter(
          (workload) =>
            !(workload.uri === model.uri && workload.documentIndex === document.index) &&
            workload.claims.some((mounted) => mounted.claimName === claimName),
        );
      if (replicas <= 1 && others.length === 0) {
        continue;
      }
      const modes = claim.accessModes.join(', ');
      const who =
        replicas > 1
          ? document.kind === 'DaemonSet'
            ? 'every pod of this DaemonSet'
            : replicas === 2
              ? 'both replicas'
              : `all ${replicas} replicas`
          : `this workload and ${others.map((other) => `${other.kind} '${other.name}'`).join(', ')}`;
      const related: RelatedLocation[] = [
        {
          uri: claim.uri,
          range: claim.nameRange,
          message: `PersistentVolumeClaim '${claim.name}' (${modes})`,
        },
        ...others.map((other) => ({
          uri: other.uri,
          range: other.nameRange,
          message: `${other.kind} '${other.name}' also mounts '${claim.name}'`,
        })),
      ];
      findings.push({
        span: claimNode.span,
        message: `Claim '${claim.name}' is ${modes}, but ${who} mount it: only pods on one node can attach it, so the others never start. Use volumeClaimTemplates (one claim per pod) in a StatefulSet, or a ReadWriteMany storage class.`,
        related,
      });
    }
    if (replicas > 1) {
      findings.push(...inlineDiskFindings(template, replicas, document.kind === 'DaemonSet'));
    }
    return findings;
  },
};

/**
 * In-tree volume sources of a block device that one node attaches read-write at a time; with
 * `readOnly: true` (on the source, or on every mount) several nodes may attach it.
 */
const singleWriterDisks = [
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'azureDisk',
  'cinder',
  'rbd',
  'iscsi',
] as const;

function inlineDiskFindings(
  template: NonNullable<ReturnType<typeof podTemplateOf>>,
  replicas: number,
  daemonSet: boolean,
): RuleFinding[] {
  const mounts = containersOf(template).flatMap((container) =>
    seqItems(getValue(container.node, 'volumeMounts')),
  );
  const findings: RuleFinding[] = [];
  for (const volume of seqItems(getValue(template.spec, 'volumes'))) {
    const name = scalarText(getValue(volume, 'name'));
    const source = singleWriterDisks
      .map((key) => ({ key, pair: getPair(volume, key) }))
      .find((entry) => entry.pair !== undefined);
    if (!name || !source?.pair) {
      continue;
    }
    if (asScalar(getValue(source.pair.value, 'readOnly'))?.value === true) {
      continue;
    }
    const writers = mounts.filter(
      (mount) =>
        scalarText(getValue(mount, 'name')) === name &&
        asScalar(getValue(mount, 'readOnly'))?.value !== true,
    );
    if (writers.length === 0) {
      continue;
    }
    const who = daemonSet
      ? 'every pod of this DaemonSet mounts'
      : replicas === 2
        ? 'both replicas mount'
        : `all ${replicas} replicas mount`;
    findings.push({
      span: source.pair.keySpan,
      message: `Volume '${name}' is one ${source.key} disk, and ${who} it read-write: a node attaches such a disk read-write for one pod's node only, so the other pods never start. Use volumeClaimTemplates (one disk per pod) in a StatefulSet, or mount it readOnly.`,
    });
  }
  return findings;
}
