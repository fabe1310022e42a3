// crd-name-mismatch: the API server requires a CRD's metadata.name to be
// `<spec.names.plural>.<spec.group>` and rejects the CRD otherwise. Data: `{ expected }`.
import { getIn, scalarText } from '../../model';
import type { Rule } from '../types';

export const crdNameMismatch: Rule = {
  id: 'crd-name-mismatch',
  defaultSeverity: 'error',
  description:
    "A CustomResourceDefinition's `metadata.name` is not `<spec.names.plural>.<spec.group>`.",
  noQuickFix:
    'either the name, the plural or the group may be the wrong one, and each is immutable once the CRD exists',
  check({ document }) {
    if (document.kind !== 'CustomResourceDefinition') {
      return [];
    }
    const nameNode = getIn(document.root, ['metadata', 'name']);
    const name = scalarText(nameNode);
    const plural = scalarText(getIn(document.root, ['spec', 'names', 'plural']));
    const group = scalarText(getIn(document.root, ['spec', 'group']));
    if (!nameNode || !name || !plural || !group) {
      return [];
    }
    const expected = `${plural}.${group}`;
    if (name === expected) {
      return [];
    }
    return [
      {
        span: nameNode.span,
        message: `The CRD is named \`${name}\` but must be \`${expected}\` (spec.names.plural + "." + spec.group): the API server rejects it otherwise. Rename it, or fix \`plural\` or \`group\`.`,
        data: { expected },
      },
    ];
  },
};
