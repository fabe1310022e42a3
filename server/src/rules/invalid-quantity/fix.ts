// The quick fix of invalid-quantity: the schema fixer it shares with schema-unknown-kind.
export { useSuggestion as fix } from '../quick-fix/schema';
