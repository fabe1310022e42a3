// The size of a ZooKeeper ensemble as its configuration lists it (`server.N` lines of a mounted
// zoo.cfg / zookeeper.properties, or the official image's ZOO_SERVERS), which may span several
// StatefulSets (3 persistent + 2 ephemeral servers), unlike one workload's replica count.
import type { ConfigMapFacts, WorkloadFacts } from '../index-view';
import { parseProperties, zookeeperFile } from './config-files';
import type { Setting } from './kafka-settings';

/** `server.1=zk-0.zk:2888:3888;2181 server.2=…` → the hosts of the entries. */
function zooServerHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .filter((entry) => /^server\.\d+=/.test(entry))
    .map((entry) => entry.slice(entry.indexOf('=') + 1));
}

/**
 * The size of the ensemble when its server list names servers of other workloads too (one
 * ensemble over several StatefulSets); undefined when there is no list or it names only pods of
 * `workloadName`, where the replica count is what counts (zk-servers-mismatch compares the two).
 */
function spanningSize(hosts: readonly string[], workloadName: string): number | undefined {
  const own = new RegExp(`^${workloadName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+(?:[.:]|$)`);
  return hosts.length > 0 && hosts.some((host) => !own.test(host)) ? hosts.length : undefined;
}

/** From settings read the usual way (file settings and the container's env). */
export function ensembleSizeOfSettings(
  fileSettings: ReadonlyMap<string, Setting>,
  env: ReadonlyMap<string, Setting>,
  workloadName: string,
): number | undefined {
  const fromFile = [...fileSettings.entries()]
    .filter(([key]) => /^server\.\d+$/.test(key))
    .map(([, setting]) => setting.value ?? '');
  const hosts = fromFile.length > 0 ? fromFile : zooServerHosts(env.get('ZOO_SERVERS')?.value);
  return spanningSize(hosts, workloadName);
}

/** From the workspace facts of a workload (for rules that check another object, e.g. a PDB). */
export function ensembleSizeOfWorkload(
  workload: WorkloadFacts,
  configMaps: readonly ConfigMapFacts[],
): number | undefined {
  const mounted = new Set(workload.configMapVolumes ?? []);
  const servers = new Map<string, string>();
  for (const configMap of configMaps) {
    if (!mounted.has(configMap.name)) {
      continue;
    }
    for (const file of configMap.files) {
      if (!zookeeperFile.test(file.key)) {
        continue;
      }
      for (const property of parseProperties(file.text)) {
        if (/^server\.\d+$/.test(property.key)) {
          servers.set(property.key, property.value);
        }
      }
    }
  }
  if (servers.size > 0) {
    return spanningSize([...servers.values()], workload.name);
  }
  for (const container of workload.containers) {
    const hosts = zooServerHosts(container.env.find((env) => env.name === 'ZOO_SERVERS')?.value);
    if (hosts.length > 0) {
      return spanningSize(hosts, workload.name);
    }
  }
  return undefined;
}
