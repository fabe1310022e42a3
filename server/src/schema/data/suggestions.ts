// Common but not exclusive values of string fields (well-known topology labels, provisioner and
// CSI driver names, Secret types), keyed by model + JSON field. Completion offers them; validation
// never rejects other values.

const topologyKeys = [
  // Well-known labels, annotations and taints (kubernetes.io/docs/reference/labels-annotations-taints).
  'kubernetes.io/hostname',
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
];

/** CSI driver names of the major clouds' storage drivers (each driver's own documentation). */
export const csiDrivers = [
  'disk.csi.azure.com',
  'file.csi.azure.com',
  'blob.csi.azure.com',
  'ebs.csi.aws.com',
  'efs.csi.aws.com',
  'fsx.csi.aws.com',
  'pd.csi.storage.gke.io',
  'filestore.csi.storage.gke.io',
  'csi.vsphere.vmware.com',
  'cinder.csi.openstack.org',
  'driver.longhorn.io',
  'rbd.csi.ceph.com',
  'cephfs.csi.ceph.com',
] as const;

/**
 * In-tree provisioners (Storage Classes page on kubernetes.io). Most are migrated to their CSI
 * driver (CSI migration) but still accepted; `no-provisioner` marks local volumes.
 */
export const inTreeProvisioners = [
  'kubernetes.io/no-provisioner',
  'kubernetes.io/azure-disk',
  'kubernetes.io/azure-file',
  'kubernetes.io/aws-ebs',
  'kubernetes.io/gce-pd',
  'kubernetes.io/cinder',
  'kubernetes.io/vsphere-volume',
  'kubernetes.io/portworx-volume',
] as const;

export const suggestedValues: Readonly<Record<string, readonly string[]>> = {
  // Well-known node labels used as topology domains.
  'V1PodAffinityTerm.topologyKey': topologyKeys,
  // Well-known node labels used as topology domains.
  'V1TopologySpreadConstraint.topologyKey': topologyKeys,
  // The StorageClass provisioner: a CSI driver name or an in-tree provisioner.
  'V1StorageClass.provisioner': [...csiDrivers, ...inTreeProvisioners],
  // A CSI PersistentVolume names the CSI driver that serves it.
  'V1CSIPersistentVolumeSource.driver': csiDrivers,
  // An inline CSI volume names its CSI driver.
  'V1CSIVolumeSource.driver': csiDrivers,
  // VolumeAttributesClass.driverName is the CSI driver that applies the attributes.
  'V1VolumeAttributesClass.driverName': csiDrivers,
  // core/v1 SecretType constants.
  'V1Secret.type': [
    'Opaque',
    'kubernetes.io/service-account-token',
    'kubernetes.io/dockercfg',
    'kubernetes.io/dockerconfigjson',
    'kubernetes.io/basic-auth',
    'kubernetes.io/ssh-auth',
    'kubernetes.io/tls',
    'bootstrap.kubernetes.io/token',
  ],
  // core/v1 StorageMedium constants: "" (node default), Memory, HugePages, HugePages-<size>.
  'V1EmptyDirVolumeSource.medium': ['', 'Memory', 'HugePages', 'HugePages-2Mi', 'HugePages-1Gi'],
  // rbac/v1 PolicyRule.verbs: the API verbs (API concepts page) and the `*` wildcard.
  'V1PolicyRule.verbs': [
    'get',
    'list',
    'watch',
    'create',
    'update',
    'patch',
    'delete',
    'deletecollection',
    '*',
  ],
  // Well-known labels: the PVC's storage class may also be "" (no dynamic provisioning).
  'V1PersistentVolumeClaimSpec.storageClassName': [''],
};
