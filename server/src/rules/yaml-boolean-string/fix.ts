// The quick fix of yaml-boolean-string: the schema fixer it shares with schema-type.
export { quoteScalar as fix } from '../quick-fix/schema';
