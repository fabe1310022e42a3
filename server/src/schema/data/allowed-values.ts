// Allowed values of string fields that the OpenAPI spec only lists in prose. Keyed by generated
// model + JSON field name; for a string array (`accessModes`) the values apply to each item.
// Sources: the Go constants in k8s.io/api (`<group>/<version>/types.go`) and the API reference.

const accessModes = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
const volumeModes = ['Filesystem', 'Block'];
const protocols = ['TCP', 'UDP', 'SCTP'];
const pullPolicies = ['Always', 'IfNotPresent', 'Never'];
const selectorOperators = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const trafficPolicies = ['Cluster', 'Local'];
const retentionPolicies = ['Retain', 'Delete'];
const profileTypes = ['RuntimeDefault', 'Unconfined', 'Localhost'];
const quotaScopes = [
  'Terminating',
  'NotTerminating',
  'BestEffort',
  'NotBestEffort',
  'PriorityClass',
  'CrossNamespacePodAffinity',
  'VolumeAttributesClass',
];
const failurePolicies = ['Ignore', 'Fail'];

export const allowedValues: Readonly<Record<string, readonly string[]>> = {
  // core/v1 PersistentVolumeAccessMode constants; ReadWriteOncePod is GA since 1.29.
  'V1PersistentVolumeClaimSpec.accessModes': accessModes,
  // core/v1 PersistentVolumeAccessMode constants.
  'V1PersistentVolumeSpec.accessModes': accessModes,
  // core/v1 PersistentVolumeMode constants (PersistentVolumeBlock, PersistentVolumeFilesystem).
  'V1PersistentVolumeClaimSpec.volumeMode': volumeModes,
  // core/v1 PersistentVolumeMode constants.
  'V1PersistentVolumeSpec.volumeMode': volumeModes,
  // core/v1 PersistentVolumeReclaimPolicy constants (Recycle is deprecated but still accepted).
  'V1PersistentVolumeSpec.persistentVolumeReclaimPolicy': ['Retain', 'Delete', 'Recycle'],
  // storage/v1 StorageClass.reclaimPolicy: validation accepts only Delete and Retain.
  'V1StorageClass.reclaimPolicy': ['Delete', 'Retain'],
  // storage/v1 VolumeBindingMode constants (VolumeBindingImmediate, VolumeBindingWaitForFirstConsumer).
  'V1StorageClass.volumeBindingMode': ['Immediate', 'WaitForFirstConsumer'],
  // apps/v1 PodManagementPolicyType constants.
  'V1StatefulSetSpec.podManagementPolicy': ['OrderedReady', 'Parallel'],
  // apps/v1 StatefulSetUpdateStrategyType constants.
  'V1StatefulSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  // apps/v1 DeploymentStrategyType constants.
  'V1DeploymentStrategy.type': ['RollingUpdate', 'Recreate'],
  // apps/v1 DaemonSetUpdateStrategyType constants.
  'V1DaemonSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  // apps/v1 PersistentVolumeClaimRetentionPolicyType constants.
  'V1StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': retentionPolicies,
  // apps/v1 PersistentVolumeClaimRetentionPolicyType constants.
  'V1StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': retentionPolicies,
  // core/v1 ServiceType constants.
  'V1ServiceSpec.type': ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
  // core/v1 ServiceExternalTrafficPolicy constants (Cluster, Local).
  'V1ServiceSpec.externalTrafficPolicy': trafficPolicies,
  // core/v1 ServiceInternalTrafficPolicy constants (Cluster, Local).
  'V1ServiceSpec.internalTrafficPolicy': trafficPolicies,
  // core/v1 ServiceAffinity constants.
  'V1ServiceSpec.sessionAffinity': ['ClientIP', 'None'],
  // core/v1 IPFamilyPolicy constants.
  'V1ServiceSpec.ipFamilyPolicy': ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
  // core/v1 IPFamily constants.
  'V1ServiceSpec.ipFamilies': ['IPv4', 'IPv6'],
  // core/v1 ServiceTrafficDistribution constants (PreferSameZone/PreferSameNode since 1.33).
  'V1ServiceSpec.trafficDistribution': ['PreferClose', 'PreferSameZone', 'PreferSameNode'],
  // core/v1 Protocol constants.
  'V1ServicePort.protocol': protocols,
  // core/v1 Protocol constants.
  'V1ContainerPort.protocol': protocols,
  // core/v1 Protocol constants.
  'CoreV1EndpointPort.protocol': protocols,
  // discovery/v1 EndpointPort.protocol: core/v1 Protocol constants.
  'DiscoveryV1EndpointPort.protocol': protocols,
  // networking/v1 NetworkPolicyPort.protocol: core/v1 Protocol constants.
  'V1NetworkPolicyPort.protocol': protocols,
  // networking/v1 PolicyType constants.
  'V1NetworkPolicySpec.policyTypes': ['Ingress', 'Egress'],
  // networking/v1 PathType constants.
  'V1HTTPIngressPath.pathType': ['Exact', 'Prefix', 'ImplementationSpecific'],
  // core/v1 PullPolicy constants.
  'V1Container.imagePullPolicy': pullPolicies,
  // core/v1 PullPolicy constants.
  'V1EphemeralContainer.imagePullPolicy': pullPolicies,
  // core/v1 RestartPolicy constants.
  'V1PodSpec.restartPolicy': ['Always', 'OnFailure', 'Never'],
  // core/v1 ContainerRestartPolicy constants (OnFailure and Never since 1.34, ContainerRestartRules).
  'V1Container.restartPolicy': ['Always', 'OnFailure', 'Never'],
  // core/v1 DNSPolicy constants.
  'V1PodSpec.dnsPolicy': ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'],
  // core/v1 PreemptionPolicy constants.
  'V1PodSpec.preemptionPolicy': ['PreemptLowerPriority', 'Never'],
  // scheduling/v1 PriorityClass.preemptionPolicy: core/v1 PreemptionPolicy constants.
  'V1PriorityClass.preemptionPolicy': ['PreemptLowerPriority', 'Never'],
  // core/v1 OSName constants.
  'V1PodOS.name': ['linux', 'windows'],
  // meta/v1 LabelSelectorOperator constants.
  'V1LabelSelectorRequirement.operator': selectorOperators,
  // core/v1 NodeSelectorOperator constants.
  'V1NodeSelectorRequirement.operator': [...selectorOperators, 'Gt', 'Lt'],
  // core/v1 ScopeSelectorOperator constants.
  'V1ScopedResourceSelectorRequirement.operator': selectorOperators,
  // core/v1 ResourceQuotaScope constants.
  'V1ScopedResourceSelectorRequirement.scopeName': quotaScopes,
  // core/v1 ResourceQuotaScope constants.
  'V1ResourceQuotaSpec.scopes': quotaScopes,
  // core/v1 LimitType constants.
  'V1LimitRangeItem.type': ['Pod', 'Container', 'PersistentVolumeClaim'],
  // core/v1 UnsatisfiableConstraintAction constants.
  'V1TopologySpreadConstraint.whenUnsatisfiable': ['DoNotSchedule', 'ScheduleAnyway'],
  // core/v1 NodeInclusionPolicy constants.
  'V1TopologySpreadConstraint.nodeAffinityPolicy': ['Honor', 'Ignore'],
  // core/v1 NodeInclusionPolicy constants.
  'V1TopologySpreadConstraint.nodeTaintsPolicy': ['Honor', 'Ignore'],
  // policy/v1 UnhealthyPodEvictionPolicyType constants.
  'V1PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': ['IfHealthyBudget', 'AlwaysAllow'],
  // core/v1 TolerationOperator constants (Lt and Gt since 1.35, TaintTolerationComparisonOperators).
  'V1Toleration.operator': ['Exists', 'Equal', 'Lt', 'Gt'],
  // core/v1 TaintEffect constants.
  'V1Toleration.effect': taintEffects,
  // core/v1 TaintEffect constants.
  'V1Taint.effect': taintEffects,
  // core/v1 TerminationMessagePolicy constants.
  'V1Container.terminationMessagePolicy': ['File', 'FallbackToLogsOnError'],
  // core/v1 TerminationMessagePolicy constants.
  'V1EphemeralContainer.terminationMessagePolicy': ['File', 'FallbackToLogsOnError'],
  // core/v1 URIScheme constants.
  'V1HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
  // core/v1 SeccompProfileType constants.
  'V1SeccompProfile.type': profileTypes,
  // core/v1 AppArmorProfileType constants.
  'V1AppArmorProfile.type': profileTypes,
  // core/v1 ProcMountType constants.
  'V1SecurityContext.procMount': ['Default', 'Unmasked'],
  // core/v1 PodFSGroupChangePolicy constants.
  'V1PodSecurityContext.fsGroupChangePolicy': ['OnRootMismatch', 'Always'],
  // core/v1 PodSELinuxChangePolicy constants.
  'V1PodSecurityContext.seLinuxChangePolicy': ['MountOption', 'Recursive'],
  // core/v1 SupplementalGroupsPolicy constants.
  'V1PodSecurityContext.supplementalGroupsPolicy': ['Merge', 'Strict'],
  // core/v1 MountPropagationMode constants.
  'V1VolumeMount.mountPropagation': ['None', 'HostToContainer', 'Bidirectional'],
  // core/v1 RecursiveReadOnlyMode constants.
  'V1VolumeMount.recursiveReadOnly': ['Disabled', 'IfPossible', 'Enabled'],
  // core/v1 HostPathType constants ("" means no check).
  'V1HostPathVolumeSource.type': [
    '',
    'DirectoryOrCreate',
    'Directory',
    'FileOrCreate',
    'File',
    'Socket',
    'CharDevice',
    'BlockDevice',
  ],
  // core/v1 ResourceResizeRestartPolicy constants.
  'V1ContainerResizePolicy.restartPolicy': ['NotRequired', 'RestartContainer'],
  // batch/v1 ConcurrencyPolicy constants.
  'V1CronJobSpec.concurrencyPolicy': ['Allow', 'Forbid', 'Replace'],
  // batch/v1 CompletionMode constants.
  'V1JobSpec.completionMode': ['NonIndexed', 'Indexed'],
  // batch/v1 PodReplacementPolicy constants.
  'V1JobSpec.podReplacementPolicy': ['TerminatingOrFailed', 'Failed'],
  // batch/v1 PodFailurePolicyAction constants.
  'V1PodFailurePolicyRule.action': ['FailJob', 'FailIndex', 'Ignore', 'Count'],
  // batch/v1 PodFailurePolicyOnExitCodesOperator constants.
  'V1PodFailurePolicyOnExitCodesRequirement.operator': ['In', 'NotIn'],
  // autoscaling/v2 MetricSourceType constants.
  'V2MetricSpec.type': ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'],
  // autoscaling/v2 MetricTargetType constants.
  'V2MetricTarget.type': ['Utilization', 'Value', 'AverageValue'],
  // autoscaling/v2 ScalingPolicySelect constants.
  'V2HPAScalingRules.selectPolicy': ['Max', 'Min', 'Disabled'],
  // autoscaling/v2 HPAScalingPolicyType constants.
  'V2HPAScalingPolicy.type': ['Pods', 'Percent'],
  // rbac/v1 Subject.kind: the API reference lists User, Group and ServiceAccount.
  'RbacV1Subject.kind': ['User', 'Group', 'ServiceAccount'],
  // rbac/v1 RoleRef.kind: a RoleBinding refers to a Role or ClusterRole.
  'V1RoleRef.kind': ['Role', 'ClusterRole'],
  // storage/v1 FSGroupPolicy constants.
  'V1CSIDriverSpec.fsGroupPolicy': ['ReadWriteOnceWithFSType', 'File', 'None'],
  // storage/v1 VolumeLifecycleMode constants.
  'V1CSIDriverSpec.volumeLifecycleModes': ['Persistent', 'Ephemeral'],
  // admissionregistration/v1 FailurePolicyType constants.
  'V1ValidatingWebhook.failurePolicy': failurePolicies,
  // admissionregistration/v1 FailurePolicyType constants.
  'V1MutatingWebhook.failurePolicy': failurePolicies,
  // admissionregistration/v1 SideEffectClass: v1 accepts None and NoneOnDryRun.
  'V1ValidatingWebhook.sideEffects': ['None', 'NoneOnDryRun'],
  // admissionregistration/v1 SideEffectClass: v1 accepts None and NoneOnDryRun.
  'V1MutatingWebhook.sideEffects': ['None', 'NoneOnDryRun'],
  // admissionregistration/v1 MatchPolicyType constants.
  'V1ValidatingWebhook.matchPolicy': ['Exact', 'Equivalent'],
  // admissionregistration/v1 MatchPolicyType constants.
  'V1MutatingWebhook.matchPolicy': ['Exact', 'Equivalent'],
  // admissionregistration/v1 ReinvocationPolicyType constants.
  'V1MutatingWebhook.reinvocationPolicy': ['Never', 'IfNeeded'],
  // admissionregistration/v1 FailurePolicyType constants.
  'V1ValidatingAdmissionPolicySpec.failurePolicy': failurePolicies,
  // admissionregistration/v1 ValidationAction constants.
  'V1ValidatingAdmissionPolicyBindingSpec.validationActions': ['Deny', 'Warn', 'Audit'],
};
