// kustomize-unknown-field: a key that a kustomization (or one of its entries) does not have.
// kustomize reads kustomizations strictly and fails the build on it.
import type { MapNode, PathSegment, YamlNode } from '../../model';
import { kustomizeFieldsAt } from '../../kustomize/fields';
import { suggestField } from '../schema-unknown-field/rule';
import type { Rule, RuleFinding } from '../types';

export const kustomizeUnknownField: Rule = {
  id: 'kustomize-unknown-field',
  defaultSeverity: 'error',
  description:
    'A field that kustomizations do not have: `kustomize build` (and `kubectl apply -k`) fails on it.',
  noQuickFix:
    "the message names the closest field; whether the key is a typo or belongs in another entry is the author's call",
  appliesTo: 'kustomization',
  check: ({ document }) => {
    const findings: RuleFinding[] = [];
    const visit = (node: YamlNode | null, path: readonly PathSegment[]): void => {
      if (node?.type === 'seq') {
        node.items.forEach((item, index) => visit(item, [...path, index]));
      } else if (node?.type === 'map') {
        checkMap(node, path);
      }
    };
    const checkMap = (node: MapNode, path: readonly PathSegment[]): void => {
      const fields = kustomizeFieldsAt(path);
      if (!fields) {
        return;
      }
      for (const pair of node.pairs) {
        if (pair.key === null || pair.key === '<<') {
          continue;
        }
        const field = fields.find((candidate) => candidate.name === pair.key);
        if (!field) {
          const suggestion = suggestField(
            pair.key,
            fields.map((candidate) => candidate.name),
          );
          const where =
            path.length === 0
              ? 'a kustomization'
              : `\`${path.filter((segment) => typeof segment === 'string').join('.')}\``;
          findings.push({
            span: pair.keySpan,
            message: suggestion
              ? `Unknown field \`${pair.key}\` in ${where}: did you mean \`${suggestion}\`? kustomize fails on unknown fields.`
              : `Unknown field \`${pair.key}\` in ${where}: kustomize fails on unknown fields.`,
            ...(suggestion ? { data: { suggestion } } : {}),
          });
        } else if (field.shape === 'entries' || field.shape === 'object') {
          visit(pair.value, [...path, pair.key]);
        }
      }
    };
    visit(document.root, []);
    return findings;
  },
};
