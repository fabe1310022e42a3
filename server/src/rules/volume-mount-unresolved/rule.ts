// volume-mount-unresolved: a container's volumeMounts[].name or volumeDevices[].name that names
// no pod volume and no volumeClaimTemplate. The API accepts a StatefulSet or Deployment like
// that; the error only surfaces when the controller tries to create the pods.
import type { Rule, RuleFinding } from '../types';
import { suggestField } from '../schema-unknown-field/rule';
import { mountNamesOf, podTemplateOf, volumeNamesOf } from '../support/workload';

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
    const known = new Set(volumeNamesOf(document, template).map((volume) => volume.name));
    const findings: RuleFinding[] = [];
    for (const { container, field, node, name } of mountNamesOf(template)) {
      if (known.has(name)) {
        continue;
      }
      const suggestion = suggestField(name, [...known]);
      findings.push({
        span: node.span,
        message: `${field} entry '${name}' of container '${container.name ?? '?'}' names no volume${document.kind === 'StatefulSet' ? ' or volumeClaimTemplate' : ''}: the pods cannot be created. ${advice(suggestion, known, document.kind)}`,
        data: { name, ...(suggestion ? { suggestion } : {}), candidates: [...known] },
      });
    }
    return findings;
  },
};

function advice(suggestion: string | undefined, known: ReadonlySet<string>, kind?: string): string {
  if (suggestion) {
    return `Did you mean '${suggestion}'?`;
  }
  const where = kind === 'StatefulSet' ? '`volumes` or `volumeClaimTemplates`' : '`volumes`';
  return known.size > 0
    ? `Declare it in ${where} (known: ${[...known].join(', ')}).`
    : `Declare it in ${where}.`;
}
