// Keys of free-form maps that still have well-known keys: resource names under maps of
// quantities (`limits`, `requests`, `hard`) and StorageClass `parameters` of the provisioner.
import { getIn, scalarText } from '../../model';
import type { FieldSchema, KindInfo, ResolvedNode } from '../../schema';
import { resourceNameMeaning, resourceNames, storageClassParameters } from '../../schema';
import type { CompletionContext, KeyContext } from './context';
import { keyProposals } from './key-items';
import { rootLine } from './kind-items';
import type { CompletionProposal } from './types';
import type { ValueChoice } from './value-items';

const quantity = { kind: 'primitive', type: 'quantity' } as const;

/** Resource names people write in container resources, LimitRanges and Pod overhead. */
const computeResources = ['cpu', 'memory', 'ephemeral-storage', 'hugepages-2Mi', 'hugepages-1Gi'];

export function mapKeyProposals(
  context: KeyContext,
  resolved: ResolvedNode,
  kindInfo: KindInfo | undefined,
): CompletionProposal[] {
  if (resolved.type.kind !== 'map') {
    return [];
  }
  const values = resolved.type.values;
  if (values.kind === 'primitive' && values.type === 'quantity') {
    return keyProposals(context, resourceFields(resolved), { root: false });
  }
  if (isStorageParameters(kindInfo, context)) {
    return keyProposals(context, parameterFields(context), { root: false });
  }
  return [];
}

/** Which resource names fit a map of quantities, by the object that declares it. */
function resourceFields(resolved: ResolvedNode): FieldSchema[] {
  const owner = `${resolved.parent?.name ?? ''}.${resolved.field?.name ?? ''}`;
  let names: readonly string[];
  if (/^V1(VolumeResourceRequirements|PersistentVolumeSpec)\./.test(owner)) {
    names = ['storage'];
  } else if (/^V1ResourceQuota(Spec|Status)\./.test(owner)) {
    names = Object.keys(resourceNames).filter((name) => name !== 'nvidia.com/gpu');
  } else {
    names = computeResources;
  }
  return names.map((name) => ({
    name,
    type: quantity,
    description: resourceNameMeaning(name) ?? '',
    required: false,
    readOnly: false,
  }));
}

function parameterFields(context: CompletionContext): FieldSchema[] {
  const parameters = storageClassParameters(provisionerOf(context) ?? '');
  return Object.entries(parameters).map(([name, parameter]) => ({
    name,
    type: { kind: 'primitive', type: 'string' },
    description: parameter.description,
    required: false,
    readOnly: false,
    ...(parameter.values ? { suggestions: parameter.values } : {}),
  }));
}

/** Values of a StorageClass parameter (`parameters.type: gp3`) from the provisioner's table. */
export function storageParameterChoices(
  context: CompletionContext,
  kindInfo: KindInfo | undefined,
): ValueChoice[] {
  if (context.target !== 'value' || context.path.length !== 2) {
    return [];
  }
  if (!isStorageParameters(kindInfo, { path: context.path.slice(0, 1) })) {
    return [];
  }
  const parameter = storageClassParameters(provisionerOf(context) ?? '')[String(context.path[1])];
  return (parameter?.values ?? []).map((value) => ({
    value,
    kind: 'value',
    detail: 'common value',
  }));
}

function isStorageParameters(
  kindInfo: KindInfo | undefined,
  context: Pick<CompletionContext, 'path'>,
): boolean {
  return (
    kindInfo?.kind === 'StorageClass' &&
    context.path.length === 1 &&
    context.path[0] === 'parameters'
  );
}

function provisionerOf(context: CompletionContext): string | undefined {
  const { model, document } = context;
  return (
    scalarText(getIn(document.root, ['provisioner'])) ??
    rootLine(model, document, 'provisioner', -1)?.value
  );
}
