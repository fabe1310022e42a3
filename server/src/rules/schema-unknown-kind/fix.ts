// The quick fix of schema-unknown-kind: the schema fixer it shares with invalid-quantity.
export { useSuggestion as fix } from '../quick-fix/schema';
