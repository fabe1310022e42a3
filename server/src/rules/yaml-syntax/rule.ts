// yaml-syntax: parser errors, reported once per problem at the place the parser stopped.
import type { Span } from '../../model';
import type { Rule } from '../types';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  judges: 'fields',
  description: 'The YAML cannot be parsed; nothing below the error can be trusted.',
  noQuickFix: "the repair depends on what the author meant; the parser's position is all we know",
  appliesTo: 'kubernetes-or-partial',
  check: ({ document, model }) => [
    ...document.errors.map((error) => ({
      span: visibleSpan(error.span, model.text.length),
      message: `YAML syntax error: ${error.message}.`,
    })),
    // Text kubectl reads but other YAML parsers reject: the document is checked as kubectl reads it.
    ...(document.warnings ?? []).map((warning) => ({
      span: visibleSpan(warning.span, model.text.length),
      severity: 'warning' as const,
      message: `YAML portability: ${warning.message}.`,
    })),
  ],
};

/**
 * Widens an empty error span to one character so editors underline something: the character
 * after it, or the one before when the parser stopped at the very end of the text.
 */
function visibleSpan([start, end]: Span, textLength: number): Span {
  if (start !== end || textLength === 0) {
    return [start, end];
  }
  return start < textLength ? [start, start + 1] : [start - 1, start];
}
