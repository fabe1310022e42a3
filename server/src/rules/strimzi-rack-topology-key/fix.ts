// The quick fix of strimzi-rack-topology-key: the strimzi fixer it shares with strimzi-cluster-not-found.
export { useSuggestion as fix } from '../quick-fix/strimzi';
