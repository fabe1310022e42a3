// crd-storage-version: a CRD must mark exactly one version `storage: true` (the API server
// rejects it otherwise); a storage version with `served: false` is accepted but means clients
// cannot read objects in the version they are stored in, which is a warning.
import { getPair } from '../../model';
import { crdVersions, isCrdV1, isTrue } from '../support/crd';
import type { Rule, RuleFinding } from '../types';

export const crdStorageVersion: Rule = {
  id: 'crd-storage-version',
  defaultSeverity: 'error',
  description:
    'A CustomResourceDefinition needs exactly one version with `storage: true` (and that version should be served).',
  noQuickFix:
    "which version objects are stored in is the CRD author's decision (and changing it needs a storage migration)",
  check({ document }) {
    if (!isCrdV1(document)) {
      return [];
    }
    const versions = crdVersions(document);
    const versionsPair = getPair(getPair(document.root, 'spec')?.value, 'versions');
    if (!versionsPair || versions.length === 0) {
      return [];
    }
    const storage = versions.filter((version) => isTrue(version.storage));
    const findings: RuleFinding[] = [];
    if (storage.length === 0) {
      findings.push({
        span: versionsPair.keySpan,
        message:
          'No version has `storage: true`: the API server rejects the CRD ("must have exactly one version marked as storage version"). Mark the version objects are stored in.',
      });
    }
    if (storage.length > 1) {
      const names = storage.map((version) => `\`${version.name ?? '?'}\``).join(', ');
      for (const version of storage.slice(1)) {
        findings.push({
          span: version.storage?.span ?? version.node.span,
          message: `Versions ${names} all have \`storage: true\`: the API server rejects the CRD ("must have exactly one version marked as storage version"). Keep \`storage: true\` on one version only.`,
        });
      }
    }
    for (const version of storage) {
      const served = version.served?.value;
      if (served?.type === 'scalar' && served.value === false && version.served) {
        findings.push({
          span: version.served.span,
          severity: 'warning',
          message: `Version \`${version.name ?? '?'}\` is the storage version but has \`served: false\`: clients cannot read or write objects in the version they are stored in. Serve it, or move \`storage: true\` to a served version.`,
        });
      }
    }
    return findings;
  },
};
