// Settings whose value lists the members of a stateful ensemble, per image, in the format that
// image expects. Reviewed by hand; each entry names its source. Completion (features/peer-lists)
// generates the value from a StatefulSet, its headless Service, namespace, replicas and ports.

/** One peer host of the ensemble: its pod DNS name and ordinal. */
export interface PeerHost {
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
];
