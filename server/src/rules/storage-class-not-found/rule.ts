// storage-class-not-found: a claim's storageClassName that names no StorageClass. Only checked
// when the set of classes is known: the workspace defines some, or the user listed the cluster's
// classes in kubeStateful.knownStorageClasses. Otherwise every name would look unknown.
import { asScalar } from '../../model';
import type { Rule, RuleFinding } from '../types';
import { claimClass, declaredClaims, describeClaim } from '../claims';
import { wellKnownStorageClasses } from '../data/well-known-storage-classes';
import { suggestField } from '../schema-unknown-field/rule';

export const storageClassNotFound: Rule = {
  id: 'storage-class-not-found',
  defaultSeverity: 'warning',
  description:
    'A storageClassName names no StorageClass of the workspace or of kubeStateful.knownStorageClasses.',
  noQuickFix:
    'the class may exist only in the cluster (kubeStateful.knownStorageClasses) or be a typo; did-you-mean names the candidate',
  check({ document, index, settings, model }) {
    const claims = declaredClaims(document);
    if (claims.length === 0 || !index.isComplete()) {
      return [];
    }
    // Only the StorageClasses of this project count (a workspace often holds several unrelated
    // examples); a class at the root of the workspace counts for every project, and so does a
    // class that one kustomize overlay deploys together with the claim (`base/` and `overlays/`
    // are often top folders of their own).
    const project = index.projectOf(model.uri);
    const trees = new Set(index.kustomizeRootsOf(model.uri));
    const defined = index
      .storageClasses()
      .filter((storageClass) => {
        const own = index.projectOf(storageClass.uri);
        return (
          own === project ||
          project.startsWith(`${own}/`) ||
          index.kustomizeRootsOf(storageClass.uri).some((root) => trees.has(root))
        );
      })
      .map((storageClass) => storageClass.name);
    const configured = settings.knownStorageClasses;
    // Without a class in the project or a configured list, the cluster's classes are unknown.
    if (defined.length === 0 && configured.length === 0) {
      return [];
    }
    // A configured list is the cluster's truth; otherwise the clouds' defaults are assumed.
    const known = new Set([
      ...defined,
      ...(configured.length > 0 ? configured : wellKnownStorageClasses),
    ]);
    const findings: RuleFinding[] = [];
    for (const claim of claims) {
      const asked = claimClass(claim);
      const node = asScalar(asked?.node);
      const name = asked?.name;
      // The empty name asks for no class at all (static binding to a PersistentVolume).
      if (!node || !name || known.has(name)) {
        continue;
      }
      const suggestion = suggestField(name, [...known]);
      const hint = suggestion
        ? `Did you mean '${suggestion}'?`
        : `Known classes: ${[...new Set([...defined, ...configured])].sort().join(', ')}.`;
      findings.push({
        span: node.span,
        message: `${describeClaim(claim)} asks for StorageClass '${name}', which is neither defined in this project nor listed in kubeStateful.knownStorageClasses: the claim stays Pending. ${hint}`,
        data: { name, ...(suggestion ? { suggestion } : {}) },
      });
    }
    return findings;
  },
};
