// Checks the parts of a request's parameters a handler reads, so a malformed request is answered
// with -32602 Invalid params naming the part, instead of failing inside a feature as -32603.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

/** The parameter parts the standard requests carry. */
export type ParamPart =
  'textDocument' | 'position' | 'range' | 'codeActionContext' | 'referenceContext' | 'topology';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isPosition = (value: unknown): boolean =>
  isRecord(value) &&
  Number.isInteger(value.line) &&
  Number.isInteger(value.character) &&
  (value.line as number) >= 0 &&
  (value.character as number) >= 0;

const checks: Record<
  ParamPart,
  { readonly valid: (params: Record<string, unknown>) => boolean; readonly want: string }
> = {
  textDocument: {
    valid: (params) => isRecord(params.textDocument) && typeof params.textDocument.uri === 'string',
    want: 'textDocument must be { uri: string }',
  },
  position: {
    valid: (params) => isPosition(params.position),
    want: 'position must be { line, character } with non-negative integers',
  },
  range: {
    valid: (params) =>
      isRecord(params.range) && isPosition(params.range.start) && isPosition(params.range.end),
    want: 'range must be { start, end } positions',
  },
  codeActionContext: {
    valid: (params) =>
      isRecord(params.context) &&
      Array.isArray(params.context.diagnostics) &&
      params.context.diagnostics.every(isRecord) &&
      (params.context.only === undefined || Array.isArray(params.context.only)),
    want: 'context must be { diagnostics: Diagnostic[], only?: string[] }',
  },
  referenceContext: {
    valid: (params) =>
      isRecord(params.context) && typeof params.context.includeDeclaration === 'boolean',
    want: 'context must be { includeDeclaration: boolean }',
  },
  topology: {
    valid: (params) =>
      typeof params.uri === 'string' &&
      (params.line === undefined ||
        (Number.isInteger(params.line) && (params.line as number) >= 0)),
    want: 'uri must be a string and line, if given, a non-negative integer',
  },
};

/** Throws an Invalid params error for the first part that is missing or malformed. */
export function checkParams(params: unknown, ...parts: readonly ParamPart[]): void {
  const record = isRecord(params) ? params : {};
  for (const part of parts) {
    const check = checks[part];
    if (!check.valid(record)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `Invalid params: ${check.want}.`);
    }
  }
}
