// Hover on a reference (serviceName, claimName, a ConfigMap name, a volume mount):
// what it points at, with kind, name, namespace and file, or that nothing in the workspace
// matches. Merged into the schema hover by lsp/hover.ts.
import type { Span } from '../../model';
import type { NavigationContext, NavigationTarget } from './navigation';
import { definitionAt } from './navigation';

export interface ReferenceHover {
  readonly markdown: string;
  readonly span: Span;
}

/** The file part of a uri, for display. */
function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function describe(target: NavigationTarget, currentUri: string): string {
  const namespace = target.namespace ? ` in namespace \`${target.namespace}\`` : '';
  const file = target.uri === currentUri ? 'this file' : `\`${fileName(target.uri)}\``;
  return `**${target.kind}** \`${target.name}\`${namespace}: ${file}, line ${target.range.start.line + 1}`;
}

export function referenceHoverAt(
  context: NavigationContext,
  offset: number,
): ReferenceHover | undefined {
  const result = definitionAt(context, offset);
  // Selector keys keep the schema's field documentation; only values that name something here.
  if (!result || (result.site.type !== 'reference' && result.site.type !== 'mount')) {
    return undefined;
  }
  const { site, targets } = result;
  const lines = targets.map((target) => `- ${describe(target, context.model.uri)}`);
  const heading =
    site.type === 'reference'
      ? targets.length > 0
        ? `Refers to ${site.kind} \`${site.name}\`:`
        : `No ${site.kind} named \`${site.name}\` in the workspace.`
      : targets.length > 0
        ? `Mounts volume \`${site.name}\`:`
        : `No volume or volumeClaimTemplate named \`${site.name}\`.`;
  return { markdown: [heading, ...lines].join('\n'), span: result.origin };
}
