// The quick fix of legacy-annotation, moved out of the legacy-annotations fixers; pure: plain edits, no LSP.
import { asMap, asSeq, getPair, scalarText } from '../../model';
import { findLegacyAnnotations, publishesNotReady } from './rule';
import { setIn } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { quickFix } from '../quick-fix/types';
import { removeAnnotation, parseJson, isPlain, specMap } from '../quick-fix/legacy-annotations';

export const fix: Fixer = (finding, context) => {
  const found = findLegacyAnnotations(context.document).find(
    (candidate) =>
      candidate.pair.keySpan[0] === finding.span[0] &&
      candidate.pair.keySpan[1] === finding.span[1],
  );
  if (!found) {
    return [];
  }
  const owner = asMap(found.owner);
  const value = scalarText(found.pair.value);
  const removal = removeAnnotation(context, found);
  switch (found.name) {
    case 'pod.alpha.kubernetes.io/init-containers':
    case 'pod.beta.kubernetes.io/init-containers': {
      const containers = parseJson(value);
      const spec = specMap(found);
      // Only into a pod spec without init containers of its own, so nothing is merged blindly.
      if (
        !spec ||
        !Array.isArray(containers) ||
        !isPlain(containers) ||
        getPair(spec, 'initContainers')
      ) {
        return [];
      }
      return quickFix(
        finding,
        `Move the ${containers.length} init container${containers.length === 1 ? '' : 's'} to spec.initContainers`,
        [removal, setIn(context, spec, ['initContainers'], containers)],
        true,
      );
    }
    case 'scheduler.alpha.kubernetes.io/affinity': {
      const affinity = parseJson(value);
      const spec = specMap(found);
      if (
        !spec ||
        !isPlain(affinity) ||
        typeof affinity !== 'object' ||
        Array.isArray(affinity) ||
        affinity === null ||
        getPair(spec, 'affinity')
      ) {
        return [];
      }
      return quickFix(
        finding,
        'Move the affinity to spec.affinity',
        [removal, setIn(context, spec, ['affinity'], affinity)],
        true,
      );
    }
    case 'service.alpha.kubernetes.io/tolerate-unready-endpoints':
      return value === 'true' && owner && !publishesNotReady(found.owner)
        ? quickFix(
            finding,
            'Replace with spec.publishNotReadyAddresses: true',
            [removal, setIn(context, owner, ['spec', 'publishNotReadyAddresses'], true)],
            true,
          )
        : quickFix(finding, 'Remove the annotation', [removal], true);
    case 'volume.alpha.kubernetes.io/storage-class':
      return quickFix(
        finding,
        'Remove the ignored annotation (the claim uses the default StorageClass)',
        [removal],
        true,
      );
    case 'volume.beta.kubernetes.io/storage-class':
      return value !== undefined && owner && !asSeq(getPair(found.owner, 'spec')?.value)
        ? quickFix(
            finding,
            `Replace with spec.storageClassName: ${value === '' ? '""' : value}`,
            [removal, setIn(context, owner, ['spec', 'storageClassName'], value)],
            true,
          )
        : [];
    default:
      return [];
  }
};
