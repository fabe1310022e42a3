// Strimzi manifests for the quick-fix tests of the strimzi-* rules: a KafkaNodePool and a Kafka,
// with the parts the tests vary as parameters.

export const nodePool = (
  storage: string,
  replicas = 3,
  name = 'broker',
  cluster = 'my-cluster',
): string =>
  `apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: ${name}
  labels:
    strimzi.io/cluster: ${cluster}
spec:
  replicas: ${replicas}
  roles: [broker]
  storage:
${storage}`;

export const kafkaCluster = (
  metadata = '',
  spec = '',
): string => `apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: my-cluster
${metadata}spec:
  kafka:
    version: 3.9.0
    listeners:
      - name: plain
        port: 9092
        type: internal
        tls: false
${spec}`;
