// The read-only view of the workspace index that rules receive, and the plain facts it holds.
// The index layer implements it; rules never import the index itself, so they stay testable
// with an in-memory view (test/support/fixture-index.ts builds one from a fixture file).
import type { KustomizationFacts } from '../kustomize/kustomization';
import type { LineRange } from '../model';
import type { LabelSelector, Labels } from './support/label-selector';
import type { ReferencedKind } from './support/name-references';

/** A Kubernetes object somewhere in the workspace, reduced to where it is and what it is. */
export interface IndexedObject {
  readonly uri: string;
  readonly documentIndex: number;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /**
   * `metadata.namespace`, else the namespace of a `kustomization.yaml` in the same folder, else
   * `default`; the empty string for cluster-scoped kinds (StorageClass, PersistentVolume, …).
   */
  readonly namespace: string;
  /**
   * In a kustomize overlay's view, the name the overlay deploys the object under when its
   * namePrefix/nameSuffix change it; `name` stays the source name, which kustomize-known
   * references (serviceName, claimName, …) use because kustomize rewrites them along.
   */
  readonly deployedName?: string;
  /** The range of `metadata.name` (or of the document's first line when it has none). */
  readonly nameRange: LineRange;
  /** The objects this one names (serviceName, claimName, ConfigMaps, …), for find references. */
  readonly references?: readonly NameReferenceFacts[];
}

/** A name that refers to another object: its kind, the name, and where the name is written. */
export interface NameReferenceFacts {
  readonly kind: ReferencedKind;
  readonly name: string;
  readonly range: LineRange;
}

export interface ServicePortFacts {
  readonly name?: string;
  readonly port?: number;
  readonly targetPort?: number | string;
}

export interface ServiceFacts extends IndexedObject {
  /** `spec.type`; `ClusterIP` when unset. */
  readonly type: string;
  /** `spec.clusterIP` as written (`None` for a headless Service). */
  readonly clusterIP?: string;
  /** `spec.selector`; undefined when the Service has none (its endpoints are managed by hand). */
  readonly selector?: Labels;
  readonly selectorRange?: LineRange;
  readonly ports: readonly ServicePortFacts[];
  readonly publishNotReadyAddresses: boolean;
}

export interface StorageClassFacts extends IndexedObject {
  readonly provisioner?: string;
  /** As written; the API default when unset is `Delete`. */
  readonly reclaimPolicy?: string;
  readonly volumeBindingMode?: string;
}

/** The storage request of a PVC or volumeClaimTemplate. */
export interface ClaimSpecFacts {
  readonly accessModes: readonly string[];
  /** Undefined when unset (the default class); the empty string asks for no class at all. */
  readonly storageClassName?: string;
  /** `resources.requests.storage` as written. */
  readonly storageRequest?: string;
}

export interface ClaimFacts extends IndexedObject, ClaimSpecFacts {}

export interface PdbFacts extends IndexedObject {
  /** Undefined when `spec.selector` is missing; an empty selector selects every pod. */
  readonly selector?: LabelSelector;
  readonly minAvailable?: number | string;
  readonly maxUnavailable?: number | string;
  readonly unhealthyPodEvictionPolicy?: string;
}

export interface EnvVarFacts {
  readonly name: string;
  /** The literal `value`; undefined when it comes from `valueFrom`. */
  readonly value?: string;
}

export interface ContainerPortFacts {
  readonly name?: string;
  readonly containerPort?: number;
}

export interface ContainerFacts {
  readonly name?: string;
  readonly image?: string;
  /** True for init containers (sidecars included). */
  readonly init: boolean;
  readonly env: readonly EnvVarFacts[];
  readonly ports: readonly ContainerPortFacts[];
  /** `command` and `args` joined by spaces (scripts included), for settings and runtime labels. */
  readonly commandText?: string;
  readonly range: LineRange;
}

/** A `persistentVolumeClaim` volume of a pod template. */
export interface MountedClaimFacts {
  readonly volumeName: string;
  readonly claimName: string;
  readonly range: LineRange;
}

export interface ClaimTemplateFacts extends ClaimSpecFacts {
  readonly name: string;
  readonly range: LineRange;
}

export interface WorkloadFacts extends IndexedObject {
  /** StatefulSet, Deployment, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod. */
  readonly kind: string;
  /** `spec.replicas` (1 when unset); undefined for kinds without replicas or a non-number. */
  readonly replicas?: number;
  /** The workload's own `selector`; undefined for a Pod or when missing. */
  readonly selector?: LabelSelector;
  /** The pod template's labels (a Pod's own labels). */
  readonly podLabels: Labels;
  readonly podLabelsRange?: LineRange;
  /** A StatefulSet's `spec.serviceName`. */
  readonly serviceName?: string;
  readonly claims: readonly MountedClaimFacts[];
  readonly claimTemplates: readonly ClaimTemplateFacts[];
  readonly containers: readonly ContainerFacts[];
  /** ConfigMaps the pod mounts as volumes (`configMap.name` and projected sources). */
  readonly configMapVolumes?: readonly string[];
}

/** One file of a ConfigMap's `data` that holds configuration (`*.properties`, `zoo.cfg`, scripts). */
export interface ConfigFileFacts {
  readonly key: string;
  readonly text: string;
  /** The range of the key in the ConfigMap, for related information. */
  readonly range: LineRange;
  /** The line (0-based) where the value's text starts, to place a setting of the file. */
  readonly valueLine: number;
}

export interface ConfigMapFacts extends IndexedObject {
  readonly files: readonly ConfigFileFacts[];
}

/**
 * A custom resource (an apiVersion of a group outside Kubernetes' own), with the pod labels its
 * operator is told to put on the pods it creates (`podMetadata.labels`, `template.metadata.labels`, …).
 */
export interface CustomResourceFacts extends IndexedObject {
  readonly podLabelSets: readonly Labels[];
}

/** What a local path is, for reporting kustomization paths that do not exist. */
export type PathKind = 'file' | 'folder' | 'missing' | 'unknown';
/**
 * A Strimzi resource (`Kafka`, `KafkaNodePool`, `KafkaTopic`, `KafkaUser` of kafka.strimzi.io):
 * what the Strimzi rules need to count a cluster's nodes across files.
 */
export interface StrimziFacts extends CustomResourceFacts {
  /** The `strimzi.io/cluster` label of a node pool, topic or user. */
  readonly cluster?: string;
  /**
   * A node pool's or topic's `spec.replicas`; a Kafka's `spec.kafka.replicas` (set only by
   * clusters without node pools). Undefined when unset or not a number.
   */
  readonly replicas?: number;
  readonly replicasRange?: LineRange;
  /** A node pool's `spec.roles` (`broker`, `controller`). */
  readonly roles?: readonly string[];
  /** A Kafka's `min.insync.replicas` (spec.kafka.config), the default of its topics. */
  readonly minInsyncReplicas?: number;
}

export interface IndexView {
  /**
   * False while the workspace is still being indexed. Rules that report something *missing*
   * (no Service, no PDB, selects nothing) stay quiet until it is true, to avoid false alarms.
   */
  isComplete(): boolean;
  /** Objects of a kind in a namespace (all namespaces when `namespace` is undefined). */
  objectsOfKind(kind: string, namespace?: string): readonly IndexedObject[];
  /** Every object of the workspace, for navigation (find references); rules use the typed queries. */
  allObjects(): readonly IndexedObject[];
  services(namespace?: string): readonly ServiceFacts[];
  /** StorageClasses are cluster-scoped, so there is no namespace filter. */
  storageClasses(): readonly StorageClassFacts[];
  claims(namespace?: string): readonly ClaimFacts[];
  podDisruptionBudgets(namespace?: string): readonly PdbFacts[];
  workloads(namespace?: string): readonly WorkloadFacts[];
  /** What the `file:` uri is on disk; `unknown` where the caller cannot tell (no disk access). */
  pathKind(uri: string): PathKind;
  /** The kustomization in a folder (a uri without trailing slash), if the workspace has one. */
  kustomizationIn(folder: string): KustomizationFacts | undefined;
  /** Strimzi resources of a namespace (all namespaces when `namespace` is undefined). */
  strimziResources(namespace?: string): readonly StrimziFacts[];
  configMaps(namespace?: string): readonly ConfigMapFacts[];
  /**
   * The project a file belongs to: the top folder below its workspace folder, the root itself
   * for files directly in it, `''` when the workspace folders are not known (one project).
   */
  projectOf(uri: string): string;
  /**
   * The top-level kustomize overlays whose build includes the file (empty outside any kustomize
   * tree): files that share one are deployed together, whatever folders they sit in.
   */
  kustomizeRootsOf(uri: string): readonly string[];
  customResources(namespace?: string): readonly CustomResourceFacts[];
  /**
   * A token for the answer a query of this view (`method` called with `args`) gives now: equal
   * tokens mean an equal answer, positions included, so a rule's findings computed from equal
   * answers can be reused. Undefined when the answer cannot be vouched for (a path on disk) or
   * the view does not track revisions; the caller then runs the rule again. On a view that
   * records what a file depends on, asking records the query as a dependency, as the query would.
   */
  revisionOf?(method: IndexQuery, args: readonly unknown[]): number | undefined;
  /**
   * The objects a kustomization's build outputs (its resources and bases, generated objects),
   * with the namespaces it gives them and `deployedName`s; undefined when the workspace cannot
   * tell (a remote base, Helm or plugins, a resource file the index does not hold).
   */
  objectsBuiltBy(kustomizationUri: string): readonly IndexedObject[] | undefined;
}

/**
 * A top-level kustomize overlay whose build includes the file being checked: cross-file rules
 * judge the file once in each overlay's view (its objects as the overlay deploys them).
 */
export interface OverlayScope {
  /** The overlay's kustomization. */
  readonly uri: string;
  /** The overlay's folder as the user knows it (`overlays/prod`), for messages. */
  readonly label: string;
  readonly index: IndexView;
  /** The namespace the overlay gives the file's objects, when a kustomization sets one. */
  readonly namespace?: string;
}

/** The name of an IndexView query. */
export type IndexQuery = Exclude<keyof IndexView, 'revisionOf'>;

/** An index with nothing in it, for single-file checks. */
export const emptyIndexView: IndexView = {
  isComplete: () => true,
  objectsOfKind: () => [],
  allObjects: () => [],
  services: () => [],
  storageClasses: () => [],
  claims: () => [],
  podDisruptionBudgets: () => [],
  workloads: () => [],
  pathKind: () => 'unknown',
  kustomizationIn: () => undefined,
  strimziResources: () => [],
  configMaps: () => [],
  projectOf: () => '',
  kustomizeRootsOf: () => [],
  customResources: () => [],
  objectsBuiltBy: () => undefined,
  // Nothing ever changes in an empty index, except what lies on disk.
  revisionOf: (method) => (method === 'pathKind' ? undefined : 0),
};
