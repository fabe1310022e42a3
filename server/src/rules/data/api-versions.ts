// The reviewed table of deprecated and removed built-in API versions that `api-deprecated` and
// `api-removed` read. Sources: the Kubernetes "Deprecated API Migration Guide"
// (kubernetes.io/docs/reference/using-api/deprecation-guide/) and Pluto's versions.yaml.

/** One apiVersion/kind pair that Kubernetes deprecated, removed, or both. */
export interface ApiVersionEntry {
  /** The apiVersion as written in manifests, e.g. `apps/v1beta1`. */
  readonly apiVersion: string;
  readonly kind: string;
  /** First minor version (`1.9`) that marks it deprecated; undefined when never announced. */
  readonly deprecatedIn?: string;
  /** First minor version that no longer serves it. */
  readonly removedIn?: string;
  /** The apiVersion to move to; undefined when the API has no successor (PodSecurityPolicy). */
  readonly replacement?: string;
  /** The minor version from which the replacement is served. */
  readonly replacementAvailableIn?: string;
  /** What changes beyond the apiVersion line, said in one sentence for the message. */
  readonly note?: string;
}

const appsV1Note =
  'apps/v1 requires `spec.selector` matching the pod template labels and defaults differ (e.g. updateStrategy)';

/** Rows of one migration wave share removal and replacement facts. */
function wave(
  removedIn: string,
  rows: readonly (readonly [
    apiVersion: string,
    kinds: readonly string[],
    deprecatedIn: string,
    replacement: string | undefined,
    replacementAvailableIn: string | undefined,
    note?: string,
  ])[],
): ApiVersionEntry[] {
  return rows.flatMap(([apiVersion, kinds, deprecatedIn, replacement, available, note]) =>
    kinds.map((kind) => ({
      apiVersion,
      kind,
      deprecatedIn,
      removedIn,
      ...(replacement ? { replacement } : {}),
      ...(available ? { replacementAvailableIn: available } : {}),
      ...(note ? { note } : {}),
    })),
  );
}

const workloads = ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'] as const;

export const apiVersionTable: readonly ApiVersionEntry[] = [
  // Removed in 1.16: the beta workload APIs and extensions/v1beta1 NetworkPolicy and PSP.
  ...wave('1.16', [
    [
      'extensions/v1beta1',
      ['Deployment', 'DaemonSet', 'ReplicaSet'],
      '1.9',
      'apps/v1',
      '1.9',
      appsV1Note,
    ],
    [
      'apps/v1beta1',
      ['Deployment', 'ReplicaSet', 'StatefulSet'],
      '1.9',
      'apps/v1',
      '1.9',
      appsV1Note,
    ],
    ['apps/v1beta2', workloads, '1.9', 'apps/v1', '1.9', appsV1Note],
    ['extensions/v1beta1', ['NetworkPolicy'], '1.9', 'networking.k8s.io/v1', '1.8'],
    ['extensions/v1beta1', ['PodSecurityPolicy'], '1.10', 'policy/v1beta1', '1.10'],
  ]),
  // Removed in 1.22: a large set of v1beta1 APIs graduated to v1.
  ...wave('1.22', [
    [
      'admissionregistration.k8s.io/v1beta1',
      ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
      '1.16',
      'admissionregistration.k8s.io/v1',
      '1.16',
    ],
    [
      'apiextensions.k8s.io/v1beta1',
      ['CustomResourceDefinition'],
      '1.16',
      'apiextensions.k8s.io/v1',
      '1.16',
      'v1 requires a structural `schema` per version',
    ],
    ['apiregistration.k8s.io/v1beta1', ['APIService'], '1.19', 'apiregistration.k8s.io/v1', '1.10'],
    ['authentication.k8s.io/v1beta1', ['TokenReview'], '1.19', 'authentication.k8s.io/v1', '1.6'],
    [
      'authorization.k8s.io/v1beta1',
      ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview'],
      '1.19',
      'authorization.k8s.io/v1',
      '1.6',
    ],
    [
      'certificates.k8s.io/v1beta1',
      ['CertificateSigningRequest'],
      '1.19',
      'certificates.k8s.io/v1',
      '1.19',
    ],
    ['coordination.k8s.io/v1beta1', ['Lease'], '1.19', 'coordination.k8s.io/v1', '1.14'],
    [
      'extensions/v1beta1',
      ['Ingress'],
      '1.14',
      'networking.k8s.io/v1',
      '1.19',
      'networking.k8s.io/v1 backends use `service.name` and `service.port`, and every path needs `pathType`',
    ],
    [
      'networking.k8s.io/v1beta1',
      ['Ingress'],
      '1.19',
      'networking.k8s.io/v1',
      '1.19',
      'networking.k8s.io/v1 backends use `service.name` and `service.port`, and every path needs `pathType`',
    ],
    ['networking.k8s.io/v1beta1', ['IngressClass'], '1.19', 'networking.k8s.io/v1', '1.19'],
    [
      'rbac.authorization.k8s.io/v1beta1',
      ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
      '1.17',
      'rbac.authorization.k8s.io/v1',
      '1.8',
    ],
    [
      'rbac.authorization.k8s.io/v1alpha1',
      ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
      '1.17',
      'rbac.authorization.k8s.io/v1',
      '1.8',
    ],
    ['scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.14', 'scheduling.k8s.io/v1', '1.14'],
    ['storage.k8s.io/v1beta1', ['CSIDriver'], '1.19', 'storage.k8s.io/v1', '1.19'],
    ['storage.k8s.io/v1beta1', ['CSINode'], '1.17', 'storage.k8s.io/v1', '1.17'],
    ['storage.k8s.io/v1beta1', ['StorageClass'], '1.19', 'storage.k8s.io/v1', '1.6'],
    ['storage.k8s.io/v1beta1', ['VolumeAttachment'], '1.19', 'storage.k8s.io/v1', '1.13'],
  ]),
  // Removed in 1.25.
  ...wave('1.25', [
    ['batch/v1beta1', ['CronJob'], '1.21', 'batch/v1', '1.21'],
    ['discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.21', 'discovery.k8s.io/v1', '1.21'],
    ['events.k8s.io/v1beta1', ['Event'], '1.19', 'events.k8s.io/v1', '1.19'],
    ['autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.22', 'autoscaling/v2', '1.23'],
    [
      'policy/v1beta1',
      ['PodDisruptionBudget'],
      '1.21',
      'policy/v1',
      '1.21',
      'in policy/v1 an empty `spec.selector` selects every pod in the namespace instead of none',
    ],
    [
      'policy/v1beta1',
      ['PodSecurityPolicy'],
      '1.21',
      undefined,
      undefined,
      'PodSecurityPolicy has no successor API: use Pod Security Admission labels on the namespace',
    ],
    ['node.k8s.io/v1beta1', ['RuntimeClass'], '1.22', 'node.k8s.io/v1', '1.20'],
  ]),
  // Removed in 1.26, 1.27, 1.29 and 1.32.
  ...wave('1.26', [
    ['autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.23', 'autoscaling/v2', '1.23'],
    [
      'flowcontrol.apiserver.k8s.io/v1beta1',
      ['FlowSchema', 'PriorityLevelConfiguration'],
      '1.23',
      'flowcontrol.apiserver.k8s.io/v1',
      '1.29',
    ],
  ]),
  ...wave('1.27', [
    ['storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.24', 'storage.k8s.io/v1', '1.24'],
  ]),
  ...wave('1.29', [
    [
      'flowcontrol.apiserver.k8s.io/v1beta2',
      ['FlowSchema', 'PriorityLevelConfiguration'],
      '1.26',
      'flowcontrol.apiserver.k8s.io/v1',
      '1.29',
    ],
  ]),
  ...wave('1.32', [
    [
      'flowcontrol.apiserver.k8s.io/v1beta3',
      ['FlowSchema', 'PriorityLevelConfiguration'],
      '1.29',
      'flowcontrol.apiserver.k8s.io/v1',
      '1.29',
    ],
  ]),
];

/** The table row for an apiVersion/kind pair, if Kubernetes ever deprecated it. */
export function lookupApiVersion(apiVersion: string, kind: string): ApiVersionEntry | undefined {
  return apiVersionTable.find((entry) => entry.apiVersion === apiVersion && entry.kind === kind);
}

/** A parsed `major.minor` version (`1.29`, `v1.29.3`), or undefined when it is not one. */
export function parseMinorVersion(text: string): readonly [number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** True when version `a` is at or after version `b` (both `major.minor`). */
export function isAtLeast(a: string, b: string): boolean {
  const left = parseMinorVersion(a);
  const right = parseMinorVersion(b);
  if (!left || !right) {
    return false;
  }
  return left[0] !== right[0] ? left[0] > right[0] : left[1] >= right[1];
}
