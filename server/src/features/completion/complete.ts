// Schema completion: routes the document under the cursor, analyses the position, and asks the
// key, value or kind proposers for items. Only the document under the cursor is looked at.
import type { FileModel } from '../../model';
import { documentAt, getIn, scalarText } from '../../model';
import type { KubeStatefulSettings } from '../../protocol';
import type { FieldSchema, KindInfo, ResolvedNode, Schema } from '../../schema';
import { fieldsOf, resolvePath } from '../../schema';
import type { CompletionContext, KeyContext, ValueContext } from './context';
import { analyzeContext } from './context';
import { kindInfoOf } from '../document-kind';
import { completeKustomization, isKustomizationAt } from '../kustomization';
import { keyProposals } from './key-items';
import { apiVersionProposals, kindProposals } from './kind-items';
import { mapKeyProposals, storageParameterChoices } from './map-keys';
import { routeOf } from './routing';
import type { CompletionProposal } from './types';
import type { ValueChoice, ValueSlot } from './value-items';
import { fieldValueChoices, valueProposals } from './value-items';

/** Completion proposals at `offset`; empty for documents that are not ours. */
export function complete(
  model: FileModel,
  offset: number,
  schema: Schema,
  settings: KubeStatefulSettings,
): CompletionProposal[] {
  const document = documentAt(model, offset);
  if (isKustomizationAt(model, document)) {
    return completeKustomization(model, offset);
  }
  const route = routeOf(model, document, offset);
  if (route === 'none') {
    return [];
  }
  const context = analyzeContext(model, document, offset);
  if (!context) {
    return [];
  }
  const kindInfo = route === 'kubernetes' ? kindInfoOf(schema, document) : undefined;
  const request: Request = { context, schema, kindInfo, settings };
  return context.target === 'key' ? completeKey(request, context) : completeValue(request, context);
}

interface Request {
  readonly context: CompletionContext;
  readonly schema: Schema;
  readonly kindInfo: KindInfo | undefined;
  readonly settings: KubeStatefulSettings;
}

function completeKey(request: Request, context: KeyContext): CompletionProposal[] {
  const { schema, kindInfo } = request;
  const resolved = resolvePath(schema, kindInfo, context.path);
  if (!resolved) {
    return [];
  }
  const type = resolved.type;
  if (type.kind === 'object') {
    return keyProposals(context, fieldsOf(schema, resolved), { root: context.path.length === 0 });
  }
  if (type.kind === 'map') {
    return mapKeyProposals(context, resolved, kindInfo);
  }
  if (type.kind === 'array' && !context.flow && !context.hasColon) {
    // Right under a list key without a `- ` yet: propose items with their marker.
    const items = type.items;
    if (items.kind === 'object') {
      const fields = fieldsOf(schema, items);
      return keyProposals({ ...context, existingKeys: new Set() }, fields, {
        root: false,
        itemMarker: '- ',
      });
    }
    const slot: ValueSlot = { ...slotOf(context), itemMarker: '- ' };
    return valueProposals(slot, valueChoices(request, resolved.field, items), true);
  }
  if (type.kind === 'primitive' && context.inNewItem) {
    // `- Rea|` in a list of scalars is a value, not a key.
    return valueProposals(slotOf(context), valueChoices(request, resolved.field, type), true);
  }
  return [];
}

function completeValue(request: Request, context: ValueContext): CompletionProposal[] {
  const { schema, kindInfo } = request;
  if (context.path.length === 1 && context.path[0] === 'kind') {
    return kindProposals(context, schema);
  }
  if (context.path.length === 1 && context.path[0] === 'apiVersion') {
    return apiVersionProposals(context, schema);
  }
  const resolved = resolvePath(schema, kindInfo, context.path);
  if (resolved?.type.kind !== 'primitive') {
    return [];
  }
  const stringType = resolved.type.type !== 'boolean';
  return valueProposals(
    slotOf(context),
    valueChoices(request, resolved.field, resolved.type),
    stringType,
  );
}

function slotOf(context: CompletionContext): ValueSlot {
  return {
    replace: context.replace,
    existingItems: context.existingItems,
    needsSpace: context.target === 'value' && context.needsSpace,
    quoted: context.quoted,
  };
}

/** The field's own values, plus values found in the file for fields that name other objects. */
function valueChoices(
  request: Request,
  field: FieldSchema | undefined,
  type: ResolvedNode['type'],
): ValueChoice[] {
  const choices = fieldValueChoices(field, type);
  if (field?.name === 'storageClassName') {
    for (const name of storageClassNames(request)) {
      choices.push({ value: name, kind: 'value', detail: 'StorageClass' });
    }
  }
  choices.push(...storageParameterChoices(request.context, request.kindInfo));
  return choices;
}

/** StorageClasses defined in this file, then the ones the settings say the clusters have. */
function storageClassNames(request: Request): string[] {
  const names: string[] = [];
  for (const document of request.context.model.documents) {
    if (document.kind === 'StorageClass') {
      const name = scalarText(getIn(document.root, ['metadata', 'name']));
      if (name) {
        names.push(name);
      }
    }
  }
  return [...names, ...request.settings.knownStorageClasses];
}
