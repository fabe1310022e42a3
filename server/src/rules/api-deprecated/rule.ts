// api-deprecated: an apiVersion the target Kubernetes version still serves but has deprecated.
import { apiStatusFindings } from '../api-version-common';
import type { Rule } from '../types';

export const apiDeprecated: Rule = {
  id: 'api-deprecated',
  defaultSeverity: 'warning',
  judges: 'fields',
  description:
    'The apiVersion is deprecated in the target Kubernetes version and will stop being served.',
  check: (context) =>
    apiStatusFindings(context, 'deprecated', (object, target) => {
      const removal = object.entry.removedIn
        ? `is removed in Kubernetes ${object.entry.removedIn}`
        : 'will be removed in a later release';
      return `${object.entry.apiVersion} ${object.kind} is deprecated since Kubernetes ${object.entry.deprecatedIn} and ${removal} (target ${target}).`;
    }),
};
