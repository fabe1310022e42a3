import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSchema } from './schema';

const schema = loadSchema();

function apiVersionsOf(kind: string): string[] {
  return schema.kindsNamed(kind).map((info) => info.apiVersion);
}

test('is generated from Kubernetes 1.36', () => {
  assert.equal(schema.kubernetesVersion, '1.36');
});

test('knows every stable built-in kind with its apiVersion', () => {
  const expected: Record<string, string> = {
    Binding: 'v1',
    ComponentStatus: 'v1',
    ConfigMap: 'v1',
    Endpoints: 'v1',
    LimitRange: 'v1',
    Namespace: 'v1',
    Node: 'v1',
    PersistentVolume: 'v1',
    PersistentVolumeClaim: 'v1',
    Pod: 'v1',
    PodTemplate: 'v1',
    ReplicationController: 'v1',
    ResourceQuota: 'v1',
    Secret: 'v1',
    Service: 'v1',
    ServiceAccount: 'v1',
    MutatingWebhookConfiguration: 'admissionregistration.k8s.io/v1',
    ValidatingWebhookConfiguration: 'admissionregistration.k8s.io/v1',
    ValidatingAdmissionPolicy: 'admissionregistration.k8s.io/v1',
    ValidatingAdmissionPolicyBinding: 'admissionregistration.k8s.io/v1',
    CustomResourceDefinition: 'apiextensions.k8s.io/v1',
    APIService: 'apiregistration.k8s.io/v1',
    ControllerRevision: 'apps/v1',
    DaemonSet: 'apps/v1',
    Deployment: 'apps/v1',
    ReplicaSet: 'apps/v1',
    StatefulSet: 'apps/v1',
    TokenReview: 'authentication.k8s.io/v1',
    SelfSubjectReview: 'authentication.k8s.io/v1',
    LocalSubjectAccessReview: 'authorization.k8s.io/v1',
    SelfSubjectAccessReview: 'authorization.k8s.io/v1',
    SelfSubjectRulesReview: 'authorization.k8s.io/v1',
    SubjectAccessReview: 'authorization.k8s.io/v1',
    HorizontalPodAutoscaler: 'autoscaling/v2',
    CronJob: 'batch/v1',
    Job: 'batch/v1',
    CertificateSigningRequest: 'certificates.k8s.io/v1',
    Lease: 'coordination.k8s.io/v1',
    EndpointSlice: 'discovery.k8s.io/v1',
    FlowSchema: 'flowcontrol.apiserver.k8s.io/v1',
    PriorityLevelConfiguration: 'flowcontrol.apiserver.k8s.io/v1',
    Ingress: 'networking.k8s.io/v1',
    IngressClass: 'networking.k8s.io/v1',
    IPAddress: 'networking.k8s.io/v1',
    NetworkPolicy: 'networking.k8s.io/v1',
    ServiceCIDR: 'networking.k8s.io/v1',
    RuntimeClass: 'node.k8s.io/v1',
    PodDisruptionBudget: 'policy/v1',
    ClusterRole: 'rbac.authorization.k8s.io/v1',
    ClusterRoleBinding: 'rbac.authorization.k8s.io/v1',
    Role: 'rbac.authorization.k8s.io/v1',
    RoleBinding: 'rbac.authorization.k8s.io/v1',
    DeviceClass: 'resource.k8s.io/v1',
    ResourceClaim: 'resource.k8s.io/v1',
    ResourceClaimTemplate: 'resource.k8s.io/v1',
    ResourceSlice: 'resource.k8s.io/v1',
    PriorityClass: 'scheduling.k8s.io/v1',
    CSIDriver: 'storage.k8s.io/v1',
    CSINode: 'storage.k8s.io/v1',
    CSIStorageCapacity: 'storage.k8s.io/v1',
    StorageClass: 'storage.k8s.io/v1',
    VolumeAttachment: 'storage.k8s.io/v1',
    VolumeAttributesClass: 'storage.k8s.io/v1',
  };
  for (const [kind, apiVersion] of Object.entries(expected)) {
    const info = schema.kindsNamed(kind)[0];
    assert.equal(info?.apiVersion, apiVersion, `${kind} should be served first by ${apiVersion}`);
    assert.equal(info.stability, 'stable');
    assert.ok(schema.object(info.type), `${kind}'s root type ${info.type} is in the schema`);
  }
});

test('spot-checks kinds, scope and docs links', () => {
  const statefulSet = schema.lookupKind('apps/v1', 'StatefulSet');
  assert.equal(statefulSet?.type, 'V1StatefulSet');
  assert.equal(statefulSet.namespaced, true);
  assert.equal(
    statefulSet.docsUrl,
    'https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.36/#statefulset-v1-apps',
  );
  assert.equal(
    schema.lookupKind('v1', 'Service')?.docsUrl,
    'https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.36/#service-v1-core',
  );
  assert.equal(
    schema.lookupKind('rbac.authorization.k8s.io/v1', 'Role')?.docsUrl,
    'https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.36/#role-v1-rbac-authorization-k8s-io',
  );
  assert.equal(schema.lookupKind('policy/v1', 'PodDisruptionBudget')?.namespaced, true);
  assert.equal(schema.lookupKind('storage.k8s.io/v1', 'VolumeAttributesClass')?.namespaced, false);
  assert.equal(schema.lookupKind('v1', 'Namespace')?.namespaced, false);
  assert.equal(schema.lookupKind('v1', 'PersistentVolume')?.namespaced, false);
  assert.equal(schema.lookupKind('batch/v1', 'CronJob')?.type, 'V1CronJob');
  assert.equal(schema.lookupKind('apps/v1beta1', 'StatefulSet'), undefined);
  assert.equal(schema.lookupKind('example.com/v1', 'Widget'), undefined);
});

test('includes beta and alpha kinds, ordered after the stable versions', () => {
  assert.equal(schema.lookupKind('networking.k8s.io/v1beta1', 'ServiceCIDR')?.stability, 'beta');
  assert.equal(
    schema.lookupKind('coordination.k8s.io/v1alpha2', 'LeaseCandidate')?.stability,
    'alpha',
  );
  assert.deepEqual(apiVersionsOf('HorizontalPodAutoscaler'), ['autoscaling/v2', 'autoscaling/v1']);
  assert.deepEqual(apiVersionsOf('ResourceClaim'), [
    'resource.k8s.io/v1',
    'resource.k8s.io/v1beta2',
    'resource.k8s.io/v1beta1',
  ]);
  assert.deepEqual(apiVersionsOf('Event'), ['v1', 'events.k8s.io/v1']);
});

test('has no list kinds and no kinds removed before 1.36', () => {
  assert.equal(schema.kinds.filter((info) => info.kind.endsWith('List')).length, 0);
  assert.deepEqual(apiVersionsOf('PodSecurityPolicy'), []);
  assert.equal(schema.lookupKind('resource.k8s.io/v1alpha2', 'ResourceClaim'), undefined);
});

test('marks status and server-owned metadata read-only', () => {
  assert.equal(schema.object('V1StatefulSet')?.fields.get('status')?.readOnly, true);
  assert.equal(schema.object('V1StatefulSet')?.fields.get('spec')?.readOnly, false);
  const metadata = schema.object('V1ObjectMeta')!;
  for (const name of [
    'uid',
    'resourceVersion',
    'creationTimestamp',
    'managedFields',
    'generation',
  ]) {
    assert.equal(metadata.fields.get(name)?.readOnly, true, name);
  }
  assert.equal(metadata.fields.get('labels')?.readOnly, false);
  // A condition's `status` is a plain field, not the object's status.
  assert.equal(schema.object('V1PodCondition')?.fields.get('status')?.readOnly, false);
});

test('knows the apiVersion and kind values of a kind root type', () => {
  const root = schema.object('V2HorizontalPodAutoscaler')!;
  assert.deepEqual(root.fields.get('apiVersion')?.enum, ['autoscaling/v2', 'autoscaling/v1']);
  assert.deepEqual(root.fields.get('kind')?.enum, ['HorizontalPodAutoscaler']);
  // Required only at a document root (resolve.ts rootObject), not where the type is nested.
  assert.equal(schema.object('V1PersistentVolumeClaim')?.fields.get('kind')?.required, false);
});

test('carries types, required flags and descriptions from the generated models', () => {
  const spec = schema.object('V1StatefulSetSpec')!;
  assert.deepEqual(spec.fields.get('replicas')?.type, { kind: 'primitive', type: 'integer' });
  assert.deepEqual(spec.fields.get('volumeClaimTemplates')?.type, {
    kind: 'array',
    items: { kind: 'object', ref: 'V1PersistentVolumeClaim' },
  });
  assert.equal(spec.fields.get('selector')?.required, true);
  assert.equal(spec.fields.get('serviceName')?.required, false);
  assert.match(spec.fields.get('serviceName')!.description, /governs this StatefulSet/);
  // A `$ref` field borrows the referenced type's description.
  assert.match(spec.fields.get('selector')!.description, /label selector/i);
  assert.deepEqual(schema.object('V1ServicePort')?.fields.get('targetPort')?.type, {
    kind: 'primitive',
    type: 'int-or-string',
  });
  assert.deepEqual(schema.object('V1ObjectMeta')?.fields.get('labels')?.type, {
    kind: 'map',
    values: { kind: 'primitive', type: 'string' },
  });
  assert.equal(schema.object('NoSuchType'), undefined);
});

test('attaches allowed values, suggestions and quantities from the data tables', () => {
  assert.deepEqual(schema.object('V1StatefulSetSpec')?.fields.get('podManagementPolicy')?.enum, [
    'OrderedReady',
    'Parallel',
  ]);
  assert.ok(
    schema
      .object('V1PersistentVolumeClaimSpec')
      ?.fields.get('accessModes')
      ?.enum?.includes('ReadWriteOncePod'),
  );
  assert.ok(
    schema
      .object('V1StorageClass')
      ?.fields.get('provisioner')
      ?.suggestions?.includes('disk.csi.azure.com'),
  );
  assert.deepEqual(schema.object('V1ResourceRequirements')?.fields.get('limits')?.type, {
    kind: 'map',
    values: { kind: 'primitive', type: 'quantity' },
  });
  assert.deepEqual(schema.object('V1EmptyDirVolumeSource')?.fields.get('sizeLimit')?.type, {
    kind: 'primitive',
    type: 'quantity',
  });
});

test('extracts the default a description states', () => {
  const spec = schema.object('V1StatefulSetSpec')!;
  assert.equal(spec.fields.get('podManagementPolicy')?.default, 'OrderedReady');
  assert.equal(spec.fields.get('replicas')?.default, '1');
  assert.equal(spec.fields.get('revisionHistoryLimit')?.default, '10');
  assert.equal(schema.object('V1PodSpec')?.fields.get('dnsPolicy')?.default, 'ClusterFirst');
  assert.equal(schema.object('V1ServicePort')?.fields.get('protocol')?.default, 'TCP');
  // "Defaults to Always if :latest tag is specified, or IfNotPresent otherwise" has no one default.
  assert.equal(schema.object('V1Container')?.fields.get('imagePullPolicy')?.default, undefined);
});
