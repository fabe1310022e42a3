// Quick fixes of the Strimzi rules: persistent storage instead of ephemeral, keep claims, a free
// JBOD id, a valid or missing size, the KRaft/node-pool annotations, the intended cluster name or
// topology label.
import { asMap, getIn, getPair, nodePathAt } from '../../model';
import type { MapNode, Span } from '../../model';
import type { FileEdit } from './edits';
import { insertPairs, removePair, replacePairValue, replaceScalar, setIn } from './edits';
import type { Fixer, FixContext } from './types';
import { dataString, dataStrings, quickFix, scalarAt } from './types';

/** The size a volume gets when the fix creates one; the user adjusts it. */
export const defaultStrimziVolumeSize = '100Gi';

/** The mapping that holds the key or value at `span` (a storage volume, for these rules). */
function mapHolding(context: FixContext, span: Span): MapNode | undefined {
  const { steps, onKey } = nodePathAt(context.document.root, span[0]);
  const index = onKey ? steps.length - 1 : steps.length - 2;
  return asMap(steps[index]?.node);
}

const persistentInstead: Fixer = (finding, context) => {
  const type = scalarAt(context, finding.span);
  const volume = mapHolding(context, finding.span);
  if (!type || !volume) {
    return [];
  }
  // `sizeLimit` belongs to ephemeral storage only; a persistent claim has `size`.
  const sizeLimit = getPair(volume, 'sizeLimit');
  const edits = [
    replaceScalar(context.model, type, 'persistent-claim'),
    insertPairs(context, volume, {
      ...(getPair(volume, 'size') ? {} : { size: defaultStrimziVolumeSize }),
      deleteClaim: false,
    }),
    ...(sizeLimit ? [removePair(context, volume, sizeLimit)] : []),
  ];
  return quickFix(
    finding,
    `Use persistent-claim storage (${defaultStrimziVolumeSize}, deleteClaim: false)`,
    edits,
    true,
  );
};

const keepClaims: Fixer = (finding, context) => {
  const value = scalarAt(context, finding.span);
  return value
    ? quickFix(
        finding,
        'Set deleteClaim: false',
        [replaceScalar(context.model, value, false)],
        true,
      )
    : [];
};

const addVolumeId: Fixer = (finding, context) => {
  const id = finding.data?.id;
  const volume = mapHolding(context, finding.span);
  return typeof id === 'number' && volume && !getPair(volume, 'id')
    ? quickFix(finding, `Add id: ${id}`, [insertPairs(context, volume, { id })], true)
    : [];
};

const fixSize: Fixer = (finding, context) => {
  const suggestion = dataString(finding, 'suggestion');
  const scalar = scalarAt(context, finding.span);
  if (suggestion && scalar) {
    return quickFix(
      finding,
      `Change to '${suggestion}'`,
      [replaceScalar(context.model, scalar, suggestion)],
      true,
    );
  }
  const volume = mapHolding(context, finding.span);
  return volume && !getPair(volume, 'size')
    ? quickFix(
        finding,
        `Add size: ${defaultStrimziVolumeSize}`,
        [insertPairs(context, volume, { size: defaultStrimziVolumeSize })],
        true,
      )
    : [];
};

const addAnnotations: Fixer = (finding, context) => {
  const names = dataStrings(finding, 'annotations');
  const metadata = asMap(getIn(context.document.root, ['metadata']));
  if (names.length === 0 || !metadata) {
    return [];
  }
  const annotations = asMap(getIn(metadata, ['annotations']));
  let edits: FileEdit[];
  if (!annotations || annotations.pairs.length === 0) {
    edits = [
      setIn(
        context,
        metadata,
        ['annotations'],
        Object.fromEntries(names.map((n) => [n, 'enabled'])),
      ),
    ];
  } else {
    // An annotation written with another value (`disabled`) is replaced; missing ones are added.
    const absent = names.filter((name) => !getPair(annotations, name));
    edits = names.flatMap((name) => {
      const pair = getPair(annotations, name);
      return pair ? [replacePairValue(context, pair, 'enabled')] : [];
    });
    if (absent.length > 0) {
      edits.push(
        insertPairs(context, annotations, Object.fromEntries(absent.map((n) => [n, 'enabled']))),
      );
    }
  }
  return quickFix(
    finding,
    `Add ${names.map((name) => `${name}: enabled`).join(', ')}`,
    edits,
    true,
  );
};

const useSuggestion: Fixer = (finding, context) => {
  const suggestion = dataString(finding, 'suggestion');
  const scalar = scalarAt(context, finding.span);
  return suggestion && scalar
    ? quickFix(
        finding,
        `Change to '${suggestion}'`,
        [replaceScalar(context.model, scalar, suggestion)],
        true,
      )
    : [];
};

/** `data.replicas`: the replica counts to offer, the first preferred. */
const setReplicas: Fixer = (finding, context) => {
  const scalar = scalarAt(context, finding.span);
  const counts = Array.isArray(finding.data?.replicas)
    ? finding.data.replicas.filter((count): count is number => typeof count === 'number')
    : [];
  return scalar
    ? counts.flatMap((count, index) =>
        quickFix(
          finding,
          `Set replicas: ${count}`,
          [replaceScalar(context.model, scalar, count)],
          index === 0,
        ),
      )
    : [];
};

const setMinIsr: Fixer = (finding, context) => {
  const value = finding.data?.value;
  const scalar = scalarAt(context, finding.span);
  return typeof value === 'number' && scalar
    ? quickFix(finding, `Set to ${value}`, [replaceScalar(context.model, scalar, value)], true)
    : [];
};

export const strimziFixers: Readonly<Record<string, Fixer>> = {
  'strimzi-ephemeral-storage': persistentInstead,
  'strimzi-delete-claim': keepClaims,
  'strimzi-jbod-volume-id': addVolumeId,
  'strimzi-storage-size': fixSize,
  'strimzi-kraft-annotations': addAnnotations,
  'strimzi-cluster-not-found': useSuggestion,
  'strimzi-rack-topology-key': useSuggestion,
  'strimzi-controller-quorum': setReplicas,
  'strimzi-topic-replicas': setReplicas,
  'strimzi-min-isr': setMinIsr,
};
