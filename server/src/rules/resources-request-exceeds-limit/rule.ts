// resources-request-exceeds-limit: a request above its limit is rejected by the API server
// ("must be less than or equal to … limit"); quantities are compared by value, so 1Gi > 1G.
import { asMap, getIn, scalarText } from '../../model';
import { quantityValue } from '../../schema/quantity';
import type { Rule, RuleFinding } from '../types';
import { containersOf, podTemplateOf } from '../support/workload';

export const resourcesRequestExceedsLimit: Rule = {
  id: 'resources-request-exceeds-limit',
  defaultSeverity: 'error',
  description: 'A container whose resource request is greater than its limit.',
  noQuickFix: 'lowering the request or raising the limit are both plausible and change scheduling',
  check({ document }) {
    const template = podTemplateOf(document);
    if (!template) {
      return [];
    }
    const findings: RuleFinding[] = [];
    for (const container of containersOf(template)) {
      const limits = getIn(container.node, ['resources', 'limits']);
      for (const pair of asMap(getIn(container.node, ['resources', 'requests']))?.pairs ?? []) {
        const requestText = scalarText(pair.value);
        const limitText = pair.key === null ? undefined : scalarText(getIn(limits, [pair.key]));
        if (!pair.value || requestText === undefined || limitText === undefined) {
          continue;
        }
        const request = quantityValue(requestText);
        const limit = quantityValue(limitText);
        if (request !== undefined && limit !== undefined && request > limit) {
          findings.push({
            span: pair.value.span,
            message: `The ${pair.key} request (${requestText}) is greater than its limit (${limitText}); the API server rejects this. Lower the request or raise the limit.`,
          });
        }
      }
    }
    return findings;
  },
};
