// Reads a CustomResourceDefinition document for the crd-* rules: its versions (with the nodes of
// `served`, `storage` and the schema) and names. Only apiextensions.k8s.io/v1 is read here;
// v1beta1 is api-removed's business.
import { asMap, getIn, getPair, getValue, scalarText, seqItems } from '../../model';
import type { DocumentModel, MapNode, PairNode, YamlNode } from '../../model';

export interface CrdVersionNodes {
  readonly node: MapNode;
  readonly name: string | undefined;
  readonly served: PairNode | undefined;
  readonly storage: PairNode | undefined;
  /** `schema.openAPIV3Schema`, when written. */
  readonly schema: YamlNode | undefined;
}

/** True for an `apiextensions.k8s.io/v1` CustomResourceDefinition document. */
export function isCrdV1(document: DocumentModel): boolean {
  return (
    document.kind === 'CustomResourceDefinition' &&
    document.apiVersion === 'apiextensions.k8s.io/v1'
  );
}

export function crdVersions(document: DocumentModel): readonly CrdVersionNodes[] {
  return seqItems(getIn(document.root, ['spec', 'versions'])).flatMap((item) => {
    const node = asMap(item);
    if (!node) {
      return [];
    }
    return [
      {
        node,
        name: scalarText(getValue(node, 'name')),
        served: getPair(node, 'served'),
        storage: getPair(node, 'storage'),
        schema: getIn(node, ['schema', 'openAPIV3Schema']),
      },
    ];
  });
}

/** A YAML `true` (kubectl also reads the YAML 1.1 spellings, but generated CRDs never use them). */
export function isTrue(pair: PairNode | undefined): boolean {
  const value = pair?.value;
  return value?.type === 'scalar' && value.value === true;
}
