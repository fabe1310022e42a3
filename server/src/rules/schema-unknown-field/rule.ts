// schema-unknown-field: a key the kind's schema does not have, usually a typo or a field at the
// wrong level. Suggests the closest field name (data `{ suggestion }` feeds the quick fix).
import { closest, distance } from 'fastest-levenshtein';
import { typeDisplayName } from '../../schema/resolve';
import { schemaWalk } from '../schema-walk';
import type { Rule } from '../types';

export const schemaUnknownField: Rule = {
  id: 'schema-unknown-field',
  defaultSeverity: 'error',
  judges: 'fields',
  description:
    'A field that the kind does not have, built-in or from a known CRD (kubectl rejects it under strict validation).',
  check: (context) => {
    if (!context.kindInfo) {
      return [];
    }
    return schemaWalk(context).unknownKeys.map(({ pair, object }) => {
      const suggestion = suggestField(pair.key, [...object.fields.keys()]);
      const where = typeDisplayName(object.name);
      return {
        span: pair.keySpan,
        message: suggestion
          ? `Unknown field \`${pair.key}\` in ${where}: did you mean \`${suggestion}\`?`
          : `Unknown field \`${pair.key}\` in ${where}: remove it or move it to the level where it belongs.`,
        ...(suggestion ? { data: { suggestion } } : {}),
      };
    });
  },
};

/** The closest field name when it is close enough to be a typo (or differs only in case). */
export function suggestField(key: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) {
    return undefined;
  }
  const sameLetters = candidates.find((name) => name.toLowerCase() === key.toLowerCase());
  if (sameLetters) {
    return sameLetters;
  }
  const best = closest(key, [...candidates]);
  const allowed = Math.max(1, Math.floor(Math.min(key.length, best.length) / 3));
  return distance(key, best) <= allowed ? best : undefined;
}
