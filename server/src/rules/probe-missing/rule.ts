// probe-missing: a container of a long-running workload without a readiness probe receives
// traffic before it is ready, and without a liveness probe a hung process is never restarted.
import { getPair } from '../../model';
import type { Rule, RuleFinding } from '../types';
import { containersOf, longRunningKinds, podTemplateOf } from '../support/workload';

export const probeMissing: Rule = {
  id: 'probe-missing',
  defaultSeverity: 'warning',
  description:
    'A container of a long-running workload (StatefulSet, Deployment, DaemonSet, ReplicaSet) without readinessProbe or livenessProbe.',
  noQuickFix: "a probe needs the application's port, path or command, which only its author knows",
  check({ document }) {
    const template = podTemplateOf(document);
    if (!template || !longRunningKinds.has(template.kind)) {
      return [];
    }
    const findings: RuleFinding[] = [];
    for (const container of containersOf(template, ['containers'])) {
      const missing = ['readinessProbe', 'livenessProbe'].filter(
        (probe) => !getPair(container.node, probe)?.value,
      );
      if (missing.length === 0) {
        continue;
      }
      const name = container.name ? `Container "${container.name}"` : 'This container';
      const why = [
        missing.includes('readinessProbe')
          ? 'without readinessProbe it receives traffic (and counts as ready for rolling updates) before it can serve'
          : '',
        missing.includes('livenessProbe')
          ? 'without livenessProbe a hung process is never restarted'
          : '',
      ].filter((part) => part.length > 0);
      findings.push({
        span: getPair(container.node, 'name')?.value?.span ?? container.node.span,
        message: `${name} has no ${missing.join(' and no ')}: ${why.join('; ')}. Add ${missing.length === 2 ? 'both probes' : 'it'}.`,
      });
    }
    return findings;
  },
};
