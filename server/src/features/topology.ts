// The topology graph of a workspace (or one namespace): Services, StatefulSets and Deployments
// with their replica pods, claims per pod, StorageClasses, PDBs and ConfigMaps, with edges for
// selection, governance, claims and references, and findings on the nodes. Plain data for the
// CLI's dot/mermaid writers and the editor's picture.
import type { IndexedObject, IndexView, WorkloadFacts } from '../rules/index-view';
import { budgetSelects } from '../rules/support/disruption-budget';
import { labelsMatch } from '../rules/support/label-selector';
import type { Severity } from '../rules/types';

export type NodeKind =
  | 'Service'
  | 'StatefulSet'
  | 'Deployment'
  | 'Pod'
  | 'PersistentVolumeClaim'
  | 'StorageClass'
  | 'PodDisruptionBudget'
  | 'ConfigMap';

export interface TopologyFinding {
  readonly severity: Severity;
  readonly ruleId: string;
  readonly message: string;
}

export interface TopologyNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  readonly namespace: string;
  /** Where the object is written; pods and per-pod claims point at their StatefulSet. */
  readonly uri: string;
  readonly line: number;
  readonly findings: readonly TopologyFinding[];
  /** The worst severity among the findings, for colouring. */
  readonly worst?: Severity;
}

export type EdgeKind =
  'selects' | 'governs' | 'runs' | 'claims' | 'provisions' | 'budgets' | 'references';

export interface TopologyEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

export interface Topology {
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
}

/** A finding located on an object: the file and the document it belongs to. */
export interface LocatedFinding extends TopologyFinding {
  readonly uri: string;
  readonly documentIndex: number;
}

/** Pods drawn per StatefulSet; more would drown the picture (the node says how many). */
export const maxPodsDrawn = 5;

const severityOrder: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

const nodeId = (kind: string, namespace: string, name: string): string =>
  `${kind}/${namespace}/${name}`;

/** Builds the graph of `namespace` (every namespace when undefined) from the index. */
export function buildTopology(
  index: IndexView,
  findings: readonly LocatedFinding[],
  namespace?: string,
): Topology {
  const nodes = new Map<string, TopologyNode>();
  const edges: TopologyEdge[] = [];
  const findingsOf = (object: IndexedObject): TopologyFinding[] =>
    findings
      .filter((f) => f.uri === object.uri && f.documentIndex === object.documentIndex)
      .map(({ severity, ruleId, message }) => ({ severity, ruleId, message }));
  const add = (kind: NodeKind, object: IndexedObject, name = object.name, own = true): string => {
    const id = nodeId(kind, object.namespace, name);
    if (!nodes.has(id)) {
      const found = own ? findingsOf(object) : [];
      const worst = severityOrder.find((severity) => found.some((f) => f.severity === severity));
      nodes.set(id, {
        id,
        kind,
        name,
        namespace: object.namespace,
        uri: object.uri,
        line: object.nameRange.start.line,
        findings: found,
        ...(worst ? { worst } : {}),
      });
    }
    return id;
  };
  const drawn = new Set<string>();
  const edge = (from: string, to: string, kind: EdgeKind): void => {
    // Two projects may define the same object (one node); its edges are drawn once.
    const key = `${from}\n${to}\n${kind}`;
    if (!drawn.has(key)) {
      drawn.add(key);
      edges.push({ from, to, kind });
    }
  };
  const workloads = index
    .workloads(namespace)
    .filter((each) => each.kind === 'StatefulSet' || each.kind === 'Deployment');
  const services = index.services(namespace);
  const classes = index.storageClasses();
  const classNode = (name: string | undefined): string | undefined => {
    const found = name ? classes.find((each) => each.name === name) : undefined;
    return found ? add('StorageClass', found) : undefined;
  };
  for (const service of services) {
    add('Service', service);
  }
  for (const workload of workloads) {
    const id = add(workload.kind as NodeKind, workload);
    for (const service of services) {
      if (
        service.namespace === workload.namespace &&
        service.selector &&
        labelsMatch(service.selector, workload.podLabels)
      ) {
        edge(nodeId('Service', service.namespace, service.name), id, 'selects');
      }
    }
    if (workload.kind === 'StatefulSet') {
      statefulSetParts(workload, id, add, edge, classNode, services);
    }
    for (const mounted of workload.claims) {
      const claim = index
        .claims(workload.namespace)
        .find((each) => each.name === mounted.claimName);
      if (claim) {
        const claimId = add('PersistentVolumeClaim', claim);
        edge(id, claimId, 'claims');
        const storageClass = classNode(claim.storageClassName);
        if (storageClass) {
          edge(claimId, storageClass, 'provisions');
        }
      }
    }
    for (const reference of workload.references ?? []) {
      if (reference.kind === 'ConfigMap') {
        const configMap = index
          .objectsOfKind('ConfigMap', workload.namespace)
          .find((each) => each.name === reference.name);
        if (configMap) {
          edge(id, add('ConfigMap', configMap), 'references');
        }
      }
    }
  }
  for (const pdb of index.podDisruptionBudgets(namespace)) {
    const id = add('PodDisruptionBudget', pdb);
    for (const workload of workloads) {
      if (workload.namespace === pdb.namespace && budgetSelects(pdb, workload.podLabels)) {
        edge(id, nodeId(workload.kind, workload.namespace, workload.name), 'budgets');
      }
    }
  }
  return { nodes: [...nodes.values()], edges };
}

function statefulSetParts(
  workload: WorkloadFacts,
  id: string,
  add: (kind: NodeKind, object: IndexedObject, name?: string, own?: boolean) => string,
  edge: (from: string, to: string, kind: EdgeKind) => void,
  classNode: (name: string | undefined) => string | undefined,
  services: readonly IndexedObject[],
): void {
  const governing = services.find(
    (service) => service.namespace === workload.namespace && service.name === workload.serviceName,
  );
  if (governing) {
    edge(nodeId('Service', governing.namespace, governing.name), id, 'governs');
  }
  const replicas = workload.replicas ?? 1;
  for (let ordinal = 0; ordinal < Math.min(replicas, maxPodsDrawn); ordinal++) {
    const pod = add('Pod', workload, `${workload.name}-${ordinal}`, false);
    edge(id, pod, 'runs');
    for (const template of workload.claimTemplates) {
      // The claim a StatefulSet creates for each pod is named <template>-<statefulset>-<ordinal>.
      const claim = add(
        'PersistentVolumeClaim',
        workload,
        `${template.name}-${workload.name}-${ordinal}`,
        false,
      );
      edge(pod, claim, 'claims');
      const storageClass = classNode(template.storageClassName);
      if (storageClass) {
        edge(claim, storageClass, 'provisions');
      }
    }
  }
}

const quote = (text: string): string => `"${text.replace(/["\\]/g, '\\$&')}"`;

/** Graphviz dot: one node per object (findings in the label), edges named by their kind. */
export function toDot(topology: Topology): string {
  const lines = [
    'digraph topology {',
    '  rankdir=LR;',
    '  node [shape=box, fontname="sans-serif"];',
  ];
  const colours: Record<Severity, string> = {
    error: 'red',
    warning: 'orange',
    info: 'blue',
    hint: 'gray',
  };
  for (const node of topology.nodes) {
    const label = [node.kind, node.name, ...node.findings.map((f) => `${f.severity}: ${f.ruleId}`)]
      .map((part) => part.replace(/["\\]/g, '\\$&'))
      .join('\\n');
    const colour = node.worst ? `, color=${colours[node.worst]}, penwidth=2` : '';
    lines.push(`  ${quote(node.id)} [label="${label}"${colour}];`);
  }
  for (const edge of topology.edges) {
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [label=${quote(edge.kind)}];`);
  }
  lines.push('}', '');
  return lines.join('\n');
}

/** Mermaid flowchart, for READMEs and reviews. */
export function toMermaid(topology: Topology): string {
  const ids = new Map(topology.nodes.map((node, i) => [node.id, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const node of topology.nodes) {
    const mark = node.worst ? ` ⚠ ${node.findings.length}` : '';
    lines.push(
      `  ${ids.get(node.id)!}["${node.kind}<br/>${node.name.replace(/"/g, '#quot;')}${mark}"]`,
    );
  }
  for (const edge of topology.edges) {
    lines.push(`  ${ids.get(edge.from)!} -->|${edge.kind}| ${ids.get(edge.to)!}`);
  }
  const classes: Record<Severity, string> = {
    error: 'fill:#fdd,stroke:#c00',
    warning: 'fill:#ffe8c0,stroke:#c80',
    info: 'fill:#def,stroke:#06c',
    hint: 'fill:#eee,stroke:#888',
  };
  for (const severity of severityOrder) {
    const members = topology.nodes
      .filter((node) => node.worst === severity)
      .map((node) => ids.get(node.id)!);
    if (members.length > 0) {
      lines.push(
        `  classDef ${severity} ${classes[severity]}`,
        `  class ${members.join(',')} ${severity}`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
}
