// yaml-syntax: parser errors, reported once per problem at the place the parser stopped.
import type { Rule } from './types';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The YAML cannot be parsed; nothing below the error can be trusted.',
  appliesTo: 'kubernetes-or-partial',
  check: ({ document }) =>
    document.errors.map((error) => ({
      span: error.span[0] === error.span[1] ? [error.span[0], error.span[0] + 1] : error.span,
      message: `YAML syntax error: ${error.message}.`,
    })),
};
