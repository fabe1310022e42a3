// crd-structural-schema: the parts of a structural schema that the API server checks for
// apiextensions.k8s.io/v1 CRDs and rejects when violated: every schema node (the root, each
// property, additionalProperties and items) has a `type`, unless it sets
// x-kubernetes-int-or-string or x-kubernetes-preserve-unknown-fields; and the root's `metadata`
// is an object that restricts at most `name` and `generateName`.
// Schemas inside allOf/anyOf/oneOf/not are junctors and need no type, so they are not entered.
import { asMap, getPair, getValue } from '../../model';
import type { MapNode, PairNode, YamlNode } from '../../model';
import { crdVersions, isCrdV1, isTrue } from '../support/crd';
import type { Rule, RuleFinding } from '../types';

const typeEscapes = ['x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields'];

export const crdStructuralSchema: Rule = {
  id: 'crd-structural-schema',
  defaultSeverity: 'error',
  description:
    'A CRD schema that is not structural (a node without `type`, or `metadata` restricting more than name/generateName): the API server rejects it.',
  noQuickFix:
    'the missing type (or a preserve-unknown-fields escape) depends on what the field holds, which only the author knows',
  check({ document }) {
    if (!isCrdV1(document)) {
      return [];
    }
    const findings: RuleFinding[] = [];
    for (const version of crdVersions(document)) {
      const root = asMap(version.schema);
      if (!root) {
        continue;
      }
      const label = version.name ? `version \`${version.name}\`` : 'this version';
      checkNode(root, 'the schema root', undefined, findings, label, 0);
      checkMetadata(root, findings);
    }
    return findings;
  },
};

/** Deep enough for any real CRD; the model itself stops at 200 levels. */
const maxDepth = 100;

function checkNode(
  node: MapNode,
  what: string,
  pair: PairNode | undefined,
  findings: RuleFinding[],
  version: string,
  depth: number,
): void {
  if (depth > maxDepth) {
    return;
  }
  const hasType = getPair(node, 'type') !== undefined;
  const escaped = typeEscapes.some((key) => isTrue(getPair(node, key)));
  if (!hasType && !escaped) {
    findings.push({
      span: pair ? pair.keySpan : (node.pairs[0]?.keySpan ?? node.span),
      message: `${what} in ${version} has no \`type\`: the API server rejects a non-structural schema. Add \`type\` (or \`x-kubernetes-preserve-unknown-fields: true\` for free-form data).`,
    });
  }
  const properties = asMap(getValue(node, 'properties'));
  for (const property of properties?.pairs ?? []) {
    const child = asMap(property.value);
    if (child && property.key !== null) {
      checkNode(child, `Property \`${property.key}\``, property, findings, version, depth + 1);
    }
  }
  for (const key of ['additionalProperties', 'items']) {
    const childPair = getPair(node, key);
    const child = asMap(childPair?.value);
    if (child && childPair) {
      checkNode(child, `\`${key}\``, childPair, findings, version, depth + 1);
    }
  }
}

/** At the root, `metadata` may only be an object restricting `name` and `generateName`. */
function checkMetadata(root: MapNode, findings: RuleFinding[]): void {
  const metadataPair = getPair(getValue(root, 'properties'), 'metadata');
  const metadata: YamlNode | null | undefined = metadataPair?.value;
  const map = asMap(metadata);
  if (!metadataPair || !map) {
    return;
  }
  const type = getValue(map, 'type');
  if (type?.type === 'scalar' && type.value !== 'object') {
    findings.push({
      span: type.span,
      message:
        '`metadata` at the schema root must have `type: object`: the API server rejects anything else.',
    });
  }
  for (const property of asMap(getValue(map, 'properties'))?.pairs ?? []) {
    if (property.key !== null && property.key !== 'name' && property.key !== 'generateName') {
      findings.push({
        span: property.keySpan,
        message: `\`metadata\` at the schema root may only restrict \`name\` and \`generateName\`, not \`${property.key}\`: the API server rejects the CRD. Remove it (metadata is validated by the API server itself).`,
      });
    }
  }
}
