// in-tree-provisioner: a StorageClass that names a legacy in-tree volume plugin. Kubernetes
// redirects these to CSI drivers (CSI migration) and removed most of the in-tree code, so new
// classes should name the CSI driver directly.
import { asScalar, getValue, scalarText } from '../../model';
import type { Rule } from '../types';

/** In-tree provisioner → the CSI driver that replaces it (from the CSI migration docs). */
export const inTreeProvisioners: Readonly<Record<string, string>> = {
  'kubernetes.io/aws-ebs': 'ebs.csi.aws.com',
  'kubernetes.io/gce-pd': 'pd.csi.storage.gke.io',
  'kubernetes.io/azure-disk': 'disk.csi.azure.com',
  'kubernetes.io/azure-file': 'file.csi.azure.com',
  'kubernetes.io/cinder': 'cinder.csi.openstack.org',
  'kubernetes.io/vsphere-volume': 'csi.vsphere.vmware.com',
  'kubernetes.io/portworx-volume': 'pxd.portworx.com',
  'kubernetes.io/rbd': 'rbd.csi.ceph.com',
  'kubernetes.io/glusterfs': 'a GlusterFS CSI driver (the in-tree plugin was removed in 1.26)',
};

export const inTreeProvisioner: Rule = {
  id: 'in-tree-provisioner',
  defaultSeverity: 'info',
  description: 'A StorageClass uses a legacy in-tree provisioner instead of its CSI driver.',
  noQuickFix: 'switching to the CSI driver changes parameters and needs the driver installed',
  check({ document }) {
    if (document.kind !== 'StorageClass') {
      return [];
    }
    const node = asScalar(getValue(document.root, 'provisioner'));
    const provisioner = scalarText(node);
    const driver = provisioner ? inTreeProvisioners[provisioner] : undefined;
    if (!node || !provisioner || !driver) {
      return [];
    }
    const replacement = driver.includes(' ') ? driver : `\`${driver}\``;
    return [
      {
        span: node.span,
        message: `\`${provisioner}\` is a legacy in-tree provisioner; Kubernetes forwards it to its CSI driver, which must be installed anyway. Name ${replacement} directly (parameters may differ).`,
        data: driver.includes(' ') ? {} : { replacement: driver },
      },
    ];
  },
};
