// The quick fix of api-deprecated: the api-version fixer it shares with api-removed.
export { useReplacement as fix } from '../quick-fix/api-version';
