// yaml-boolean-string: an unquoted yes/no/on/off/y/n/true/false where the schema expects a string
// (a label value, an env value). YAML 1.1 readers such as kubectl turn it into a boolean and the
// object is rejected. Also checks the metadata of custom resources, whose schema we do not know.
import { asScalar } from '../../model';
import { isYaml11Boolean, schemaWalk, subjectOf } from '../schema-walk';
import type { Rule, RuleFinding } from '../types';

export const yamlBooleanString: Rule = {
  id: 'yaml-boolean-string',
  defaultSeverity: 'error',
  judges: 'fields',
  description:
    'An unquoted yes/no/on/off where a string is expected; YAML 1.1 reads it as a boolean.',
  check: (context) => {
    const findings: RuleFinding[] = [];
    for (const entry of schemaWalk(context).entries) {
      const scalar = asScalar(entry.node);
      const type = entry.resolved.type;
      if (
        !scalar ||
        !isYaml11Boolean(scalar) ||
        type.kind !== 'primitive' ||
        (type.type !== 'string' && type.type !== 'int-or-string')
      ) {
        continue;
      }
      const quoted = `"${scalar.source}"`;
      findings.push({
        span: scalar.span,
        message: `\`${scalar.source}\` is read as a boolean by YAML 1.1 parsers such as kubectl, but ${subjectOf(entry)} expects a string: quote it (${quoted}).`,
        data: { quoted },
      });
    }
    return findings;
  },
};
