// Every rule the engine runs, in one array. Adding a rule means adding its file and one line here.
import type { Rule } from './types';
import { yamlSyntax } from './yaml-syntax';

export const allRules: readonly Rule[] = [yamlSyntax];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
