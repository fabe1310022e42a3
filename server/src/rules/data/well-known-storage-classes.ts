// StorageClass names that managed clusters and local distributions create by default, so a claim
// naming one is not reported when the workspace's own project defines other classes. Each entry
// cites where the name comes from. A non-empty kubeStateful.knownStorageClasses replaces this list.
export const wellKnownStorageClasses: ReadonlySet<string> = new Set([
  // GKE: `standard` (legacy gce-pd default), `standard-rwo` and `premium-rwo` (Compute Engine PD
  // CSI driver): cloud.google.com/kubernetes-engine/docs/how-to/persistent-volumes/gce-pd-csi-driver
  'standard',
  'standard-rwo',
  'premium-rwo',
  // kind names its rancher.io/local-path class `standard` (kind/pkg/cluster/internal/create/actions/installstorage),
  // minikube its k8s.io/minikube-hostpath class `standard` (minikube/deploy/addons/storageclass).
  // EKS: `gp2` is created on every cluster before 1.30, `gp3` is the EBS CSI driver's documented
  // class: docs.aws.amazon.com/eks/latest/userguide/storage-classes.html
  'gp2',
  'gp3',
  // AKS: learn.microsoft.com/azure/aks/concepts-storage#storage-classes (`default` and
  // `managed-premium` are the in-tree names before Kubernetes 1.21).
  'default',
  'managed',
  'managed-csi',
  'managed-csi-premium',
  'managed-premium',
  'azurefile',
  'azurefile-csi',
  'azurefile-csi-premium',
  'azurefile-premium',
  // k3s and Rancher's local-path-provisioner: docs.k3s.io/storage
  'local-path',
  // Docker Desktop's built-in Kubernetes (docker.io/hostpath provisioner).
  'hostpath',
  // MicroK8s hostpath-storage add-on: microk8s.io/docs/addon-hostpath-storage
  'microk8s-hostpath',
  // DigitalOcean Kubernetes: docs.digitalocean.com/products/kubernetes/how-to/add-volumes/
  'do-block-storage',
]);
