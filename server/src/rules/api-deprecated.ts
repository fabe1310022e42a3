// api-deprecated: an apiVersion the target Kubernetes version still serves but has deprecated.
import {
  targetVersion,
  listedObjects,
  migrationAdvice,
  migrationData,
  statusAt,
} from './api-version-common';
import type { Rule, RuleFinding } from './types';

export const apiDeprecated: Rule = {
  id: 'api-deprecated',
  defaultSeverity: 'warning',
  description:
    'The apiVersion is deprecated in the target Kubernetes version and will stop being served.',
  check(context) {
    const target = targetVersion(context);
    const findings: RuleFinding[] = [];
    for (const object of listedObjects(context.document.root)) {
      if (statusAt(object.entry, target) !== 'deprecated') {
        continue;
      }
      const removal = object.entry.removedIn
        ? `is removed in Kubernetes ${object.entry.removedIn}`
        : 'will be removed in a later release';
      findings.push({
        span: object.apiVersionNode.span,
        message: `${object.entry.apiVersion} ${object.kind} is deprecated since Kubernetes ${object.entry.deprecatedIn} and ${removal} (target ${target}). ${migrationAdvice(object, target)}`,
        data: migrationData(object),
      });
    }
    return findings;
  },
};
