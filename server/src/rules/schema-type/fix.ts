// The quick fix of schema-type: the schema fixer it shares with yaml-boolean-string.
export { quoteScalar as fix } from '../quick-fix/schema';
