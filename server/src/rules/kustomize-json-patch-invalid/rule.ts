// kustomize-json-patch-invalid: a JSON 6902 patch (RFC 6902) whose operation kustomize cannot
// apply: an unknown `op`, a `path` that is no JSON pointer, a missing `value` or `from`.
import { asMap, getPair, getValue, scalarText } from '../../model';
import type { YamlNode } from '../../model';
import type { Rule, RuleFinding } from '../types';

const operations = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

export const kustomizeJsonPatchInvalid: Rule = {
  id: 'kustomize-json-patch-invalid',
  defaultSeverity: 'error',
  description:
    'A JSON 6902 patch operation that cannot apply: unknown op, a path that is no JSON pointer, a missing value or from.',
  noQuickFix: 'the intended operation or pointer cannot be guessed from a malformed one',
  appliesTo: 'json-patch',
  check: ({ document }) => {
    const root = document.root;
    if (root?.type !== 'seq') {
      return root
        ? [{ span: root.span, message: 'A JSON 6902 patch is a list of operations (`- op: …`).' }]
        : [];
    }
    return root.items.flatMap((item) => checkOperation(item));
  },
};

function checkOperation(item: YamlNode): RuleFinding[] {
  const map = asMap(item);
  if (!map) {
    return [{ span: item.span, message: 'Each operation is a mapping with `op` and `path`.' }];
  }
  const findings: RuleFinding[] = [];
  const opNode = getValue(map, 'op');
  const op = scalarText(opNode);
  if (!opNode || op === undefined) {
    findings.push({
      span: map.span,
      message: 'The operation has no `op` (add, remove, replace, move, copy or test).',
    });
  } else if (!operations.has(op)) {
    findings.push({
      span: opNode.span,
      message: `\`${op}\` is no JSON patch operation: use add, remove, replace, move, copy or test.`,
    });
  }
  for (const key of ['path', 'from'] as const) {
    const node = getValue(map, key);
    const pointer = scalarText(node);
    if (node && pointer !== undefined && pointer !== '' && !pointer.startsWith('/')) {
      findings.push({
        span: node.span,
        message: `\`${key}\` must be a JSON pointer starting with \`/\` (e.g. \`/spec/replicas\`), not \`${pointer}\`.`,
      });
    } else if (node && pointer !== undefined && /~[^01]/.test(pointer)) {
      findings.push({
        span: node.span,
        message: `\`~\` in a JSON pointer must be written \`~0\` (and \`/\` inside a key \`~1\`).`,
      });
    }
  }
  if (!getPair(map, 'path')) {
    findings.push({ span: map.span, message: 'The operation has no `path`.' });
  }
  if (op && ['add', 'replace', 'test'].includes(op) && !getPair(map, 'value')) {
    findings.push({ span: opNode!.span, message: `\`${op}\` needs a \`value\`.` });
  }
  if (op && ['move', 'copy'].includes(op) && !getPair(map, 'from')) {
    findings.push({ span: opNode!.span, message: `\`${op}\` needs a \`from\` path.` });
  }
  return findings;
}
