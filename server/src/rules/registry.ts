// Every rule the engine runs, in one array. Adding a rule means adding its file and one line here.
import { duplicateKey } from './duplicate-key';
import { invalidQuantity } from './invalid-quantity';
import { schemaApiVersion } from './schema-api-version';
import { schemaEnum } from './schema-enum';
import { schemaRequired } from './schema-required';
import { schemaType } from './schema-type';
import { schemaUnknownField } from './schema-unknown-field';
import { schemaUnknownKind } from './schema-unknown-kind';
import type { Rule } from './types';
import { yamlBooleanString } from './yaml-boolean-string';
import { yamlSyntax } from './yaml-syntax';

export const allRules: readonly Rule[] = [
  yamlSyntax,
  duplicateKey,
  schemaApiVersion,
  schemaUnknownKind,
  schemaUnknownField,
  schemaType,
  schemaRequired,
  schemaEnum,
  invalidQuantity,
  yamlBooleanString,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
