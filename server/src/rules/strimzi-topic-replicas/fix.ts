// The quick fix of strimzi-topic-replicas: the strimzi fixer it shares with strimzi-controller-quorum.
export { setReplicas as fix } from '../quick-fix/strimzi';
