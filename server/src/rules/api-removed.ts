// api-removed: an apiVersion the target Kubernetes version no longer serves (apply fails).
import {
  targetVersion,
  listedObjects,
  migrationAdvice,
  migrationData,
  statusAt,
} from './api-version-common';
import type { Rule, RuleFinding } from './types';

export const apiRemoved: Rule = {
  id: 'api-removed',
  defaultSeverity: 'error',
  description:
    'The apiVersion is no longer served by the target Kubernetes version (kubeStateful.kubernetesVersion).',
  check(context) {
    const target = targetVersion(context);
    const findings: RuleFinding[] = [];
    for (const object of listedObjects(context.document.root)) {
      if (statusAt(object.entry, target) !== 'removed') {
        continue;
      }
      findings.push({
        span: object.apiVersionNode.span,
        message: `${object.entry.apiVersion} ${object.kind} is no longer served since Kubernetes ${object.entry.removedIn} (target ${target}), so applying it fails. ${migrationAdvice(object, target)}`,
        data: migrationData(object),
      });
    }
    return findings;
  },
};
