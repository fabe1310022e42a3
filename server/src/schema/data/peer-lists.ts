// Settings whose value lists the members of a stateful ensemble, per image, in the format that
// image expects. Reviewed by hand; each entry names its source. Completion (features/peer-lists)
// generates the value from a StatefulSet, its headless Service, namespace, replicas and ports.

/** One peer host of the ensemble: its pod name, pod DNS name and ordinal. */
export interface PeerHost {
  readonly pod: string;
  readonly host: string;
  readonly ordinal: number;
}

export interface PeerListSetting {
  /** The environment variable. */
  readonly variable: string;
  /** Which image expects this format (matched against the container's image); undefined: any. */
  readonly image?: RegExp;
  /** Whose pods are listed: the StatefulSet being edited, or the ZooKeeper ensemble it uses. */
  readonly members: 'self' | 'zookeeper';
  /** The ports the format names, looked up by container port name, else these defaults. */
  readonly ports: readonly { readonly names: readonly string[]; readonly fallback: number }[];
  readonly format: (hosts: readonly PeerHost[], ports: readonly number[]) => string;
  /** One sentence for the completion's documentation: the format and where it comes from. */
  readonly about: string;
}

export const peerListSettings: readonly PeerListSetting[] = [
  {
    // Official image: https://hub.docker.com/_/zookeeper ("ZOO_SERVERS … server.id=<address1>:<port1>:<port2>[:role];[<client port address>:]<client port>",
    // docker-library/docs zookeeper/content.md). Ids start at 1 (ZOO_MY_ID must match).
    variable: 'ZOO_SERVERS',
    image: /^(docker\.io\/)?(library\/)?zookeeper(:|@|$)/,
    members: 'self',
    ports: [
      { names: ['peer', 'server', 'follower'], fallback: 2888 },
      { names: ['election', 'leader-election'], fallback: 3888 },
      { names: ['client'], fallback: 2181 },
    ],
    format: (hosts, [peer, election, client]) =>
      hosts
        .map((each) => `server.${each.ordinal + 1}=${each.host}:${peer}:${election};${client}`)
        .join(' '),
    about:
      'Official `zookeeper` image: space-separated `server.<id>=<host>:<peer>:<election>;<client>`, ids from 1 (docker-library/docs, zookeeper).',
  },
  {
    // Bitnami: https://github.com/bitnami/containers/tree/main/bitnami/zookeeper#configuration
    // ("ZOO_SERVERS: Comma, space or semi-colon separated list of servers … zookeeper1:2888:3888::1").
    variable: 'ZOO_SERVERS',
    image: /bitnami\/zookeeper/,
    members: 'self',
    ports: [
      { names: ['peer', 'server', 'follower'], fallback: 2888 },
      { names: ['election', 'leader-election'], fallback: 3888 },
    ],
    format: (hosts, [peer, election]) =>
      hosts.map((each) => `${each.host}:${peer}:${election}::${each.ordinal + 1}`).join(','),
    about:
      'Bitnami `zookeeper` image: comma-separated `<host>:<peer>:<election>::<id>`, ids from 1 (bitnami/containers, zookeeper README).',
  },
  {
    // apache/kafka image: KAFKA_* variables map to server.properties keys
    // (https://github.com/apache/kafka/blob/trunk/docker/examples/README.md);
    // controller.quorum.voters is `id@host:port,…` (Kafka docs, KRaft configuration).
    variable: 'KAFKA_CONTROLLER_QUORUM_VOTERS',
    members: 'self',
    ports: [{ names: ['controller'], fallback: 9093 }],
    format: (hosts, [port]) =>
      hosts.map((each) => `${each.ordinal}@${each.host}:${port}`).join(','),
    about:
      'apache/kafka (and confluentinc/cp-kafka) `controller.quorum.voters`: `<node id>@<host>:<controller port>,…`; the ids here are the pod ordinals, so KAFKA_NODE_ID must be derived the same way.',
  },
  {
    // Bitnami Kafka: KAFKA_CFG_<KEY> sets server.properties keys
    // (https://github.com/bitnami/containers/tree/main/bitnami/kafka#configuration).
    variable: 'KAFKA_CFG_CONTROLLER_QUORUM_VOTERS',
    members: 'self',
    ports: [{ names: ['controller'], fallback: 9093 }],
    format: (hosts, [port]) =>
      hosts.map((each) => `${each.ordinal}@${each.host}:${port}`).join(','),
    about:
      'Bitnami `kafka` image `controller.quorum.voters`: `<node id>@<host>:<controller port>,…`, ids as the pod ordinals.',
  },
  {
    // confluentinc/cp-kafka: KAFKA_ZOOKEEPER_CONNECT is zookeeper.connect, `host:port,…`
    // (https://docs.confluent.io/platform/current/installation/docker/config-reference.html).
    variable: 'KAFKA_ZOOKEEPER_CONNECT',
    members: 'zookeeper',
    ports: [{ names: ['client'], fallback: 2181 }],
    format: (hosts, [port]) => hosts.map((each) => `${each.host}:${port}`).join(','),
    about:
      '`zookeeper.connect` (Kafka ≤ 3.x): comma-separated `<host>:<client port>` of the ensemble.',
  },
  {
    // Bitnami Kafka ≤ 3.x: KAFKA_CFG_ZOOKEEPER_CONNECT (bitnami/containers, kafka README).
    variable: 'KAFKA_CFG_ZOOKEEPER_CONNECT',
    members: 'zookeeper',
    ports: [{ names: ['client'], fallback: 2181 }],
    format: (hosts, [port]) => hosts.map((each) => `${each.host}:${port}`).join(','),
    about:
      'Bitnami `kafka` `zookeeper.connect`: comma-separated `<host>:<client port>` of the ensemble.',
  },
  {
    // Official cassandra image: CASSANDRA_SEEDS is "a comma-separated list of IP addresses or
    // hostnames" (docker-library/docs, cassandra/content.md). The Kubernetes StatefulSet tutorial
    // seeds the ring with the first pod, cassandra-0.cassandra.default.svc.cluster.local
    // (kubernetes/website, content/en/examples/application/cassandra/cassandra-statefulset.yaml).
    variable: 'CASSANDRA_SEEDS',
    members: 'self',
    ports: [],
    format: (hosts) =>
      hosts
        .slice(0, 1)
        .map((each) => each.host)
        .join(','),
    about:
      'Official `cassandra` image: comma-separated seed hosts; the first pod, as in the Kubernetes Cassandra StatefulSet tutorial (a seed does not bootstrap, so list few).',
  },
  {
    // Elasticsearch reads settings from environment variables named like the setting
    // (elastic.co, "Install Elasticsearch with Docker", docker-compose example):
    // cluster.initial_master_nodes lists node names, which are the pod names when node.name
    // comes from metadata.name (elastic/helm-charts, elasticsearch/templates/statefulset.yaml).
    variable: 'cluster.initial_master_nodes',
    image: /elasticsearch/,
    members: 'self',
    ports: [],
    format: (hosts) => hosts.map((each) => each.pod).join(','),
    about:
      'Elasticsearch `cluster.initial_master_nodes`: comma-separated node names; these are the pod names, so `node.name` must come from `metadata.name`. Only for the first start of a new cluster.',
  },
  {
    // discovery.seed_hosts: "a list of … addresses of the master-eligible nodes", host or
    // host:port, default transport port 9300 (elastic.co, "Discovery and cluster formation settings").
    variable: 'discovery.seed_hosts',
    image: /elasticsearch/,
    members: 'self',
    ports: [],
    format: (hosts) => hosts.map((each) => each.host).join(','),
    about:
      'Elasticsearch `discovery.seed_hosts`: comma-separated addresses of the master-eligible nodes (the transport port 9300 is the default).',
  },
];

/** The container an address is generated for: its literal env values and its ports. */
export interface AddressContainer {
  readonly env: ReadonlyMap<string, string>;
  readonly ports: readonly { readonly name?: string; readonly containerPort?: number }[];
}

/**
 * Settings whose value names the pod itself (the address its peers or clients use). The pod
 * template is shared by every replica, so the value uses Kubernetes' `$(VAR)` expansion of an
 * earlier env variable holding `metadata.name` ("Define Dependent Environment Variables",
 * kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/).
 */
export interface PodAddressSetting {
  readonly variable: string;
  readonly image?: RegExp;
  /** The value for the pod whose DNS name is `host`; undefined when there is nothing to offer. */
  readonly format: (host: string, container: AddressContainer) => string | undefined;
  readonly about: string;
}

/** `NAME://host:port` entries of a Kafka `listeners` value (hosts may be empty or 0.0.0.0). */
function parseListeners(value: string): { name: string; port: string }[] {
  return value.split(',').flatMap((entry) => {
    const match = /^\s*([A-Za-z0-9_]+):\/\/[^,]*:(\d+)\s*$/.exec(entry);
    return match ? [{ name: match[1]!, port: match[2]! }] : [];
  });
}

/**
 * `advertised.listeners` for a Kafka image whose variables carry `prefix`: every listener of
 * `listeners` except the controller ones (KRaft controllers are reached through the voters, not
 * advertised) and external ones (their address is outside the cluster), at the pod's DNS name.
 * Without `listeners`, Kafka's default single PLAINTEXT listener on 9092.
 */
function advertisedListeners(prefix: string): PodAddressSetting['format'] {
  return (host, { env, ports }) => {
    const declared = env.get(`${prefix}LISTENERS`);
    const controllers = new Set(
      (env.get(`${prefix}CONTROLLER_LISTENER_NAMES`) ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    );
    const fallbackPort = ports.find((port) =>
      ['kafka', 'broker', 'plaintext', 'client'].includes(port.name ?? ''),
    )?.containerPort;
    const listeners = declared
      ? parseListeners(declared)
      : [{ name: 'PLAINTEXT', port: String(fallbackPort ?? 9092) }];
    const advertised = listeners.filter(
      (listener) => !controllers.has(listener.name) && !/EXTERNAL/i.test(listener.name),
    );
    return advertised.length > 0
      ? advertised.map((listener) => `${listener.name}://${host}:${listener.port}`).join(',')
      : undefined;
  };
}

export const podAddressSettings: readonly PodAddressSetting[] = [
  {
    // apache/kafka: KAFKA_<KEY> sets the server.properties key
    // (apache/kafka, docker/examples/README.md); confluentinc/cp-kafka converts the same way
    // (docs.confluent.io, "Docker Image Configuration Reference": prefix KAFKA_, `.` → `_`).
    variable: 'KAFKA_ADVERTISED_LISTENERS',
    format: advertisedListeners('KAFKA_'),
    about:
      'apache/kafka and confluentinc/cp-kafka `advertised.listeners`: `<LISTENER>://<this pod>.<headless Service>.<namespace>.svc.cluster.local:<port>` for each non-controller, non-external listener of `KAFKA_LISTENERS`; the pod name comes from an earlier env variable set from `metadata.name`.',
  },
  {
    // Bitnami Kafka: KAFKA_CFG_<KEY> sets the server.properties key
    // (bitnami/containers, bitnami/kafka/README.md, "Configuration").
    variable: 'KAFKA_CFG_ADVERTISED_LISTENERS',
    format: advertisedListeners('KAFKA_CFG_'),
    about:
      'Bitnami `kafka` `advertised.listeners`: `<LISTENER>://<this pod>.<headless Service>.<namespace>.svc.cluster.local:<port>` for each non-controller, non-external listener of `KAFKA_CFG_LISTENERS`; the pod name comes from an earlier env variable set from `metadata.name`.',
  },
  {
    // Official rabbitmq image and the RabbitMQ cluster operator: RABBITMQ_NODENAME
    // `rabbit@$(MY_POD_NAME).<headless>.<namespace>` with RABBITMQ_USE_LONGNAME=true
    // (rabbitmq/cluster-operator, internal/resource/statefulset.go).
    variable: 'RABBITMQ_NODENAME',
    format: (host) => `rabbit@${host}`,
    about:
      'RabbitMQ node name `rabbit@<this pod>.<headless Service>.<namespace>.svc.cluster.local`, as the RabbitMQ cluster operator sets it; needs `RABBITMQ_USE_LONGNAME=true`.',
  },
  {
    // Bitnami rabbitmq: RABBITMQ_NODE_NAME (bitnami/charts, bitnami/rabbitmq/templates/statefulset.yaml:
    // `rabbit@$(MY_POD_NAME).$(K8S_SERVICE_NAME).$(MY_POD_NAMESPACE).svc.<cluster domain>`).
    variable: 'RABBITMQ_NODE_NAME',
    image: /bitnami\/rabbitmq/,
    format: (host) => `rabbit@${host}`,
    about:
      'Bitnami `rabbitmq` node name `rabbit@<this pod>.<headless Service>.<namespace>.svc.cluster.local`, as the Bitnami chart sets it.',
  },
];
