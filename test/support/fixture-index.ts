// Builds the IndexView a rule fixture runs against: the objects of the fixture file itself,
// so cross-object rules can be tested with one self-contained file.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileModel } from '../../server/src/model';
import type { PathKind } from '../../server/src/rules/index-view';
import { statUri } from '../../server/src/workspace-index/index-files';
import type { IndexView } from '../../server/src/rules/index-view';
import { extractFacts } from '../../server/src/workspace-index/extract-facts';
import { WorkspaceIndex } from '../../server/src/workspace-index/workspace-index';

export function indexForFixture(models: readonly FileModel[]): IndexView {
  const index = new WorkspaceIndex(statFixtureUri);
  for (const model of models) {
    index.update(model.uri, extractFacts(model));
  }
  return index.view();
}

const fixturesRoot = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'rules');
const fixtureScheme = 'file:///fixtures/';

/**
 * Rule fixtures are parsed as `file:///fixtures/<rule-id>/<file>`; paths they name (a
 * kustomization's resources) are looked up in the real fixture folder.
 */
function statFixtureUri(uri: string): PathKind {
  return uri.startsWith(fixtureScheme)
    ? statUri(pathToFileURL(`${fixturesRoot}/${uri.slice(fixtureScheme.length)}`).href)
    : 'unknown';
}
