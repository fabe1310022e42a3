// strimzi-jbod-volume-id: every volume of a Strimzi JBOD storage needs a unique `id`: it names the
// claim (data-<id>-…) and the log directory, so the operator refuses volumes without one, and two
// volumes with the same id would share a claim. Data `{ id }`: the first free id, for the fix.
import { getPair } from '../../model';
import { numberOf, storageSections } from '../support/strimzi';
import type { Rule, RuleFinding } from '../types';

export const strimziJbodVolumeId: Rule = {
  id: 'strimzi-jbod-volume-id',
  defaultSeverity: 'error',
  description: 'A volume of a Strimzi JBOD storage without an id, or with an id used twice.',
  check({ document }) {
    const findings: RuleFinding[] = [];
    for (const section of storageSections(document)) {
      if (!section.jbodVolumes) {
        continue;
      }
      const ids = section.volumes.map((volume) => numberOf(getPair(volume.node, 'id')?.value));
      const used = new Set(ids.filter((id): id is number => id !== undefined));
      let free = 0;
      const nextFree = (): number => {
        while (used.has(free)) {
          free++;
        }
        used.add(free);
        return free;
      };
      const seen = new Set<number>();
      section.volumes.forEach((volume, index) => {
        const idPair = getPair(volume.node, 'id');
        const id = ids[index];
        if (!idPair) {
          const suggested = nextFree();
          findings.push({
            span: volume.typePair?.keySpan ?? volume.node.span,
            message: `This JBOD volume of the ${section.holds} has no id: Strimzi names the volume's claims and log directory after it and rejects the storage without one. Add a unique id (id: ${suggested} is free).`,
            data: { id: suggested },
          });
        } else if (id !== undefined && seen.has(id)) {
          findings.push({
            span: idPair.value?.span ?? idPair.keySpan,
            message: `JBOD volume id ${id} is used twice: each volume needs its own id, which names its claims and log directory.`,
          });
        }
        if (id !== undefined) {
          seen.add(id);
        }
      });
    }
    return findings;
  },
};
