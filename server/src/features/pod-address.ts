// Completion of a pod's own address (KAFKA_ADVERTISED_LISTENERS, RABBITMQ_NODENAME, …): the
// value every replica of a StatefulSet shares, naming each pod through Kubernetes' `$(VAR)`
// expansion of an env variable set from `metadata.name`, at its headless Service's DNS name.
import type { DocumentModel, YamlNode } from '../model';
import { asMap, getIn, getValue, scalarNumber, scalarText, seqItems } from '../model';
import type { WorkloadFacts } from '../rules/index-view';
import type { AddressContainer, PodAddressSetting } from '../schema/data/peer-lists';
import { podAddressSettings } from '../schema/data/peer-lists';
import type { ProposalEdit } from './completion';
import { clusterDomain } from './inlay-hints';

/** The variable an earlier env entry gets when none holds the pod name yet. */
export const podNameVariable = 'POD_NAME';

/** The setting whose format applies to `variable` in a container running `image`. */
export function podAddressSettingFor(
  variable: string,
  image: string | undefined,
): PodAddressSetting | undefined {
  const candidates = podAddressSettings.filter((setting) => setting.variable === variable);
  return (
    candidates.find(
      (setting) => setting.image !== undefined && image !== undefined && setting.image.test(image),
    ) ?? candidates.find((setting) => setting.image === undefined)
  );
}

/** The name of an env entry before `before` whose value is the pod's `metadata.name`. */
function podNameEntry(entries: readonly YamlNode[], before: number): string | undefined {
  return entries
    .slice(0, before)
    .map((entry) =>
      scalarText(getIn(entry, ['valueFrom', 'fieldRef', 'fieldPath'])) === 'metadata.name'
        ? scalarText(getValue(entry, 'name'))
        : undefined,
    )
    .find((name) => name !== undefined);
}

/** Literal env values and the ports of the container that holds `envPath`. */
function containerOf(document: DocumentModel, containerPath: readonly (string | number)[]) {
  const container = getIn(document.root, containerPath);
  const env = new Map<string, string>();
  for (const entry of seqItems(getValue(container, 'env'))) {
    const name = scalarText(getValue(entry, 'name'));
    const value = scalarText(getValue(entry, 'value'));
    if (name !== undefined && value !== undefined) {
      env.set(name, value);
    }
  }
  const ports = seqItems(getValue(container, 'ports')).map((port) => {
    const name = scalarText(getValue(port, 'name'));
    const containerPort = scalarNumber(getValue(port, 'containerPort'));
    return {
      ...(name !== undefined ? { name } : {}),
      ...(containerPort !== undefined ? { containerPort } : {}),
    };
  });
  return { env, ports } satisfies AddressContainer;
}

export interface PodAddressValue {
  readonly value: string;
  /** The env entry holding the pod name, to insert before the edited entry when missing. */
  readonly insertPodName?: ProposalEdit;
}

/**
 * The value of `setting` at the env entry `path` (`[…, 'env', i, 'value']`) of a StatefulSet's
 * container, or undefined when the StatefulSet has no Service to name its pods by.
 */
export function podAddressValue(
  setting: PodAddressSetting,
  statefulSet: WorkloadFacts,
  document: DocumentModel,
  text: string,
  path: readonly (string | number)[],
): PodAddressValue | undefined {
  const service = statefulSet.serviceName;
  const position = path.at(-2);
  if (statefulSet.kind !== 'StatefulSet' || !service || typeof position !== 'number') {
    return undefined;
  }
  const envNode = getIn(document.root, path.slice(0, -2));
  const entries = seqItems(envNode);
  const existing = podNameEntry(entries, position);
  const variable = existing ?? podNameVariable;
  const host = `$(${variable}).${service}.${statefulSet.namespace}.svc.${clusterDomain}`;
  const value = setting.format(host, containerOf(document, path.slice(0, -3)));
  if (value === undefined) {
    return undefined;
  }
  if (existing) {
    return { value };
  }
  // `$(POD_NAME)` expands only if POD_NAME is defined earlier in the same list, so the proposal
  // brings that entry along, just above the edited one (block style only: a flow list would
  // need its own rendering).
  const entry = entries[position];
  const flow = (envNode as { flow?: boolean } | undefined)?.flow;
  if (!entry || flow || !asMap(entry)) {
    return undefined;
  }
  const lineStart = text.lastIndexOf('\n', entry.span[0] - 1) + 1;
  const dash = text.lastIndexOf('-', entry.span[0]);
  if (dash < lineStart || text.slice(lineStart, dash).trim() !== '') {
    return undefined;
  }
  const indent = ' '.repeat(dash - lineStart);
  const newText = [
    `${indent}- name: ${podNameVariable}`,
    `${indent}  valueFrom:`,
    `${indent}    fieldRef:`,
    `${indent}      fieldPath: metadata.name`,
    '',
  ].join('\n');
  return { value, insertPodName: { span: [lineStart, lineStart], newText } };
}
