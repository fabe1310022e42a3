// strimzi-kraft-annotations: a kafka.strimzi.io/v1beta2 Kafka in KRaft mode or with node pools
// that lacks `strimzi.io/kraft: enabled` / `strimzi.io/node-pools: enabled`. Strimzi up to 0.47
// needs both (without them the node pools are ignored and the cluster is treated as ZooKeeper
// based); 0.48 made KRaft and node pools the default and ignores the annotations. The v1 API
// exists only from 0.49, so v1 resources never need them. Data `{ annotations }` for the fix.
import { getIn, getValue, scalarText } from '../../model';
import { objectSpan } from '../support/locate';
import { currentStrimzi } from '../support/strimzi-current';
import { strimziKindOf } from '../support/strimzi';
import { strimziCluster } from '../support/strimzi-cluster';
import type { Rule } from '../types';

export const strimziKraftAnnotations: Rule = {
  id: 'strimzi-kraft-annotations',
  defaultSeverity: 'warning',
  description:
    'A v1beta2 Strimzi Kafka with node pools or in KRaft mode without the strimzi.io/node-pools or strimzi.io/kraft annotation that Strimzi 0.47 and older need.',
  check(context) {
    const { document } = context;
    const facts = currentStrimzi(context);
    const spec = getValue(document.root, 'spec');
    if (
      strimziKindOf(document) !== 'Kafka' ||
      !facts ||
      document.apiVersion === 'kafka.strimzi.io/v1' ||
      getValue(spec, 'zookeeper') !== undefined
    ) {
      return [];
    }
    const annotations = getIn(document.root, ['metadata', 'annotations']);
    const missing: string[] = [];
    if (scalarText(getValue(annotations, 'strimzi.io/kraft')) !== 'enabled') {
      missing.push('strimzi.io/kraft');
    }
    const cluster = strimziCluster(context.index, facts.name, context.namespace, context.model.uri);
    const usesPools =
      (cluster !== undefined && cluster.pools.length > 0) || facts.replicas === undefined;
    if (usesPools && scalarText(getValue(annotations, 'strimzi.io/node-pools')) !== 'enabled') {
      missing.push('strimzi.io/node-pools');
    }
    if (missing.length === 0) {
      return [];
    }
    // Kafka 3.x is supported only by Strimzi 0.47 and older (0.48.0 removed 3.9), where the
    // annotations are required; with a newer or unknown Kafka version the operator may be 0.48+.
    const version = scalarText(getIn(spec, ['kafka', 'version']));
    const oldOperator = version !== undefined && /^[0-3]\./.test(version);
    const written = missing.map((name) => `${name}: enabled`).join(' and ');
    return [
      {
        span: objectSpan(document),
        severity: oldOperator ? 'warning' : 'info',
        message: oldOperator
          ? `This KRaft cluster (Kafka ${version}) needs ${written}: Strimzi 0.47 and older, the only ones that run Kafka 3.x, otherwise ignore its node pools and treat it as ZooKeeper-based. Add the annotation${missing.length > 1 ? 's' : ''}.`
          : `Strimzi 0.47 and older need ${written} on this KRaft cluster, or they ignore its node pools; from 0.48 the annotations are ignored (and the v1 API makes them unnecessary). Add ${missing.length > 1 ? 'them' : 'it'} if the operator may be older than 0.48.`,
        data: { annotations: missing },
      },
    ];
  },
};
