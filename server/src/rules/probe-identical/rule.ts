// probe-identical: identical readiness and liveness probes restart a container whenever it is
// merely busy or a dependency is down, instead of just taking it out of the Service.
import { getPair } from '../../model';
import type { Rule, RuleFinding } from '../types';
import { sameValue } from '../support/probes';
import { containersOf, podTemplateOf } from '../support/workload';

export const probeIdentical: Rule = {
  id: 'probe-identical',
  defaultSeverity: 'info',
  description: 'A container whose readinessProbe and livenessProbe are identical.',
  noQuickFix: 'how readiness should differ from liveness depends on the application',
  check({ document }) {
    const template = podTemplateOf(document);
    if (!template) {
      return [];
    }
    const findings: RuleFinding[] = [];
    for (const container of containersOf(template)) {
      const readiness = getPair(container.node, 'readinessProbe');
      const liveness = getPair(container.node, 'livenessProbe');
      if (!readiness?.value || !liveness?.value || !sameValue(readiness.value, liveness.value)) {
        continue;
      }
      findings.push({
        span: liveness.keySpan,
        message:
          'The livenessProbe is identical to the readinessProbe, so a container that is only busy or waiting for a dependency gets restarted instead of just losing traffic; give the liveness probe a cheaper check or a higher failureThreshold.',
      });
    }
    return findings;
  },
};
