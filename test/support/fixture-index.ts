// Builds the IndexView a rule fixture runs against: the objects of the fixture file itself,
// so cross-object rules can be tested with one self-contained file.
import { pathToFileURL } from 'node:url';
import type { FileModel } from '../../server/src/model';
import type { PathKind } from '../../server/src/rules/index-view';
import { statUri } from '../../server/src/workspace-index/index-files';
import type { IndexView } from '../../server/src/rules/index-view';
import { extractFacts } from '../../server/src/workspace-index/extract-facts';
import { WorkspaceIndex } from '../../server/src/workspace-index/workspace-index';
import { ruleCasesFolder } from './rule-cases';

export function indexForFixture(models: readonly FileModel[]): IndexView {
  const index = new WorkspaceIndex(statFixtureUri);
  for (const model of models) {
    index.update(model.uri, extractFacts(model));
  }
  return index.view();
}

const fixtureScheme = 'file:///fixtures/';

/**
 * Rule fixtures are parsed as `file:///fixtures/<rule-id>/<file>`; paths they name (a
 * kustomization's resources) are looked up in the rule's real cases folder.
 */
function statFixtureUri(uri: string): PathKind {
  if (!uri.startsWith(fixtureScheme)) {
    return 'unknown';
  }
  const rest = uri.slice(fixtureScheme.length);
  const slash = rest.indexOf('/');
  const ruleId = rest.slice(0, slash);
  return statUri(pathToFileURL(`${ruleCasesFolder(ruleId)}/${rest.slice(slash + 1)}`).href);
}
