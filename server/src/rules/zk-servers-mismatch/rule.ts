// zk-servers-mismatch: the server list of a ZooKeeper StatefulSet (ZOO_SERVERS, ZK_REPLICAS or
// `--servers`) must list exactly its pods, by the stable DNS names of its governing Service, in
// its own namespace; otherwise the extra pods never join and the ensemble cannot form.
import { getIn, scalarText } from '../../model';
import type { Span } from '../../model';
import type { Rule, RuleContext, RuleFinding } from '../types';
import type { Setting } from '../support/kafka-settings';
import { settingNumber, zookeeperSettings } from '../support/kafka-settings';
import { commandScalars, softwareContainers } from '../support/stateful-software';
import { replicasOf } from '../support/workload';

interface ServerEntry {
  readonly id: string;
  readonly host: string;
  readonly span: Span;
}

/**
 * The entries of a ZOO_SERVERS value, each with its span in the file: `server.N=host:…` (the
 * official image), else Bitnami's `host:peer:election[::id]` separated by commas, spaces or
 * semicolons (bitnami/containers, zookeeper README), which has no `server.` prefix.
 */
function serverEntries(setting: Setting, text: string): ServerEntry[] {
  const source = text.slice(setting.span[0], setting.span[1]);
  const at = (index: number, length: number): Span => [
    setting.span[0] + index,
    setting.span[0] + index + length,
  ];
  const official = [...source.matchAll(/server\.(\d+)=([^:\s'"]+)[^\s'"]*/g)].map((match) => ({
    id: match[1]!,
    host: match[2]!,
    span: at(match.index, match[0].length),
  }));
  if (official.length > 0) {
    return official;
  }
  return [...source.matchAll(/([^\s,;:'"]+):\d+:\d+(?:::(\d+))?/g)].map((match, index) => ({
    id: match[2] ?? String(index + 1),
    host: match[1]!,
    span: at(match.index, match[0].length),
  }));
}

function countMessage(listed: number, replicas: number, what: string): string {
  const fix = `List exactly the ${replicas} pods, or change the replicas to ${listed}.`;
  return listed < replicas
    ? `${what} has ${listed} server${listed === 1 ? '' : 's'} but the StatefulSet runs ${replicas} replicas: the pods beyond the list never join the ensemble. ${fix}`
    : `${what} has ${listed} servers but the StatefulSet runs ${replicas} replicas: the ensemble waits for servers that do not exist and may never reach a majority. ${fix}`;
}

function checkHosts(
  context: RuleContext,
  entries: readonly ServerEntry[],
  replicas: number,
): RuleFinding[] {
  const name = scalarText(getIn(context.document.root, ['metadata', 'name']));
  const service = scalarText(getIn(context.document.root, ['spec', 'serviceName']));
  if (!name || !service) {
    return [];
  }
  const findings: RuleFinding[] = [];
  for (const entry of entries) {
    const [pod, governing, namespace, svc] = entry.host.split('.');
    const ordinal = pod?.startsWith(`${name}-`) ? Number(pod.slice(name.length + 1)) : NaN;
    const expected = `${name}-<n>.${service}.${context.namespace}.svc.cluster.local`;
    if (!Number.isInteger(ordinal) || governing !== service) {
      findings.push({
        span: entry.span,
        message: `server.${entry.id} names ${entry.host}, which is not a pod of this StatefulSet: its pods are ${expected} (the governing Service is ${service}).`,
      });
    } else if (ordinal >= replicas) {
      findings.push({
        span: entry.span,
        message: `server.${entry.id} names ${pod}, but the StatefulSet has only ${replicas} replicas (${name}-0 … ${name}-${replicas - 1}).`,
      });
    } else if (
      namespace !== undefined &&
      (svc === 'svc' || svc === undefined) &&
      namespace !== context.namespace
    ) {
      findings.push({
        span: entry.span,
        message: `server.${entry.id} names ${entry.host} in namespace ${namespace}, but this StatefulSet is in namespace ${context.namespace}: the name does not resolve to its pod. Use ${expected}.`,
      });
    }
  }
  return findings;
}

/** `--servers=3` / `--servers 3` of the k8s.io tutorial's start-zookeeper script. */
function serversFlag(
  context: RuleContext,
  container: Parameters<typeof commandScalars>[0],
): { value: number; span: Span } | undefined {
  for (const node of commandScalars(container)) {
    const source = context.model.text.slice(node.span[0], node.span[1]);
    const match = /--servers[=\s]+(\d+)/.exec(source);
    if (match) {
      const start = node.span[0] + match.index + match[0].length - match[1]!.length;
      return { value: Number(match[1]), span: [start, start + match[1]!.length] };
    }
  }
  return undefined;
}

export const zkServersMismatch: Rule = {
  id: 'zk-servers-mismatch',
  defaultSeverity: 'error',
  description:
    "A ZooKeeper StatefulSet whose server list does not match its replicas or its pods' DNS names.",
  noQuickFix:
    'the server list is usually built by a script or a configuration template, not one YAML value',
  check(context) {
    const { document, model } = context;
    const found =
      document.kind === 'StatefulSet' ? softwareContainers(document, 'zookeeper') : undefined;
    const replicas = replicasOf(document);
    if (!found || !replicas) {
      return [];
    }
    const findings: RuleFinding[] = [];
    for (const container of found.containers) {
      const settings = zookeeperSettings(container.node, model.text);
      const servers = settings.get('ZOO_SERVERS');
      if (servers && !servers.dynamic) {
        const entries = serverEntries(servers, model.text);
        if (entries.length !== replicas) {
          findings.push({
            span: servers.span,
            message: countMessage(entries.length, replicas, 'ZOO_SERVERS'),
          });
        }
        findings.push(...checkHosts(context, entries, replicas));
      }
      const declared = settings.get('ZK_REPLICAS');
      const declaredCount = settingNumber(declared);
      if (declared && declaredCount !== undefined && declaredCount !== replicas) {
        findings.push({
          span: declared.span,
          message: countMessage(declaredCount, replicas, 'ZK_REPLICAS'),
        });
      }
      const flag = serversFlag(context, container.node);
      if (flag && flag.value !== replicas) {
        findings.push({
          span: flag.span,
          message: countMessage(flag.value, replicas, '--servers'),
        });
      }
    }
    return findings;
  },
};
