// The quick fix of volume-mount-unresolved, moved out of the storage fixers; pure: plain edits, no LSP.
import { asMap, asSeq, getIn } from '../../model';
import { appendToSeq, replaceScalar, setIn } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { dataString, quickFix, scalarAt } from '../quick-fix/types';
import type { PlainMap } from '../quick-fix/yaml-text';
import { defaultStorageRequest } from '../quick-fix/storage';

export const fix: Fixer = (finding, context) => {
  const scalar = scalarAt(context, finding.span);
  const name = typeof scalar?.value === 'string' ? scalar.value : undefined;
  if (!scalar || !name) {
    return [];
  }
  const suggestion = dataString(finding, 'suggestion');
  const fixes = suggestion
    ? quickFix(
        finding,
        `Change to '${suggestion}'`,
        [replaceScalar(context.model, scalar, suggestion)],
        true,
      )
    : [];
  const root = asMap(context.document.root);
  if (context.document.kind === 'StatefulSet' && root) {
    const claimTemplate: PlainMap = {
      metadata: { name },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: defaultStorageRequest } },
      },
    };
    const templates = asSeq(getIn(root, ['spec', 'volumeClaimTemplates']));
    const edit = templates
      ? appendToSeq(context, templates, claimTemplate)
      : setIn(context, root, ['spec', 'volumeClaimTemplates'], [claimTemplate]);
    fixes.push(
      ...quickFix(
        finding,
        `Add volumeClaimTemplate '${name}' (ReadWriteOnce, ${defaultStorageRequest})`,
        [edit],
        !suggestion,
      ),
    );
  }
  return fixes;
};
