// strimzi-rack-topology-key: `spec.kafka.rack.topologyKey` of a Strimzi Kafka that is not a
// well-known topology label. Strimzi requires the label on every node that runs a broker, so a
// misspelt key leaves brokers Pending; a deprecated beta label may be missing on newer nodes. A
// custom label can be right (info); a near miss of a well-known one is likely a typo (warning).
import { asScalar, getIn } from '../../model';
import { suggestField } from '../schema-unknown-field/rule';
import { strimziKindOf } from '../support/strimzi';
import type { Rule } from '../types';

const wellKnown = [
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
  'kubernetes.io/hostname',
] as const;

/** Labels deprecated since Kubernetes 1.17, with their replacement. */
const deprecated: Readonly<Record<string, string>> = {
  'failure-domain.beta.kubernetes.io/zone': 'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region': 'topology.kubernetes.io/region',
};

export const strimziRackTopologyKey: Rule = {
  id: 'strimzi-rack-topology-key',
  defaultSeverity: 'warning',
  description:
    'A Strimzi rack topologyKey that is not a well-known topology label (a typo, or a deprecated beta label).',
  check({ document }) {
    const node = asScalar(getIn(document.root, ['spec', 'kafka', 'rack', 'topologyKey']));
    const key = typeof node?.value === 'string' ? node.value : undefined;
    if (
      strimziKindOf(document) !== 'Kafka' ||
      !node ||
      !key ||
      (wellKnown as readonly string[]).includes(key)
    ) {
      return [];
    }
    const replacement = deprecated[key];
    if (replacement) {
      return [
        {
          span: node.span,
          message: `${key} has been deprecated since Kubernetes 1.17 in favour of ${replacement}, and nodes that no longer carry it leave the brokers that need it Pending. Use ${replacement}.`,
          data: { suggestion: replacement },
        },
      ];
    }
    const suggestion = suggestField(key, [...wellKnown]);
    if (suggestion) {
      return [
        {
          span: node.span,
          message: `${key} is not a well-known topology label; did you mean ${suggestion}? Strimzi requires the label on every node that runs a broker, so a misspelt key leaves the brokers Pending.`,
          data: { suggestion },
        },
      ];
    }
    return [
      {
        span: node.span,
        severity: 'info',
        message: `${key} is not a well-known topology label (${wellKnown.join(', ')}): make sure every node that may run a broker carries it, or those brokers stay Pending.`,
      },
    ];
  },
};
