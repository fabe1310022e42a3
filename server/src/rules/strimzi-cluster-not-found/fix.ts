// The quick fix of strimzi-cluster-not-found: the strimzi fixer it shares with strimzi-rack-topology-key.
export { useSuggestion as fix } from '../quick-fix/strimzi';
