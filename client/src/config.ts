// Typed reads of the `kubeStateful` settings; the server normalizes them again on its side.
import * as vscode from 'vscode';
import type { KubeStatefulSettings } from '../../server/src/protocol';
import { normalizeSettings } from '../../server/src/protocol';

export function readSettings(): KubeStatefulSettings {
  const section = vscode.workspace.getConfiguration('kubeStateful');
  return normalizeSettings({
    validate: section.get('validate'),
    rules: section.get('rules'),
    maxFileSize: section.get('maxFileSize'),
    kubernetesVersion: section.get('kubernetesVersion'),
    knownStorageClasses: section.get('knownStorageClasses'),
    exclude: section.get('exclude'),
    crds: section.get('crds'),
    kustomize: { command: section.get('kustomize.command') },
    inlayHints: { enabled: section.get('inlayHints.enabled') },
  });
}
