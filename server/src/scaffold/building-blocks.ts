// The objects every clustered component of the scaffold shares: names and labels, headless and
// client Services, the PodDisruptionBudget and the StatefulSet shell (anti-affinity, restricted
// security context, volume claim template). Selectors always come from the same label map.
import { hostnameTopologyKey } from './facts';
import type { ScaffoldOptions } from './options';
import type { YamlData, YamlMapping } from './yaml-writer';

export type Labels = Readonly<Record<string, string>>;

/** One clustered component (ZooKeeper, Kafka brokers or KRaft controllers) and its object names. */
export interface Component {
  readonly statefulSet: string;
  readonly headlessService: string;
  /** The ClusterIP Service clients use; controllers have none. */
  readonly clientService: string | undefined;
  readonly pdb: string;
  readonly selectorLabels: Labels;
  readonly podLabels: Labels;
}

/** The cluster these objects form; it groups ZooKeeper, brokers and controllers in labels. */
export const clusterName = 'kafka';

export function defineComponent(
  statefulSet: string,
  appName: string,
  role: string,
  clientService: string | undefined,
): Component {
  const selectorLabels: Labels = {
    'app.kubernetes.io/name': appName,
    'app.kubernetes.io/instance': clusterName,
    'app.kubernetes.io/component': role,
  };
  return {
    statefulSet,
    headlessService: `${statefulSet}-headless`,
    clientService,
    pdb: `${statefulSet}-pdb`,
    selectorLabels,
    podLabels: { ...selectorLabels, 'app.kubernetes.io/part-of': clusterName },
  };
}

export const zookeeperComponent = defineComponent(
  'zookeeper',
  'zookeeper',
  'zookeeper',
  'zookeeper-client',
);
export const brokerComponent = defineComponent('kafka', 'kafka', 'broker', 'kafka-bootstrap');
export const controllerComponent = defineComponent(
  'kafka-controller',
  'kafka',
  'controller',
  undefined,
);

/** The stable DNS name of pod `ordinal`, served by the headless Service even before it is Ready. */
export function podDnsName(
  component: Component,
  ordinal: number,
  options: ScaffoldOptions,
): string {
  return `${component.statefulSet}-${ordinal}.${serviceDnsSuffix(component, options)}`;
}

/** `<headless>.<namespace>.svc.<domain>`: appended to a pod name it gives the pod's DNS name. */
export function serviceDnsSuffix(component: Component, options: ScaffoldOptions): string {
  return `${component.headlessService}.${options.namespace}.svc.${options.clusterDomain}`;
}

export function ordinals(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

export function metadata(name: string, options: ScaffoldOptions, labels: Labels): YamlMapping {
  return { name, namespace: options.namespace, labels };
}

export interface ServicePort {
  readonly name: string;
  readonly port: number;
}

/** A headless Service that publishes every pod's address, ready or not, so peers can find each other while they start. */
export function headlessService(
  component: Component,
  ports: readonly ServicePort[],
  options: ScaffoldOptions,
): YamlMapping {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(component.headlessService, options, component.podLabels),
    spec: {
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: component.selectorLabels,
      ports: ports.map(servicePort),
    },
  };
}

/** A ClusterIP Service for clients; it only routes to Ready pods. */
export function clientService(
  component: Component,
  name: string,
  ports: readonly ServicePort[],
  options: ScaffoldOptions,
): YamlMapping {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(name, options, component.podLabels),
    spec: {
      type: 'ClusterIP',
      selector: component.selectorLabels,
      ports: ports.map(servicePort),
    },
  };
}

function servicePort({ name, port }: ServicePort): YamlMapping {
  return { name, port, targetPort: name, protocol: 'TCP' };
}

/** At most one pod of the component may be evicted voluntarily at a time. */
export function podDisruptionBudget(component: Component, options: ScaffoldOptions): YamlMapping {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: metadata(component.pdb, options, component.podLabels),
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: component.selectorLabels },
    },
  };
}

export function antiAffinity(component: Component, options: ScaffoldOptions): YamlMapping {
  const term = {
    labelSelector: { matchLabels: component.selectorLabels },
    topologyKey: hostnameTopologyKey,
  };
  return options.antiAffinity === 'required'
    ? { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } }
    : {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term }],
        },
      };
}

/** Container-level half of the restricted Pod Security profile. */
export const restrictedContainerSecurity: YamlMapping = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
};

/** Pod-level half: a numeric non-root user matching the image, and volumes owned by its group. */
export function restrictedPodSecurity(uid: number, gid: number): YamlMapping {
  return {
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: gid,
    fsGroup: gid,
    fsGroupChangePolicy: 'OnRootMismatch',
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Requests equal to the memory limit, so the JVM heap derived from the limit is always backed. */
export function resources(cpu: string, memory: string): YamlMapping {
  return { requests: { cpu, memory }, limits: { memory } };
}

export interface StatefulSetParts {
  readonly component: Component;
  readonly replicas: number;
  readonly terminationGracePeriodSeconds: number;
  readonly uid: number;
  readonly gid: number;
  readonly container: YamlMapping;
  readonly volumeSize: string;
  readonly storageClassName: string;
}

/** The name of the data volume claim template in every StatefulSet of the scaffold. */
export const dataVolume = 'data';

export function statefulSet(parts: StatefulSetParts, options: ScaffoldOptions): YamlMapping {
  const { component } = parts;
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: metadata(component.statefulSet, options, component.podLabels),
    spec: {
      serviceName: component.headlessService,
      replicas: parts.replicas,
      // Parallel start lets every member come up and find its peers; ordered start would wait
      // for pod 0 to be Ready, which needs a quorum that the other pods have to form.
      podManagementPolicy: 'Parallel',
      updateStrategy: { type: 'RollingUpdate' },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      selector: { matchLabels: component.selectorLabels },
      template: {
        metadata: { labels: component.podLabels },
        spec: {
          terminationGracePeriodSeconds: parts.terminationGracePeriodSeconds,
          automountServiceAccountToken: false,
          securityContext: restrictedPodSecurity(parts.uid, parts.gid),
          affinity: antiAffinity(component, options),
          containers: [parts.container],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: dataVolume, labels: component.selectorLabels },
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName: parts.storageClassName,
            resources: { requests: { storage: parts.volumeSize } },
          },
        },
      ],
    },
  };
}

/** `{ name, value }` env entries; values are always strings, as the API requires. */
export function envList(variables: Readonly<Record<string, string | number>>): YamlData[] {
  return Object.entries(variables).map(([name, value]) => ({ name, value: String(value) }));
}

/** An env entry read from the pod's own metadata (downward API). */
export function fieldEnv(name: string, fieldPath: string): YamlMapping {
  return { name, valueFrom: { fieldRef: { fieldPath } } };
}

export function tcpProbe(
  port: string,
  timing: { initialDelaySeconds?: number; periodSeconds: number; failureThreshold: number },
): YamlMapping {
  return { tcpSocket: { port }, ...timing, timeoutSeconds: 5 };
}

/** Heap in MiB as a share of the memory limit, rounded down to a multiple of 64 MiB. */
export function heapMebibytes(limitMi: number, share: number): number {
  return Math.max(256, Math.floor((limitMi * share) / 64) * 64);
}
