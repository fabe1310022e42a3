// The quick fix of api-removed: the api-version fixer it shares with api-deprecated.
export { useReplacement as fix } from '../quick-fix/api-version';
