// The quick fix of strimzi-controller-quorum: the strimzi fixer it shares with strimzi-topic-replicas.
export { setReplicas as fix } from '../quick-fix/strimzi';
