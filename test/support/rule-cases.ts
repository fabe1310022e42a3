// Where the rule fixture cases live: beside each rule, in `server/src/rules/<rule-id>/cases/`
// (`ok-<case>.yaml`, `bad-<case>.yaml`). The fixture runners, the completeness tests and the
// fuzzer list them here.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const rulesFolder = resolve(__dirname, '..', '..', '..', 'server', 'src', 'rules');

/** The cases folder of a rule (which may not exist). */
export function ruleCasesFolder(ruleId: string): string {
  return join(rulesFolder, ruleId, 'cases');
}

/** The ids of the rule folders that hold cases. No folder at all throws: no cases must never mean zero tests. */
export function ruleIdsWithCases(): string[] {
  const ids = readdirSync(rulesFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(ruleCasesFolder(entry.name)))
    .map((entry) => entry.name)
    .sort();
  if (ids.length === 0) {
    throw new Error(`no rule cases under ${rulesFolder}/<rule-id>/cases`);
  }
  return ids;
}

/** The YAML case files of one rule (names only), sorted. */
export function ruleCaseFiles(ruleId: string): string[] {
  const folder = ruleCasesFolder(ruleId);
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
    : [];
}

/** Every case file of every rule, as absolute paths. */
export function allRuleCasePaths(): string[] {
  return ruleIdsWithCases().flatMap((id) =>
    ruleCaseFiles(id).map((file) => join(ruleCasesFolder(id), file)),
  );
}
