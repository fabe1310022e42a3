// probe-port-undeclared: a probe's port must be one the container declares. A port name that is
// not declared cannot be resolved at all (error); an undeclared number usually is a typo.
import { getValue, scalarNumber, scalarText, seqItems } from '../../model';
import type { Rule, RuleFinding } from '../types';
import { probePorts } from '../support/probes';
import { containersOf, podTemplateOf } from '../support/workload';

export const probePortUndeclared: Rule = {
  id: 'probe-port-undeclared',
  defaultSeverity: 'warning',
  description:
    'A probe port that the container does not declare in its ports (error for a name, warning for a number).',
  noQuickFix: "either the probe or the container's ports list is wrong; the rule cannot tell which",
  check({ document }) {
    const template = podTemplateOf(document);
    if (!template) {
      return [];
    }
    const findings: RuleFinding[] = [];
    for (const container of containersOf(template)) {
      const declared = seqItems(getValue(container.node, 'ports')).map((port) => ({
        name: scalarText(getValue(port, 'name')),
        number: scalarNumber(getValue(port, 'containerPort')),
        protocol: scalarText(getValue(port, 'protocol')) ?? 'TCP',
      }));
      for (const { probe, handler, pair } of probePorts(container.node)) {
        const number = scalarNumber(pair.value);
        const name = number === undefined ? scalarText(pair.value) : undefined;
        const span = pair.value!.span;
        if (name !== undefined) {
          const port = declared.find((candidate) => candidate.name === name);
          if (!port) {
            findings.push({
              span,
              severity: 'error',
              message: `The ${probe} uses port "${name}", but the container declares no port of that name, so the probe can never connect; add it to ports or use the port number.`,
            });
          } else if (port.protocol === 'UDP') {
            findings.push({
              span,
              message: `The ${probe} ${handler} check connects over TCP, but port "${name}" is declared as UDP; point the probe at a TCP port.`,
            });
          }
        } else if (
          number !== undefined &&
          declared.length > 0 &&
          !declared.some((candidate) => candidate.number === number)
        ) {
          // A container that declares no ports at all only documents nothing, so stay quiet.
          findings.push({
            span,
            message: `The ${probe} uses port ${number}, which the container does not declare (it declares ${declared
              .map((candidate) => candidate.number ?? candidate.name)
              .join(', ')}); check the number or declare the port.`,
          });
        }
      }
    }
    return findings;
  },
};
