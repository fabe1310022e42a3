// api-removed: an apiVersion the target Kubernetes version no longer serves (apply fails).
import { apiStatusFindings } from '../api-version-common';
import type { Rule } from '../types';

export const apiRemoved: Rule = {
  id: 'api-removed',
  defaultSeverity: 'error',
  judges: 'fields',
  description:
    'The apiVersion is no longer served by the target Kubernetes version (kubeStateful.kubernetesVersion).',
  check: (context) =>
    apiStatusFindings(
      context,
      'removed',
      (object, target) =>
        `${object.entry.apiVersion} ${object.kind} is no longer served since Kubernetes ${object.entry.removedIn} (target ${target}), so applying it fails.`,
    ),
};
