// volume-mount-unresolved: a container's volumeMounts[].name or volumeDevices[].name that names
// no pod volume and no volumeClaimTemplate. The API accepts a StatefulSet or Deployment like
// that; the error only surfaces when the controller tries to create the pods.
import { asScalar, getIn, getValue, scalarText, seqItems } from '../model';
import type { Rule, RuleFinding } from './types';
import { suggestField } from './schema-unknown-field';
import { containersOf, podTemplateOf } from './support/workload';

export const volumeMountUnresolved: Rule = {
  id: 'volume-mount-unresolved',
  defaultSeverity: 'error',
  description:
    'A volumeMounts or volumeDevices entry names no volume of the pod and no volumeClaimTemplate.',
  check({ document }) {
    const template = podTemplateOf(document);
    if (!template) {
      return [];
    }
    const volumes = namesOf(getValue(template.spec, 'volumes'), ['name']);
    const claimTemplates =
      document.kind === 'StatefulSet'
        ? namesOf(getIn(document.root, ['spec', 'volumeClaimTemplates']), ['metadata', 'name'])
        : [];
    const known = new Set([...volumes, ...claimTemplates]);
    const findings: RuleFinding[] = [];
    const groups = ['containers', 'initContainers', 'ephemeralContainers'] as const;
    for (const container of containersOf(template, groups)) {
      for (const field of ['volumeMounts', 'volumeDevices'] as const) {
        for (const item of seqItems(getValue(container.node, field))) {
          const nameNode = asScalar(getValue(item, 'name'));
          const name = scalarText(nameNode);
          if (!nameNode || !name || known.has(name)) {
            continue;
          }
          const suggestion = suggestField(name, [...known]);
          findings.push({
            span: nameNode.span,
            message: `${field} entry '${name}' of container '${container.name ?? '?'}' names no volume${document.kind === 'StatefulSet' ? ' or volumeClaimTemplate' : ''}: the pods cannot be created. ${advice(suggestion, known, document.kind)}`,
            data: { name, ...(suggestion ? { suggestion } : {}), candidates: [...known] },
          });
        }
      }
    }
    return findings;
  },
};

function namesOf(sequence: Parameters<typeof seqItems>[0], path: readonly string[]): string[] {
  return seqItems(sequence)
    .map((item) => scalarText(getIn(item, path)))
    .filter((name): name is string => name !== undefined && name !== '');
}

function advice(suggestion: string | undefined, known: ReadonlySet<string>, kind?: string): string {
  if (suggestion) {
    return `Did you mean '${suggestion}'?`;
  }
  const where = kind === 'StatefulSet' ? '`volumes` or `volumeClaimTemplates`' : '`volumes`';
  return known.size > 0
    ? `Declare it in ${where} (known: ${[...known].join(', ')}).`
    : `Declare it in ${where}.`;
}
