// Value proposals for a scalar field (or an item of a list of scalars): allowed values from the
// data table, `true`/`false` for booleans, and common values such as well-known topology keys.
import type { Span } from '../../model';
import type { FieldSchema, FieldType } from '../../schema';
import { describeType } from '../../schema';
import type { CompletionProposal, ProposalKind } from './types';

/** Where a value goes and what surrounds it. */
export interface ValueSlot {
  readonly replace: Span;
  /** Values already in the list, when the slot is an item of one (never proposed twice). */
  readonly existingItems: ReadonlySet<string>;
  readonly needsSpace: boolean;
  readonly quoted: boolean;
  /** Written before the value: `- ` when the value starts a new list item. */
  readonly itemMarker?: string;
}

export interface ValueChoice {
  readonly value: string;
  readonly kind: ProposalKind;
  readonly detail?: string;
  readonly documentation?: string;
}

/** The values we know for a field whose (item) type is `type`. */
export function fieldValueChoices(field: FieldSchema | undefined, type: FieldType): ValueChoice[] {
  if (type.kind !== 'primitive') {
    return [];
  }
  const choices: ValueChoice[] = [];
  const source = field ? `\`${field.name}\` (${describeType(field.type)})` : undefined;
  for (const value of field?.enum ?? []) {
    choices.push({
      value,
      kind: 'enum',
      detail: 'allowed value',
      ...(source ? { documentation: `Allowed value of ${source}.` } : {}),
    });
  }
  if (type.type === 'boolean') {
    choices.push({ value: 'true', kind: 'keyword' }, { value: 'false', kind: 'keyword' });
  }
  const listed = new Set(choices.map((choice) => choice.value));
  for (const value of field?.suggestions ?? []) {
    if (!listed.has(value)) {
      choices.push({ value, kind: 'value', detail: 'common value' });
    }
  }
  return choices;
}

/** Turns choices into proposals, keeping their order and skipping values already listed. */
export function valueProposals(
  slot: ValueSlot,
  choices: readonly ValueChoice[],
  stringType: boolean,
): CompletionProposal[] {
  const proposals: CompletionProposal[] = [];
  const seen = new Set<string>();
  choices.forEach((choice, index) => {
    if (slot.existingItems.has(choice.value) || seen.has(choice.value)) {
      return;
    }
    seen.add(choice.value);
    const written = stringType && !slot.quoted ? quoteIfNeeded(choice.value) : choice.value;
    proposals.push({
      // An empty string is a real value (`storageClassName: ""` turns dynamic provisioning off).
      label: choice.value === '' ? '""' : choice.value,
      kind: choice.kind,
      ...(choice.detail ? { detail: choice.detail } : {}),
      ...(choice.documentation ? { documentation: choice.documentation } : {}),
      insertText: `${slot.needsSpace ? ' ' : ''}${slot.itemMarker ?? ''}${written}`,
      sortText: String(index).padStart(4, '0'),
      filterText: choice.value === '' ? '""' : choice.value,
      replace: slot.replace,
    });
  });
  return proposals;
}

/**
 * Quotes a string that YAML would otherwise read as something else (`true`, `1.0`, `null`) or
 * could not read at all (`a: b`, `#x`).
 */
export function quoteIfNeeded(value: string): string {
  const special =
    /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*)?\.?\d[\d_]*(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|\.inf|\.nan)$/i;
  if (value === '' || special.test(value) || /^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|\s$/.test(value)) {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }
  return value;
}
