// schema-enum: a string outside the field's allowed values (from the reviewed data table in
// schema/data/allowed-values.ts), e.g. `podManagementPolicy: Paralel`. Data: `{ allowed, suggestion? }`.
import { asScalar } from '../../model';
import { suggestField } from '../schema-unknown-field/rule';
import { schemaWalk, subjectOf } from '../schema-walk';
import type { Rule, RuleFinding } from '../types';

export const schemaEnum: Rule = {
  id: 'schema-enum',
  defaultSeverity: 'error',
  judges: 'fields',
  description: 'A value is not one of the values the field allows (e.g. an unknown access mode).',
  check: (context) => {
    if (!context.kindInfo) {
      return [];
    }
    const findings: RuleFinding[] = [];
    for (const entry of schemaWalk(context).entries) {
      const allowed = entry.resolved.field?.enum;
      const scalar = asScalar(entry.node);
      if (
        !allowed ||
        entry.resolved.via === 'map-value' ||
        entry.resolved.type.kind !== 'primitive' ||
        typeof scalar?.value !== 'string' ||
        allowed.includes(scalar.value)
      ) {
        continue;
      }
      const suggestion = suggestField(
        scalar.value,
        allowed.filter((value) => value !== ''),
      );
      const choices = allowed.map((value) => (value === '' ? '""' : value)).join(', ');
      findings.push({
        span: scalar.span,
        message: `\`${scalar.value}\` is not allowed for ${subjectOf(entry)}${suggestion ? `: did you mean \`${suggestion}\`?` : '.'} Allowed values: ${choices}.`,
        data: suggestion ? { allowed, suggestion } : { allowed },
      });
    }
    return findings;
  },
};
