// strimzi-storage-size: a persistent-claim volume of a Strimzi resource whose `size` is missing or
// not a Kubernetes quantity (`100GB`). The CRD takes any string, so kubectl accepts it, but the
// operator cannot create the claims. Data `{ suggestion }` when the intent is clear.
import { asScalar, getPair } from '../../model';
import { isValidQuantity } from '../../schema/quantity';
import { suggestQuantity } from '../invalid-quantity/rule';
import { storageSections } from '../support/strimzi';
import type { Rule, RuleFinding } from '../types';

export const strimziStorageSize: Rule = {
  id: 'strimzi-storage-size',
  defaultSeverity: 'error',
  description:
    'A Strimzi persistent-claim volume without a size, or with a size that is not a valid quantity.',
  check({ document }) {
    const findings: RuleFinding[] = [];
    for (const section of storageSections(document)) {
      for (const volume of section.volumes) {
        if (volume.type !== 'persistent-claim' || !volume.typePair) {
          continue;
        }
        const sizePair = getPair(volume.node, 'size');
        const size = asScalar(sizePair?.value);
        if (!sizePair) {
          findings.push({
            span: volume.typePair.value?.span ?? volume.typePair.keySpan,
            message: `This persistent-claim volume of the ${section.holds} has no size: Strimzi cannot create its claims. Add a size such as 100Gi.`,
          });
          continue;
        }
        const text = size ? (typeof size.value === 'string' ? size.value : size.source) : '';
        if (size && typeof size.value === 'number') {
          // A bare number is a quantity in bytes: valid, if unusual.
          continue;
        }
        if (!size || !isValidQuantity(text.trim())) {
          const suggestion = suggestQuantity(text);
          findings.push({
            span: size?.span ?? sizePair.keySpan,
            message: `\`${text}\` is not a valid size for the ${section.holds}' volume: the operator cannot create the claims. ${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Write a quantity such as 100Gi or 1Ti.`,
            ...(suggestion ? { data: { suggestion } } : {}),
          });
        }
      }
    }
    return findings;
  },
};
