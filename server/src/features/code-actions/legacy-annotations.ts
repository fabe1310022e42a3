// Quick fixes of legacy-annotation: move what the annotation said into the field that replaced
// it (init containers and affinity from their JSON, publishNotReadyAddresses, storageClassName)
// and remove the annotation, or only remove it when its content meant nothing.
import { asMap, asSeq, getPair, scalarText } from '../../model';
import type { MapNode } from '../../model';
import { findLegacyAnnotations, publishesNotReady } from '../../rules/legacy-annotation/rule';
import type { FoundAnnotation } from '../../rules/legacy-annotation/rule';
import { removePair, setIn } from './edits';
import type { FileEdit } from './edits';
import type { Fixer, FixContext } from './types';
import { quickFix } from './types';
import type { PlainValue } from './yaml-text';

/** Removes the annotation, and the `annotations:` key with it when it was the only one. */
function removeAnnotation(context: FixContext, found: FoundAnnotation): FileEdit | undefined {
  const metadata = asMap(getPair(found.owner, 'metadata')?.value);
  const annotationsPair = getPair(metadata, 'annotations');
  if (found.annotations.pairs.length === 1 && metadata && annotationsPair) {
    return removePair(context, metadata, annotationsPair);
  }
  return removePair(context, found.annotations, found.pair);
}

/** A JSON value of an annotation as plain data, or undefined when it is not valid JSON. */
function parseJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function isPlain(value: unknown): value is PlainValue {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.every(isPlain);
  }
  return typeof value === 'object' && Object.values(value).every(isPlain);
}

/** The pod spec (`spec` of the owner) when it exists as a block mapping. */
function specMap(found: FoundAnnotation): MapNode | undefined {
  return asMap(getPair(found.owner, 'spec')?.value);
}

const fixLegacyAnnotation: Fixer = (finding, context) => {
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

export const legacyAnnotationFixers: Readonly<Record<string, Fixer>> = {
  'legacy-annotation': fixLegacyAnnotation,
};
