// storage-class-not-found: a claim's storageClassName that names no StorageClass. Only checked
// when the set of classes is known: the workspace defines some, or the user listed the cluster's
// classes in kubeStateful.knownStorageClasses. Otherwise every name would look unknown.
import { asScalar, getPair, scalarText } from '../model';
import type { Rule, RuleFinding } from './types';
import { declaredClaims, describeClaim } from './claims';
import { suggestField } from './schema-unknown-field';

export const storageClassNotFound: Rule = {
  id: 'storage-class-not-found',
  defaultSeverity: 'warning',
  description:
    'A storageClassName names no StorageClass of the workspace or of kubeStateful.knownStorageClasses.',
  check({ document, index, settings }) {
    const claims = declaredClaims(document);
    if (claims.length === 0 || !index.isComplete()) {
      return [];
    }
    const defined = index.storageClasses().map((storageClass) => storageClass.name);
    const known = new Set([...defined, ...settings.knownStorageClasses]);
    if (known.size === 0) {
      return [];
    }
    const findings: RuleFinding[] = [];
    for (const claim of claims) {
      const node = asScalar(getPair(claim.spec, 'storageClassName')?.value);
      const name = scalarText(node);
      // The empty name asks for no class at all (static binding to a PersistentVolume).
      if (!node || !name || known.has(name)) {
        continue;
      }
      const suggestion = suggestField(name, [...known]);
      const hint = suggestion
        ? `Did you mean '${suggestion}'?`
        : `Known classes: ${[...known].sort().join(', ')}.`;
      findings.push({
        span: node.span,
        message: `${describeClaim(claim)} asks for StorageClass '${name}', which is neither defined in the workspace nor listed in kubeStateful.knownStorageClasses: the claim stays Pending. ${hint}`,
        data: { name, ...(suggestion ? { suggestion } : {}) },
      });
    }
    return findings;
  },
};
