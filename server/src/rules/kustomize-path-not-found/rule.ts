// kustomize-path-not-found: a resource, component, patch or generator file that a kustomization
// names but that does not exist (or a directory without a kustomization): the build fails.
import { readKustomization, resolveKustomizePath } from '../../kustomize/kustomization';
import type { Rule, RuleFinding } from '../types';

const kustomizationNames = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export const kustomizePathNotFound: Rule = {
  id: 'kustomize-path-not-found',
  defaultSeverity: 'error',
  description:
    'A path in a kustomization that does not exist, or a directory without a kustomization: `kustomize build` fails.',
  noQuickFix: 'the right path (a rename, a file not yet written) is only known to the author',
  appliesTo: 'kustomization',
  check: ({ model, document, index }) => {
    const kustomization = document.index === 0 ? readKustomization(model) : undefined;
    const findings: RuleFinding[] = [];
    for (const entry of kustomization?.paths ?? []) {
      // Remote bases are kustomize's to fetch; we never touch the network.
      const uri = resolveKustomizePath(model.uri, entry.path);
      if (uri === undefined) {
        continue;
      }
      const kind = index.pathKind(uri);
      if (kind === 'missing') {
        findings.push({
          span: entry.span,
          message: `\`${entry.path}\` does not exist (relative to this kustomization's folder), so \`kustomize build\` fails.`,
        });
      } else if (
        kind === 'folder' &&
        kustomizationNames.every((name) => index.pathKind(`${uri}/${name}`) === 'missing')
      ) {
        findings.push({
          span: entry.span,
          message:
            entry.use === 'resource' || entry.use === 'component'
              ? `\`${entry.path}\` is a directory without a kustomization.yaml, so \`kustomize build\` cannot use it: add one, or list its files.`
              : `\`${entry.path}\` is a directory; a patch or generator file is expected here.`,
        });
      }
    }
    return findings;
  },
};
