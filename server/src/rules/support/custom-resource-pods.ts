// Custom resources whose operator creates pods (Prometheus, Alertmanager, Kafka, Elasticsearch,
// postgresql, …): where their manifests say which labels those pods get, so a Service or budget
// that selects them is not reported as selecting nothing. Pure; reads the document only.
import { asMap, getValue } from '../../model';
import type { YamlNode } from '../../model';
import type { Labels } from './label-selector';
import { readLabels } from './label-selector';

/**
 * True for an apiVersion of a group Kubernetes does not serve itself: a group with a dot that is
 * not `*.k8s.io` or `*.kubernetes.io` (`monitoring.coreos.com/v1`, `kafka.strimzi.io/v1beta2`).
 */
export function isCustomResourceApiVersion(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return group.includes('.') && !/(?:^|\.)(?:k8s\.io|kubernetes\.io)$/.test(group);
}

/** Keys whose value is a pod template (`metadata.labels` inside) in common operators' CRDs. */
const templateKeys: ReadonlySet<string> = new Set(['template', 'podTemplate', 'pod']);

/** How deep under `spec` the search goes; operators nest templates a few levels at most. */
const maxDepth = 8;

/**
 * The label maps a custom resource asks its operator to put on its pods: `podMetadata.labels`
 * (prometheus-operator), `…template.metadata.labels` / `podTemplate.metadata.labels` (ECK,
 * Strimzi's `template.pod.metadata.labels`), and `podLabels` maps.
 */
export function customResourcePodLabels(root: YamlNode | undefined): Labels[] {
  const found: Labels[] = [];
  const visit = (node: YamlNode | undefined, depth: number): void => {
    const map = asMap(node);
    if (!map || depth > maxDepth) {
      if (node?.type === 'seq' && depth <= maxDepth) {
        for (const item of node.items) {
          visit(item, depth + 1);
        }
      }
      return;
    }
    for (const pair of map.pairs) {
      const key = pair.key ?? '';
      const metadata = key === 'podMetadata' ? pair.value : getValue(pair.value, 'metadata');
      const labels =
        key === 'podMetadata' || templateKeys.has(key)
          ? readLabels(getValue(metadata, 'labels'))
          : key === 'podLabels'
            ? readLabels(pair.value)
            : {};
      if (Object.keys(labels).length > 0) {
        found.push(labels);
      }
      visit(pair.value ?? undefined, depth + 1);
    }
  };
  visit(getValue(root, 'spec'), 0);
  return found;
}
