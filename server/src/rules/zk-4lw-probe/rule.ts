// zk-4lw-probe: since ZooKeeper 3.5.3 only whitelisted four-letter words are answered (`srvr` by
// default), so a probe that sends `ruok` or `mntr` without whitelisting it always fails.
import { getIn, scalarText, seqItems } from '../../model';
import { podTemplateSettings } from '../support/config-files';
import type { Rule, RuleFinding } from '../types';
import type { Setting } from '../support/kafka-settings';
import { zookeeperBefore35, zookeeperSettings } from '../support/kafka-settings';
import { probeKinds } from '../support/probes';
import { softwareContainers } from '../support/stateful-software';

const words =
  'conf|cons|crst|dump|envi|ruok|srst|srvr|stat|wchs|wchc|wchp|mntr|isro|hash|gtmk|stmk|dirs';
/** A four-letter word written to the server: `echo ruok | nc …`, `printf 'mntr' | …`. */
const sentWord = new RegExp(`(?:echo|printf)\\s+(?:-n\\s+)?['"]?(${words})\\b`, 'g');

/** The whitelist from ZOO_4LW_COMMANDS_WHITELIST, ZOO_CFG_EXTRA or a JVM flag; `*` allows all. */
function whitelist(
  settings: ReadonlyMap<string, Setting>,
  fileSettings: ReadonlyMap<string, Setting>,
): Set<string> | 'all' | undefined {
  const sources = [
    fileSettings.get('4lw.commands.whitelist')?.value,
    settings.get('ZOO_4LW_COMMANDS_WHITELIST')?.value,
    /4lw\.commands\.whitelist=(\S+)/.exec(settings.get('ZOO_CFG_EXTRA')?.value ?? '')?.[1],
    ...['JVMFLAGS', 'SERVER_JVMFLAGS'].map(
      (name) =>
        /-Dzookeeper\.4lw\.commands\.whitelist=(\S+)/.exec(settings.get(name)?.value ?? '')?.[1],
    ),
  ].filter((value): value is string => value !== undefined);
  if (sources.length === 0) {
    return undefined;
  }
  const allowed = new Set(sources.flatMap((value) => value.split(/[\s,]+/)).filter(Boolean));
  return allowed.has('*') ? 'all' : allowed;
}

export const zk4lwProbe: Rule = {
  id: 'zk-4lw-probe',
  defaultSeverity: 'warning',
  description:
    'A ZooKeeper probe that sends a four-letter word (ruok, mntr, …) the server does not whitelist.',
  noQuickFix: "either the probe or the server's whitelist should change, depending on the image",
  check({ document, model, index, namespace }) {
    const found = softwareContainers(document, 'zookeeper');
    if (!found) {
      return [];
    }
    const mounted = podTemplateSettings(found.template, index, namespace);
    const findings: RuleFinding[] = [];
    for (const container of found.containers) {
      if (zookeeperBefore35(scalarText(getIn(container.node, ['image'])))) {
        continue;
      }
      const allowed = whitelist(zookeeperSettings(container.node, model.text), mounted.zookeeper);
      if (allowed === 'all') {
        continue;
      }
      const permitted = allowed ?? new Set(['srvr']);
      const fileSetting = mounted.zookeeper.get('4lw.commands.whitelist');
      const where = fileSetting
        ? `4lw.commands.whitelist (${fileSetting.source})`
        : 'ZOO_4LW_COMMANDS_WHITELIST';
      for (const probe of probeKinds) {
        for (const item of seqItems(getIn(container.node, [probe, 'exec', 'command']))) {
          const source = model.text.slice(item.span[0], item.span[1]);
          for (const match of source.matchAll(sentWord)) {
            const word = match[1]!;
            if (permitted.has(word)) {
              continue;
            }
            const start = item.span[0] + match.index + match[0].length - word.length;
            const listed = allowed
              ? `the whitelist (${[...allowed].join(',')})`
              : 'the default whitelist (srvr only)';
            findings.push({
              span: [start, start + word.length],
              message: `The ${probe} sends '${word}', which ZooKeeper 3.5.3 and later refuse unless it is in 4lw.commands.whitelist; with ${listed} the probe always fails. Add it to ${where} (e.g. srvr,${word}) or probe with srvr.`,
            });
          }
        }
      }
    }
    return findings;
  },
};
