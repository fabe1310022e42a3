// strimzi-cluster-not-found: a KafkaNodePool, KafkaTopic or KafkaUser whose strimzi.io/cluster
// label is missing or names no Kafka. Without a matching Kafka the operators never pick it up: the
// pool adds no nodes, the topic and the user are never created. Node pools must sit in their
// Kafka's namespace; topics and users may be watched from another one, so any Kafka of that name
// counts. The name check runs only when the workspace has Strimzi Kafkas at all (topics often live
// in application repositories without the cluster). Data `{ suggestion }` for the fix.
import { getPair, getIn, scalarText } from '../../model';
import { objectSpan } from '../support/locate';
import { clusterLabel, clusterLabelNode, isClusterMember, strimziKindOf } from '../support/strimzi';
import { allKafkas } from '../support/strimzi-cluster';
import { suggestField } from '../schema-unknown-field/rule';
import type { Rule } from '../types';

const consequence = {
  KafkaNodePool: 'the Cluster Operator never adds its nodes to a cluster',
  KafkaTopic: 'no Topic Operator creates the topic',
  KafkaUser: 'no User Operator creates the user or its credentials',
} as const;

export const strimziClusterNotFound: Rule = {
  id: 'strimzi-cluster-not-found',
  defaultSeverity: 'warning',
  description:
    'A KafkaNodePool, KafkaTopic or KafkaUser whose strimzi.io/cluster label is missing or names no Kafka.',
  check(context) {
    const { document, index } = context;
    const kind = strimziKindOf(document);
    if (!isClusterMember(kind) || !kind || kind === 'Kafka') {
      return [];
    }
    const label = clusterLabelNode(document);
    const name = scalarText(label) || undefined;
    if (!label || !name) {
      const labels = getPair(getIn(document.root, ['metadata']), 'labels');
      return [
        {
          span: labels?.keySpan ?? objectSpan(document),
          message: `This ${kind} has no ${clusterLabel} label: ${consequence[kind]}. Add the label with the name of its Kafka.`,
        },
      ];
    }
    if (!index.isComplete()) {
      return [];
    }
    const kafkas = allKafkas(index);
    const sameNamespace = kafkas.filter((kafka) => kafka.namespace === context.namespace);
    const candidates = kind === 'KafkaNodePool' ? sameNamespace : kafkas;
    if (kafkas.length === 0 || candidates.some((kafka) => kafka.name === name)) {
      return [];
    }
    const names = [...new Set(sameNamespace.map((kafka) => kafka.name))].filter(Boolean);
    const suggestion = suggestField(name, names) ?? (names.length === 1 ? names[0] : undefined);
    const elsewhere =
      kind === 'KafkaNodePool' && kafkas.some((kafka) => kafka.name === name)
        ? ` (a Kafka ${name} exists in another namespace, but node pools must be in their Kafka's namespace)`
        : '';
    return [
      {
        span: label.span,
        message: `No Kafka named ${name} in namespace ${context.namespace}${elsewhere}: ${consequence[kind]}.${suggestion ? ` Did you mean ${suggestion}?` : names.length > 0 ? ` Kafkas here: ${names.join(', ')}.` : ''}`,
        ...(suggestion ? { data: { suggestion } } : {}),
      },
    ];
  },
};
