// invalid-quantity: a string in a quantity field (resources, storage sizes, sizeLimit, …) that is
// not a Kubernetes quantity, e.g. `10GB` or `1.5.0`. Data `{ suggestion }` when the intent is clear.
import { asScalar } from '../../model';
import { isValidQuantity } from '../../schema/quantity';
import { schemaWalk, subjectOf } from '../schema-walk';
import type { Rule, RuleFinding } from '../types';

export const invalidQuantity: Rule = {
  id: 'invalid-quantity',
  defaultSeverity: 'error',
  judges: 'fields',
  description: 'A resource quantity is malformed (e.g. `10GB` instead of `10Gi` or `10G`).',
  check: (context) => {
    if (!context.kindInfo) {
      return [];
    }
    const findings: RuleFinding[] = [];
    for (const entry of schemaWalk(context).entries) {
      const scalar = asScalar(entry.node);
      const type = entry.resolved.type;
      if (
        type.kind !== 'primitive' ||
        type.type !== 'quantity' ||
        typeof scalar?.value !== 'string' ||
        isValidQuantity(scalar.value)
      ) {
        continue;
      }
      const suggestion = suggestQuantity(scalar.value);
      findings.push({
        span: scalar.span,
        message: `\`${scalar.value}\` is not a valid quantity for ${subjectOf(entry)}: ${suggestion ? `did you mean \`${suggestion}\`? ` : ''}Write a number with an optional suffix: binary Ki, Mi, Gi, Ti, Pi, Ei or decimal m, k, M, G, T, P, E (e.g. 500m, 512Mi, 10Gi).`,
        ...(suggestion ? { data: { suggestion } } : {}),
      });
    }
    return findings;
  },
};

/**
 * A likely intended quantity: `10GB` → `10Gi` (byte units mean binary sizes in practice),
 * `1 Gi` → `1Gi`, `1.5 G` → `1.5G`, `2g` → `2Gi`.
 */
export function suggestQuantity(text: string): string | undefined {
  const match = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([kKmMgGtTpPeE])(i?)([bB]?)\s*$/.exec(text);
  if (!match) {
    const compact = text.replace(/\s+/g, '');
    return compact !== text && isValidQuantity(compact) ? compact : undefined;
  }
  const [, number, letter, binary, bytes] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (!binary && !bytes && isValidQuantity(`${number}${letter}`)) {
    return `${number}${letter}`;
  }
  const candidate = `${number}${letter === 'k' ? 'K' : letter.toUpperCase()}i`;
  return isValidQuantity(candidate) ? candidate : undefined;
}
