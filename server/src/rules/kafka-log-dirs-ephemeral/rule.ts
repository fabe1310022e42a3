// kafka-log-dirs-ephemeral: Kafka's log directories hold the partition data; unless they sit on
// a PersistentVolumeClaim, a restarted or rescheduled broker comes back empty.
import { getIn, getValue, scalarText, seqItems } from '../../model';
import type { Span, YamlNode } from '../../model';
import { podTemplateSettings, relatedOfSetting, withFileSettings } from '../support/config-files';
import type { Rule, RuleFinding } from '../types';
import { kafkaProperties } from '../support/kafka-settings';
import { objectSpan } from '../support/locate';
import { softwareContainers } from '../support/stateful-software';
import { longRunningKinds } from '../support/workload';

/** apache/kafka writes here when log.dirs is not set (docker/resources/common-scripts/configureDefaults). */
const apacheDefaultLogDir = '/tmp/kraft-combined-logs';

interface Mount {
  readonly volume: string;
  readonly path: string;
}

/** The mount whose path contains `dir` most specifically. */
function mountFor(dir: string, mounts: readonly Mount[]): Mount | undefined {
  const inside = mounts.filter(
    (mount) =>
      dir === mount.path ||
      dir.startsWith(mount.path.endsWith('/') ? mount.path : `${mount.path}/`),
  );
  return inside.sort((a, b) => b.path.length - a.path.length)[0];
}

/** Why the volume is not persistent, or undefined when it is a claim (template). */
function ephemeralReason(
  volume: string,
  podSpec: YamlNode | undefined,
  claimTemplates: ReadonlySet<string>,
): string | undefined {
  if (claimTemplates.has(volume)) {
    return undefined;
  }
  const definition = seqItems(getValue(podSpec, 'volumes')).find(
    (item) => scalarText(getValue(item, 'name')) === volume,
  );
  if (!definition) {
    return `on volume "${volume}", which is neither a volumeClaimTemplate nor a pod volume`;
  }
  if (getValue(definition, 'persistentVolumeClaim')) {
    return undefined;
  }
  const type =
    definition.type === 'map'
      ? definition.pairs.find((pair) => pair.key !== 'name')?.key
      : undefined;
  return `on ${type ?? 'a'} volume "${volume}", which does not outlive the pod`;
}

export const kafkaLogDirsEphemeral: Rule = {
  id: 'kafka-log-dirs-ephemeral',
  defaultSeverity: 'warning',
  description: 'Kafka log directories that are not on a persistent volume.',
  noQuickFix: 'moving the log directories needs a persistent volume and a data migration',
  check({ document, model, index, namespace }) {
    const found = longRunningKinds.has(document.kind ?? '')
      ? softwareContainers(document, 'kafka')
      : undefined;
    if (!found) {
      return [];
    }
    const claimTemplates = new Set(
      seqItems(getIn(document.root, ['spec', 'volumeClaimTemplates'])).flatMap((item) => {
        const name = scalarText(getIn(item, ['metadata', 'name']));
        return name ? [name] : [];
      }),
    );
    const findings: RuleFinding[] = [];
    const mounted = podTemplateSettings(found.template, index, namespace);
    for (const container of found.containers) {
      const properties = withFileSettings(
        mounted.kafka,
        kafkaProperties(container.node, model.text),
      );
      const setting = properties.get('log.dirs') ?? properties.get('log.dir');
      const image = scalarText(getValue(container.node, 'image')) ?? '';
      let dirs: string[];
      let span: Span;
      let subject: string;
      if (setting) {
        if (setting.dynamic || !setting.value) {
          continue;
        }
        dirs = setting.value
          .split(',')
          .map((dir) => dir.trim())
          .filter(Boolean);
        span = setting.span;
        subject = 'Kafka log dir';
      } else if (/(^|\/)apache\/kafka(?:-native)?(?::|@|$)/.test(image)) {
        dirs = [apacheDefaultLogDir];
        span = getIn(container.node, ['name'])?.span ?? objectSpan(document);
        subject = 'log.dirs is not set, so apache/kafka writes to';
      } else {
        continue;
      }
      const mounts: Mount[] = seqItems(getValue(container.node, 'volumeMounts')).flatMap((item) => {
        const volume = scalarText(getValue(item, 'name'));
        const path = scalarText(getValue(item, 'mountPath'));
        return volume && path ? [{ volume, path }] : [];
      });
      for (const dir of dirs) {
        const mount = mountFor(dir, mounts);
        const reason = mount
          ? ephemeralReason(mount.volume, found.template.spec, claimTemplates)
          : "on the container's own filesystem";
        if (reason) {
          findings.push({
            span,
            ...(setting ? relatedOfSetting(mounted, setting) : {}),
            message: `${subject} ${dir}, ${reason}: a restarted or rescheduled broker starts empty and must copy every partition back (and data with replication factor 1 is lost). Mount a volumeClaimTemplate there, or point log.dirs into one.`,
          });
        }
      }
    }
    return findings;
  },
};
