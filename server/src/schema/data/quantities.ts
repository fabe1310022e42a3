// Which generated string fields hold Kubernetes quantities (resource.Quantity). The OpenAPI spec
// has a Quantity type, but @kubernetes/client-node flattens it to `string`, so this table restores
// it. Keyed by model + JSON field; for a map (`limits`) every value is a quantity.

export const quantityFields: readonly string[] = [
  // core/v1 ResourceRequirements: ResourceList (map of resource name to Quantity).
  'V1ResourceRequirements.limits',
  'V1ResourceRequirements.requests',
  // core/v1 VolumeResourceRequirements: ResourceList.
  'V1VolumeResourceRequirements.limits',
  'V1VolumeResourceRequirements.requests',
  // core/v1 EmptyDirVolumeSource.sizeLimit: *resource.Quantity.
  'V1EmptyDirVolumeSource.sizeLimit',
  // core/v1 PersistentVolumeSpec.capacity: ResourceList.
  'V1PersistentVolumeSpec.capacity',
  // core/v1 PersistentVolumeClaimStatus: capacity and allocatedResources are ResourceLists.
  'V1PersistentVolumeClaimStatus.capacity',
  'V1PersistentVolumeClaimStatus.allocatedResources',
  // core/v1 PodSpec.overhead: ResourceList.
  'V1PodSpec.overhead',
  // core/v1 PodStatus / ContainerStatus.allocatedResources: ResourceList.
  'V1PodStatus.allocatedResources',
  'V1ContainerStatus.allocatedResources',
  // core/v1 LimitRangeItem: max, min, default, defaultRequest, maxLimitRequestRatio are ResourceLists.
  'V1LimitRangeItem.max',
  'V1LimitRangeItem.min',
  'V1LimitRangeItem.default',
  'V1LimitRangeItem.defaultRequest',
  'V1LimitRangeItem.maxLimitRequestRatio',
  // core/v1 ResourceQuotaSpec.hard and ResourceQuotaStatus.hard/used: ResourceList.
  'V1ResourceQuotaSpec.hard',
  'V1ResourceQuotaStatus.hard',
  'V1ResourceQuotaStatus.used',
  // core/v1 NodeStatus.capacity/allocatable: ResourceList.
  'V1NodeStatus.capacity',
  'V1NodeStatus.allocatable',
  // core/v1 ResourceFieldSelector.divisor: resource.Quantity.
  'V1ResourceFieldSelector.divisor',
  // node/v1 Overhead.podFixed: ResourceList.
  'V1Overhead.podFixed',
  // storage/v1 CSIStorageCapacity.capacity/maximumVolumeSize: *resource.Quantity.
  'V1CSIStorageCapacity.capacity',
  'V1CSIStorageCapacity.maximumVolumeSize',
  // autoscaling/v2 MetricTarget and MetricValueStatus: value/averageValue are *resource.Quantity.
  'V2MetricTarget.value',
  'V2MetricTarget.averageValue',
  'V2MetricValueStatus.value',
  'V2MetricValueStatus.averageValue',
  // autoscaling/v2 HPAScalingRules.tolerance: *resource.Quantity (1.33+).
  'V2HPAScalingRules.tolerance',
  // resource/v1 (DRA) capacity types: Counter.value, DeviceCapacity.value, CapacityRequirements,
  // CapacityRequestPolicy(Range) and the allocation result's consumedCapacity are Quantities.
  'V1Counter.value',
  'V1DeviceCapacity.value',
  'V1CapacityRequirements.requests',
  'V1CapacityRequestPolicy.default',
  'V1CapacityRequestPolicyRange.min',
  'V1CapacityRequestPolicyRange.max',
  'V1CapacityRequestPolicyRange.step',
  'V1DeviceRequestAllocationResult.consumedCapacity',
  // resource/v1beta1 (DRA): the same Quantity fields.
  'V1beta1Counter.value',
  'V1beta1DeviceCapacity.value',
  'V1beta1CapacityRequirements.requests',
  'V1beta1CapacityRequestPolicy.default',
  'V1beta1CapacityRequestPolicyRange.min',
  'V1beta1CapacityRequestPolicyRange.max',
  'V1beta1CapacityRequestPolicyRange.step',
  'V1beta1DeviceRequestAllocationResult.consumedCapacity',
  // resource/v1beta2 (DRA): the same Quantity fields.
  'V1beta2Counter.value',
  'V1beta2DeviceCapacity.value',
  'V1beta2CapacityRequirements.requests',
  'V1beta2CapacityRequestPolicy.default',
  'V1beta2CapacityRequestPolicyRange.min',
  'V1beta2CapacityRequestPolicyRange.max',
  'V1beta2CapacityRequestPolicyRange.step',
  'V1beta2DeviceRequestAllocationResult.consumedCapacity',
];

/**
 * What a quantity means under a well-known resource name (a key of `limits`, `requests`,
 * `capacity`, `hard`, …). Source: "Resource Management for Pods and Containers" and the
 * ResourceQuota documentation on kubernetes.io.
 */
export const resourceNames: Readonly<Record<string, string>> = {
  cpu: 'CPU, in cores: `1` is one core, `500m` is half a core (millicores).',
  memory: 'Memory, in bytes: use binary suffixes such as `512Mi` or `2Gi`.',
  'ephemeral-storage':
    'Local ephemeral storage (container logs, writable layers, emptyDir), in bytes.',
  storage: 'Storage capacity of a volume, in bytes, e.g. `10Gi`.',
  pods: 'The number of Pods (ResourceQuota).',
  'requests.cpu': 'The sum of CPU requests of all non-terminal Pods (ResourceQuota).',
  'requests.memory': 'The sum of memory requests of all non-terminal Pods (ResourceQuota).',
  'requests.storage': 'The sum of storage requests of all PersistentVolumeClaims (ResourceQuota).',
  'requests.ephemeral-storage': 'The sum of ephemeral-storage requests (ResourceQuota).',
  'limits.cpu': 'The sum of CPU limits of all non-terminal Pods (ResourceQuota).',
  'limits.memory': 'The sum of memory limits of all non-terminal Pods (ResourceQuota).',
  'limits.ephemeral-storage': 'The sum of ephemeral-storage limits (ResourceQuota).',
  persistentvolumeclaims: 'The number of PersistentVolumeClaims (ResourceQuota).',
  services: 'The number of Services (ResourceQuota).',
  'services.loadbalancers': 'The number of Services of type LoadBalancer (ResourceQuota).',
  'services.nodeports': 'The number of NodePorts allocated (ResourceQuota).',
  secrets: 'The number of Secrets (ResourceQuota).',
  configmaps: 'The number of ConfigMaps (ResourceQuota).',
  'hugepages-2Mi': 'Huge pages of 2 MiB, in bytes; requests must equal limits.',
  'hugepages-1Gi': 'Huge pages of 1 GiB, in bytes; requests must equal limits.',
  'nvidia.com/gpu':
    'NVIDIA GPUs (an extended resource from the device plugin), whole numbers only.',
};

/** The meaning of a resource name, including the `hugepages-<size>` and quota prefixes. */
export function resourceNameMeaning(name: string): string | undefined {
  const known = resourceNames[name];
  if (known) {
    return known;
  }
  if (name.startsWith('hugepages-')) {
    return `Huge pages of ${name.slice('hugepages-'.length)}, in bytes; requests must equal limits.`;
  }
  if (name.includes('/')) {
    return 'An extended resource (advertised by a device plugin or the node), whole numbers only.';
  }
  return undefined;
}
