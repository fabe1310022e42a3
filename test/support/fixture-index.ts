// Builds the IndexView a rule fixture runs against: the objects of the fixture file itself,
// so cross-object rules can be tested with one self-contained file.
import type { FileModel } from '../../server/src/model';
import type { IndexView } from '../../server/src/rules/index-view';
import { extractFacts } from '../../server/src/workspace-index/extract-facts';
import { WorkspaceIndex } from '../../server/src/workspace-index/workspace-index';

export function indexForFixture(models: readonly FileModel[]): IndexView {
  const index = new WorkspaceIndex();
  for (const model of models) {
    index.update(model.uri, extractFacts(model));
  }
  return index.view();
}
