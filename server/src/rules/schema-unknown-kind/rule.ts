// schema-unknown-kind: a kind that a built-in apiVersion does not have (`apps/v1` with
// `Statefulset`). Custom resources live in their own groups, so an unknown kind in a built-in
// group/version is a typo. Data `{ suggestion }` when a served kind is close.
import { getPair } from '../../model';
import { suggestField } from '../schema-unknown-field/rule';
import type { Rule } from '../types';

export const schemaUnknownKind: Rule = {
  id: 'schema-unknown-kind',
  defaultSeverity: 'error',
  judges: 'fields',
  description: 'A built-in apiVersion does not have this kind (usually a typo in `kind`).',
  check: ({ document, kindInfo, schema }) => {
    const value = getPair(document.root, 'kind')?.value;
    const { apiVersion, kind } = document;
    // `kind: List` (and typed lists such as `ServiceList`) wrap `items`; kubectl accepts them.
    if (kindInfo || !value || !apiVersion || !kind || kind.endsWith('List')) {
      return [];
    }
    if (schema.kindsNamed(kind).length > 0) {
      return [];
    }
    // A group may have several CRDs, not all of them known: only built-in groups are judged.
    const sameApiVersion = schema.kinds.filter(
      (info) => info.apiVersion === apiVersion && !info.custom,
    );
    if (sameApiVersion.length === 0) {
      return [];
    }
    const suggestion = suggestField(
      kind,
      sameApiVersion.map((info) => info.kind),
    );
    return [
      {
        span: value.span,
        message: `\`${apiVersion}\` has no kind \`${kind}\`${suggestion ? `: did you mean \`${suggestion}\`?` : '.'}`,
        ...(suggestion ? { data: { suggestion } } : {}),
      },
    ];
  },
};
