// host-path: a hostPath volume (in a pod template or a PersistentVolume). It ties the data to
// one node and opens the node's files to the pod; some paths hand over the whole node.
import type { ScalarNode, Span, YamlNode } from '../../model';
import { asScalar, getPair, getValue, scalarText, seqItems } from '../../model';
import type { Rule, RuleFinding } from '../types';
import { podTemplateOf } from '../support/workload';

/**
 * Node directories whose mount exposes the host itself (kube-linter's list plus /root and /run).
 * A path below a system tree (`/sys/bus`, `/lib/modules`, `/run/udev`, `/var/lib/kubelet/plugins`)
 * is the node's own machinery, not data, so it is reported like the tree itself.
 */
const hostRoots: ReadonlySet<string> = new Set(['/', '/root']);
const systemTrees: readonly string[] = [
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/proc',
  '/run',
  '/sys',
  '/usr',
  '/var/lib/kubelet',
  '/var/run',
];

const runtimeSockets = /(^|\/)(docker|containerd|crio|cri-dockerd)\.sock$/;

function isSystemPath(path: string): boolean {
  return (
    hostRoots.has(path) || systemTrees.some((tree) => path === tree || path.startsWith(tree + '/'))
  );
}

/** What the mount risks, in one clause for the message; `sensitive` marks the stronger cases. */
export function hostPathRisk(path: string | undefined): { sensitive: boolean; risk: string } {
  const normalized = path && path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (normalized && runtimeSockets.test(normalized)) {
    return {
      sensitive: true,
      risk: `mounts the container runtime socket \`${normalized}\`, which gives the pod control of every container on the node (root on the node)`,
    };
  }
  if (normalized && isSystemPath(normalized)) {
    return {
      sensitive: true,
      risk: `mounts the node's \`${normalized}\`, so a compromised container can read or change the node's system files and take it over`,
    };
  }
  return {
    sensitive: false,
    risk: `ties the data in \`${normalized ?? '?'}\` to one node: a rescheduled pod finds other or no data there, and the pod can read and write the node's files`,
  };
}

export const hostPath: Rule = {
  id: 'host-path',
  defaultSeverity: 'warning',
  description: 'A hostPath volume: data tied to one node and node files open to the pod.',
  noQuickFix: 'moving data off the node needs a PersistentVolumeClaim and a migration, not an edit',
  check({ document }) {
    const findings: RuleFinding[] = [];
    const template = podTemplateOf(document);
    for (const volume of seqItems(getValue(template?.spec, 'volumes'))) {
      const source = getPair(volume, 'hostPath');
      if (source) {
        const name = scalarText(getValue(volume, 'name'));
        findings.push(
          finding(
            source.keySpan,
            source.value,
            `Volume '${name ?? '?'}'`,
            'a PersistentVolumeClaim',
          ),
        );
      }
    }
    if (document.kind === 'PersistentVolume') {
      const source = getPair(getValue(document.root, 'spec'), 'hostPath');
      if (source) {
        findings.push(
          finding(
            source.keySpan,
            source.value,
            'This PersistentVolume',
            'a storage class with a CSI driver',
          ),
        );
      }
    }
    return findings;
  },
};

function finding(
  keySpan: Span,
  source: YamlNode | null,
  subject: string,
  alternative: string,
): RuleFinding {
  const pathNode: ScalarNode | undefined = asScalar(getValue(source, 'path'));
  const path = scalarText(pathNode);
  const { sensitive, risk } = hostPathRisk(path);
  const advice = sensitive
    ? 'Remove the mount unless the pod is a trusted node agent.'
    : `Use ${alternative} for data that must survive rescheduling.`;
  return {
    span: pathNode?.span ?? keySpan,
    message: `${subject} ${risk}. ${advice}`,
    data: { path: path ?? null, sensitive },
  };
}
