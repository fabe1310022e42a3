// resources-missing: a StatefulSet container without a memory request is scheduled as if it
// needed none, and without a memory limit it can starve the node; stateful pods suffer most
// from the evictions and OOM kills that follow.
import { getIn, getPair } from '../../model';
import type { Rule, RuleFinding } from '../types';
import { containersOf, podTemplateOf } from '../support/workload';

export const resourcesMissing: Rule = {
  id: 'resources-missing',
  defaultSeverity: 'warning',
  description: 'A StatefulSet container without a memory request or memory limit.',
  noQuickFix:
    'sizes come from measurements of the workload; a default value would hide the question',
  check({ document }) {
    const template = podTemplateOf(document);
    if (template?.kind !== 'StatefulSet') {
      return [];
    }
    // Pod-level resources (spec.resources) cover every container.
    const podLevel = getIn(template.spec, ['resources']);
    const findings: RuleFinding[] = [];
    for (const container of containersOf(template, ['containers'])) {
      const has = (group: 'requests' | 'limits'): boolean =>
        Boolean(getIn(container.node, ['resources', group, 'memory'])) ||
        Boolean(getIn(podLevel, [group, 'memory']));
      // A request left out defaults to the limit (the API server fills it in), so a limit alone
      // gives the scheduler a request too.
      const missing = (['requests', 'limits'] as const).filter(
        (group) => !has(group) && !(group === 'requests' && has('limits')),
      );
      if (missing.length === 0) {
        continue;
      }
      const what = missing.map((group) => `memory ${group === 'requests' ? 'request' : 'limit'}`);
      findings.push({
        span: getPair(container.node, 'name')?.value?.span ?? container.node.span,
        message: `${container.name ? `Container "${container.name}"` : 'This container'} has no ${what.join(' and no ')}: the scheduler cannot place it by memory, and an unbounded process can get the pod OOM-killed or evicted. Set resources.requests.memory and resources.limits.memory.`,
      });
    }
    return findings;
  },
};
