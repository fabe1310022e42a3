// StorageClass `parameters` keys per provisioner, with their common values. Kubernetes passes
// these opaque strings to the driver, so each driver's own documentation is the source.

export interface StorageParameter {
  readonly description: string;
  /** Values the driver accepts (or the common ones), when the set is small. */
  readonly values?: readonly string[];
}

type ParameterTable = Readonly<Record<string, StorageParameter>>;

// kubernetes-csi/external-provisioner README: keys every CSI driver accepts through the sidecar.
const csiCommon: ParameterTable = {
  'csi.storage.k8s.io/fstype': {
    description: 'Filesystem to format the volume with (external-provisioner).',
    values: ['ext4', 'xfs', 'ext3', 'btrfs', 'ntfs'],
  },
  'csi.storage.k8s.io/provisioner-secret-name': {
    description: 'Secret passed to CreateVolume/DeleteVolume.',
  },
  'csi.storage.k8s.io/provisioner-secret-namespace': {
    description: 'Namespace of the provisioner Secret.',
  },
  'csi.storage.k8s.io/node-stage-secret-name': { description: 'Secret passed to NodeStageVolume.' },
  'csi.storage.k8s.io/node-stage-secret-namespace': {
    description: 'Namespace of the node-stage Secret.',
  },
  'csi.storage.k8s.io/node-publish-secret-name': {
    description: 'Secret passed to NodePublishVolume.',
  },
  'csi.storage.k8s.io/node-publish-secret-namespace': {
    description: 'Namespace of the node-publish Secret.',
  },
  'csi.storage.k8s.io/controller-expand-secret-name': {
    description: 'Secret passed to ControllerExpandVolume.',
  },
  'csi.storage.k8s.io/controller-expand-secret-namespace': {
    description: 'Namespace of the controller-expand Secret.',
  },
};

const azureDiskSkus = [
  'Standard_LRS',
  'Premium_LRS',
  'StandardSSD_LRS',
  'PremiumV2_LRS',
  'UltraSSD_LRS',
  'Premium_ZRS',
  'StandardSSD_ZRS',
];

// kubernetes-sigs/azuredisk-csi-driver docs/driver-parameters.md.
const azureDisk: ParameterTable = {
  skuName: { description: 'Azure managed disk type.', values: azureDiskSkus },
  kind: { description: 'Disk kind; only `managed` is supported.', values: ['managed'] },
  cachingMode: { description: 'Host caching mode.', values: ['None', 'ReadOnly', 'ReadWrite'] },
  fsType: { description: 'Filesystem type.', values: ['ext4', 'ext3', 'ext2', 'xfs', 'btrfs'] },
  location: { description: 'Azure region of the disk.' },
  resourceGroup: {
    description: 'Resource group of the disk (defaults to the node resource group).',
  },
  DiskIOPSReadWrite: { description: 'Provisioned IOPS (UltraSSD_LRS, PremiumV2_LRS).' },
  DiskMBpsReadWrite: {
    description: 'Provisioned throughput in MBps (UltraSSD_LRS, PremiumV2_LRS).',
  },
  LogicalSectorSize: {
    description: 'Logical sector size (UltraSSD_LRS).',
    values: ['512', '4096'],
  },
  tags: { description: 'Azure tags, `key1=val1,key2=val2`.' },
  diskEncryptionSetID: { description: 'Resource id of the disk encryption set.' },
  diskEncryptionType: {
    description: 'Encryption type.',
    values: ['EncryptionAtRestWithCustomerKey', 'EncryptionAtRestWithPlatformAndCustomerKeys'],
  },
  networkAccessPolicy: {
    description: 'Network access policy of the disk.',
    values: ['AllowAll', 'DenyAll', 'AllowPrivate'],
  },
  writeAcceleratorEnabled: {
    description: 'Write Accelerator on Azure disks.',
    values: ['true', 'false'],
  },
  enableBursting: {
    description: 'On-demand bursting (Premium disks over 512 GiB).',
    values: ['true', 'false'],
  },
  maxShares: { description: 'Number of nodes that can attach the shared disk at once.' },
  perfProfile: {
    description: 'Device performance tuning profile.',
    values: ['None', 'Basic', 'Advanced'],
  },
};

// kubernetes-sigs/azurefile-csi-driver docs/driver-parameters.md.
const azureFile: ParameterTable = {
  skuName: {
    description: 'Storage account type.',
    values: [
      'Standard_LRS',
      'Standard_ZRS',
      'Standard_GRS',
      'Standard_RAGRS',
      'Premium_LRS',
      'Premium_ZRS',
    ],
  },
  protocol: { description: 'File share protocol.', values: ['smb', 'nfs'] },
  storageAccount: { description: 'Existing storage account name.' },
  resourceGroup: { description: 'Resource group of the storage account.' },
  location: { description: 'Azure region of the storage account.' },
  shareName: { description: 'Existing file share name.' },
  networkEndpointType: {
    description: 'Network endpoint of the account.',
    values: ['privateEndpoint', ''],
  },
  accessTier: {
    description: 'Share access tier.',
    values: ['TransactionOptimized', 'Hot', 'Cool', 'Premium'],
  },
  enableLargeFileShares: {
    description: 'Large file shares (up to 100 TiB).',
    values: ['true', 'false'],
  },
  secretNamespace: { description: 'Namespace of the account key Secret.' },
  mountPermissions: { description: 'Mounted folder permissions, e.g. `0777`.' },
};

// kubernetes-sigs/aws-ebs-csi-driver docs/parameters.md.
const awsEbs: ParameterTable = {
  type: {
    description: 'EBS volume type.',
    values: ['gp3', 'gp2', 'io2', 'io1', 'st1', 'sc1', 'standard'],
  },
  iops: { description: 'Provisioned IOPS (gp3, io1, io2).' },
  iopsPerGB: { description: 'IOPS per GiB (io1, io2); multiplied by the requested size.' },
  allowAutoIOPSPerGBIncrease: {
    description: 'Raise IOPS to the volume type minimum when iopsPerGB × size is too low.',
    values: ['true', 'false'],
  },
  throughput: { description: 'Throughput in MiB/s (gp3 only).' },
  encrypted: { description: 'Encrypt the volume.', values: ['true', 'false'] },
  kmsKeyId: { description: 'ARN of the KMS key used for encryption.' },
  blockExpress: { description: 'Create io2 Block Express volumes.', values: ['true', 'false'] },
  blockSize: { description: 'Filesystem block size.' },
  inodeSize: { description: 'Inode size (ext2/3/4, xfs).' },
  tagSpecification_1: {
    description: 'Tag for the volume, `key=value` (number more as _2, _3, …).',
  },
};

// kubernetes-sigs/aws-efs-csi-driver README (dynamic provisioning).
const awsEfs: ParameterTable = {
  provisioningMode: { description: 'How volumes are made.', values: ['efs-ap'] },
  fileSystemId: { description: 'The EFS file system id (`fs-…`).' },
  directoryPerms: { description: 'Permissions of the access point root directory, e.g. `700`.' },
  gidRangeStart: { description: 'Start of the POSIX group id range for access points.' },
  gidRangeEnd: { description: 'End of the POSIX group id range for access points.' },
  basePath: { description: 'Path under which access points are created.' },
  subPathPattern: {
    description: 'Template of the per-volume sub path, e.g. `${.PVC.namespace}/${.PVC.name}`.',
  },
  ensureUniqueDirectory: {
    description: 'Append a UUID to the directory.',
    values: ['true', 'false'],
  },
  uid: { description: 'POSIX user id of the access point.' },
  gid: { description: 'POSIX group id of the access point.' },
};

// kubernetes-sigs/gcp-compute-persistent-disk-csi-driver README.
const gcePd: ParameterTable = {
  type: {
    description: 'Persistent disk type.',
    values: [
      'pd-balanced',
      'pd-ssd',
      'pd-standard',
      'pd-extreme',
      'hyperdisk-balanced',
      'hyperdisk-throughput',
      'hyperdisk-extreme',
    ],
  },
  'replication-type': { description: 'Zonal or regional disk.', values: ['none', 'regional-pd'] },
  'disk-encryption-kms-key': { description: 'Customer-managed KMS key for the disk.' },
  'provisioned-iops-on-create': { description: 'Provisioned IOPS (pd-extreme, hyperdisk).' },
  'provisioned-throughput-on-create': {
    description: 'Provisioned throughput, e.g. `250Mi` (hyperdisk).',
  },
  labels: { description: 'GCE labels, `key1=value1,key2=value2`.' },
  'storage-pools': { description: 'Hyperdisk storage pools to provision in.' },
};

// kubernetes-sigs/gcp-filestore-csi-driver README.
const gceFilestore: ParameterTable = {
  tier: {
    description: 'Filestore service tier.',
    values: ['standard', 'premium', 'BASIC_HDD', 'BASIC_SSD', 'enterprise', 'zonal', 'regional'],
  },
  network: { description: 'VPC network of the instance.' },
  'connect-mode': {
    description: 'Network connect mode.',
    values: ['DIRECT_PEERING', 'PRIVATE_SERVICE_ACCESS'],
  },
  'reserved-ipv4-cidr': { description: 'CIDR range for the instance.' },
  'reserved-ip-range': { description: 'Reserved IP range name (private service access).' },
  labels: { description: 'GCE labels, `key1=value1,key2=value2`.' },
};

// kubernetes.io Storage Classes page: in-tree AWS EBS parameters.
const inTreeAwsEbs: ParameterTable = {
  type: { description: 'EBS volume type.', values: ['gp3', 'gp2', 'io1', 'st1', 'sc1'] },
  iopsPerGB: { description: 'IOPS per GiB (io1).' },
  fsType: { description: 'Filesystem type.', values: ['ext4', 'xfs'] },
  encrypted: { description: 'Encrypt the volume.', values: ['true', 'false'] },
  kmsKeyId: { description: 'ARN of the KMS key used for encryption.' },
};

// kubernetes.io Storage Classes page: in-tree GCE PD parameters.
const inTreeGcePd: ParameterTable = {
  type: { description: 'Persistent disk type.', values: ['pd-standard', 'pd-ssd', 'pd-balanced'] },
  'replication-type': { description: 'Zonal or regional disk.', values: ['none', 'regional-pd'] },
  fsType: { description: 'Filesystem type.', values: ['ext4', 'xfs'] },
};

// kubernetes.io Storage Classes page: in-tree Azure Disk parameters.
const inTreeAzureDisk: ParameterTable = {
  skuName: { description: 'Azure managed disk type.', values: azureDiskSkus },
  storageaccounttype: { description: 'Storage account SKU (deprecated alias of skuName).' },
  kind: { description: 'Disk kind.', values: ['managed', 'shared', 'dedicated'] },
  cachingMode: { description: 'Host caching mode.', values: ['None', 'ReadOnly', 'ReadWrite'] },
  fsType: { description: 'Filesystem type.', values: ['ext4', 'xfs'] },
};

const byProvisioner: Readonly<Record<string, ParameterTable>> = {
  'disk.csi.azure.com': azureDisk,
  'file.csi.azure.com': azureFile,
  'ebs.csi.aws.com': awsEbs,
  'efs.csi.aws.com': awsEfs,
  'pd.csi.storage.gke.io': gcePd,
  'filestore.csi.storage.gke.io': gceFilestore,
  'kubernetes.io/aws-ebs': inTreeAwsEbs,
  'kubernetes.io/gce-pd': inTreeGcePd,
  'kubernetes.io/azure-disk': inTreeAzureDisk,
  'kubernetes.io/azure-file': {
    skuName: azureFile.skuName!,
    location: azureFile.location!,
    storageAccount: azureFile.storageAccount!,
  },
  // Local volumes have no dynamic provisioning and take no parameters.
  'kubernetes.io/no-provisioner': {},
};

/**
 * The `parameters` keys a StorageClass with this provisioner accepts: the driver's own keys,
 * plus the external-provisioner's `csi.storage.k8s.io/*` keys for any CSI driver (a provisioner
 * that is not an in-tree `kubernetes.io/` one). Unknown provisioners get only the CSI keys.
 */
export function storageClassParameters(provisioner: string): ParameterTable {
  const own = byProvisioner[provisioner] ?? {};
  return provisioner.startsWith('kubernetes.io/') ? own : { ...own, ...csiCommon };
}
