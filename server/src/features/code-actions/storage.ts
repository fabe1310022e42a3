// Quick fixes of the storage rules: point a volume mount at the volume it most likely meant, or
// give a StatefulSet the volumeClaimTemplate it names; complete a claim's access modes and size.
import { asMap, asSeq, getIn } from '../../model';
import { declaredClaims } from '../../rules/claims';
import type { DeclaredClaim } from '../../rules/claims';
import type { Finding } from '../../rules/types';
import { appendToSeq, replaceScalar, setIn } from './edits';
import type { Fixer, FixContext } from './types';
import { dataString, quickFix, scalarAt } from './types';
import type { PlainMap } from './yaml-text';

/** The size a new claim asks for; the user adjusts it, a claim without one is rejected. */
export const defaultStorageRequest = '10Gi';

const fixMountName: Fixer = (finding, context) => {
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

/** The claim (PVC or volumeClaimTemplate) a finding points into. */
function claimOf(finding: Finding, context: FixContext): DeclaredClaim | undefined {
  return declaredClaims(context.document).find(
    (claim) => claim.node.span[0] <= finding.span[0] && finding.span[1] <= claim.node.span[1],
  );
}

const addAccessModes: Fixer = (finding, context) => {
  const claim = claimOf(finding, context);
  const node = asMap(claim?.node);
  return node
    ? quickFix(
        finding,
        'Add accessModes: [ReadWriteOnce]',
        [setIn(context, node, ['spec', 'accessModes'], ['ReadWriteOnce'])],
        true,
      )
    : [];
};

const addStorageRequest: Fixer = (finding, context) => {
  const node = asMap(claimOf(finding, context)?.node);
  return node
    ? quickFix(
        finding,
        `Add a storage request (resources.requests.storage: ${defaultStorageRequest})`,
        [setIn(context, node, ['spec', 'resources', 'requests', 'storage'], defaultStorageRequest)],
        true,
      )
    : [];
};

export const storageFixers: Readonly<Record<string, Fixer>> = {
  'volume-mount-unresolved': fixMountName,
  'claim-access-modes-missing': addAccessModes,
  'claim-storage-missing': addStorageRequest,
};
