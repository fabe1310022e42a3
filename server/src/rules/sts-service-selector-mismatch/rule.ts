// sts-service-selector-mismatch: the governing Service must select the StatefulSet's pods, or
// it publishes no DNS records for them.
import type { Rule } from '../types';
import { governingService } from '../support/governing-service';
import { formatLabels, labelsMatch } from '../support/label-selector';

export const stsServiceSelectorMismatch: Rule = {
  id: 'sts-service-selector-mismatch',
  defaultSeverity: 'warning',
  description: "The governing Service of a StatefulSet does not select the StatefulSet's pods.",
  noQuickFix:
    'either the Service or the pod labels may be wrong, and changing labels moves traffic',
  check(context) {
    const governing = governingService(context);
    const service = governing?.service;
    if (!governing || !service || service.type === 'ExternalName') {
      return [];
    }
    if (service.selector && labelsMatch(service.selector, governing.statefulSet.podLabels)) {
      return [];
    }
    const what = service.selector
      ? `its selector (${formatLabels(service.selector)}) does not match the pod template's labels (${formatLabels(governing.statefulSet.podLabels)})`
      : 'it has no selector';
    return [
      {
        span: governing.span,
        message: `Service "${service.name}" does not select this StatefulSet's pods: ${what}. Give the Service a selector that the pod template's labels satisfy.`,
        related: [
          {
            uri: service.uri,
            range: service.selectorRange ?? service.nameRange,
            message: `Service "${service.name}" selector`,
          },
        ],
      },
    ];
  },
};
