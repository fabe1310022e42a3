// The Strimzi index facts of the document being checked, read from its own model, so rules see
// the current text even before the index has caught up with an edit.
import type { StrimziFacts } from '../index-view';
import type { RuleContext } from '../types';
import { currentObject } from './locate';
import { strimziKindOf } from './strimzi';
import { readStrimziFacts } from './strimzi-facts';

export function currentStrimzi(context: RuleContext): StrimziFacts | undefined {
  const object = currentObject(context);
  return object && strimziKindOf(object)
    ? readStrimziFacts(object, context.model, context.document)
    : undefined;
}
