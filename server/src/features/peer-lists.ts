// Completion of peer lists: in the value of ZOO_SERVERS, KAFKA_CONTROLLER_QUORUM_VOTERS,
// KAFKA_ZOOKEEPER_CONNECT and their kin, the whole value generated from the ensemble's
// StatefulSet (its pods' DNS names through the headless Service) in the format the image expects.
// A pod's own address (KAFKA_ADVERTISED_LISTENERS, RABBITMQ_NODENAME) comes from pod-address.ts.
import type { DocumentModel, FileModel } from '../model';
import { documentAt, getIn, getValue, scalarText } from '../model';
import type { IndexView, WorkloadFacts } from '../rules/index-view';
import { explicitNamespaceOf, readDocumentFacts } from '../rules/support/object-facts';
import type { PeerListSetting } from '../schema/data/peer-lists';
import { peerListSettings } from '../schema/data/peer-lists';
import { analyzeContext } from './completion';
import type { CompletionProposal } from './completion';
import { valueProposals } from './completion/value-items';
import { podDnsName } from './inlay-hints';
import { podAddressSettingFor, podAddressValue } from './pod-address';

/** The setting whose format applies to this variable in a container running `image`. */
export function settingFor(
  variable: string,
  image: string | undefined,
): PeerListSetting | undefined {
  const candidates = peerListSettings.filter((setting) => setting.variable === variable);
  // An entry for this very image wins over a generic one.
  return (
    candidates.find(
      (setting) => setting.image !== undefined && image !== undefined && setting.image.test(image),
    ) ?? candidates.find((setting) => setting.image === undefined)
  );
}

/** The value `setting` takes for the pods of `statefulSet`, or undefined without DNS names. */
export function peerListValue(
  setting: PeerListSetting,
  statefulSet: WorkloadFacts,
): string | undefined {
  const replicas = statefulSet.replicas;
  const service = statefulSet.serviceName;
  if (statefulSet.kind !== 'StatefulSet' || !service || replicas === undefined || replicas < 1) {
    return undefined;
  }
  const declared = statefulSet.containers.flatMap((container) => container.ports);
  const ports = setting.ports.map(
    (port) =>
      declared.find((each) => each.name !== undefined && port.names.includes(each.name))
        ?.containerPort ?? port.fallback,
  );
  const hosts = Array.from({ length: replicas }, (_, ordinal) => ({
    ordinal,
    pod: `${statefulSet.name}-${ordinal}`,
    host: podDnsName(statefulSet.name, ordinal, service, statefulSet.namespace),
  }));
  return setting.format(hosts, ports);
}

const isZooKeeper = (workload: WorkloadFacts): boolean =>
  workload.containers.some((container) => /zookeeper/i.test(container.image ?? ''));

function ownFacts(
  model: FileModel,
  document: DocumentModel,
  defaultNamespace: string,
): WorkloadFacts | undefined {
  const facts = readDocumentFacts(
    model,
    document,
    explicitNamespaceOf(document) ?? defaultNamespace,
  );
  return facts?.category === 'workload' ? facts.facts : undefined;
}

/** Proposals for an env `value` whose `name` is a peer-list setting; empty anywhere else. */
export function peerListProposals(
  model: FileModel,
  offset: number,
  index: IndexView,
  defaultNamespace: string,
): CompletionProposal[] {
  const document = documentAt(model, offset);
  if (document.classification !== 'kubernetes') {
    return [];
  }
  const context = analyzeContext(model, document, offset);
  const path = context?.path ?? [];
  if (
    context?.target !== 'value' ||
    path.length < 3 ||
    path.at(-1) !== 'value' ||
    path.at(-3) !== 'env'
  ) {
    return [];
  }
  const variable = scalarText(getValue(getIn(document.root, path.slice(0, -1)), 'name'));
  const image = scalarText(getValue(getIn(document.root, path.slice(0, -3)), 'image'));
  const slot = {
    replace: context.replace,
    existingItems: new Set<string>(),
    needsSpace: context.needsSpace,
    quoted: context.quoted,
  };
  const address = variable ? podAddressSettingFor(variable, image) : undefined;
  if (address) {
    const own = ownFacts(model, document, defaultNamespace);
    const found = own && podAddressValue(address, own, document, model.text, path);
    if (!own || !found) {
      return [];
    }
    return valueProposals(
      slot,
      [
        {
          value: found.value,
          kind: 'value',
          detail: `each pod of StatefulSet ${own.name}${found.insertPodName ? ' (adds POD_NAME above)' : ''}`,
          documentation: address.about,
        },
      ],
      true,
    ).map((proposal) =>
      found.insertPodName ? { ...proposal, additionalEdits: [found.insertPodName] } : proposal,
    );
  }
  const setting = variable ? settingFor(variable, image) : undefined;
  const own = setting ? ownFacts(model, document, defaultNamespace) : undefined;
  if (!setting || !own) {
    return [];
  }
  const ensembles =
    setting.members === 'self'
      ? [own]
      : index
          .workloads(own.namespace)
          .filter((each) => each.kind === 'StatefulSet' && isZooKeeper(each));
  const choices = ensembles.flatMap((ensemble) => {
    const value = peerListValue(setting, ensemble);
    return value === undefined
      ? []
      : [
          {
            value,
            kind: 'value' as const,
            detail: `${ensemble.replicas} pods of StatefulSet ${ensemble.name}`,
            documentation: setting.about,
          },
        ];
  });
  return valueProposals(slot, choices, true);
}
