// `kubeStateful/topology`: the laid-out picture of a file's namespace (features/topology,
// topology-layout, topology-svg) with each object's findings, for the editor's webview. The
// client only shows the SVG; layout and rendering happen here, as in the CLI.
import { fileURLToPath } from 'node:url';
import type { FileModel } from '../model';
import { documentAt, parseFile, positionToOffset } from '../model';
import type { TopologyNodeSummary, TopologyParams, TopologyResult } from '../protocol';
import { topologyRequest } from '../protocol';
import { runRules } from '../rules/run-rules';
import { explicitNamespaceOf } from '../rules/support/object-facts';
import { buildTopology } from '../features/topology';
import type { LocatedFinding, TopologyNode } from '../features/topology';
import { layoutTopology } from '../features/topology-layout';
import { renderTopologySvg, topologyStylesheet } from '../features/topology-svg';
import type { FileSystem } from '../workspace-index/file-system';
import { checkParams } from './params';
import type { LspArea, Services } from './services';

/** The namespace shown for `params`: that of the object at `line`, else of the first object. */
function namespaceOf(services: Services, model: FileModel | undefined, params: TopologyParams) {
  const fallback = services.defaultNamespaceOf(params.uri);
  if (!model) {
    return fallback;
  }
  if (params.line !== undefined) {
    const offset = positionToOffset(model, { line: params.line, character: 0 });
    return explicitNamespaceOf(documentAt(model, offset)) ?? fallback;
  }
  const first = model.documents.find((document) => document.classification === 'kubernetes');
  return (first && explicitNamespaceOf(first)) ?? fallback;
}

/** The model of `uri`: the open document's, else the file on disk (too large or unreadable: none). */
async function readModel(
  services: Services,
  fs: FileSystem,
  uri: string,
): Promise<FileModel | undefined> {
  const open = services.modelOf(uri);
  if (open || services.documents.get(uri)) {
    return open;
  }
  try {
    const path = fileURLToPath(uri);
    if ((await fs.fileSize(path)) > services.settings.maxFileSize) {
      return undefined;
    }
    return parseFile(uri, 0, await fs.readFile(path));
  } catch {
    // A file deleted since it was indexed simply has no findings to show.
    return undefined;
  }
}

/** The findings of the files that hold objects of the picture, as the diagnostics show them. */
async function findingsOf(
  services: Services,
  fs: FileSystem,
  uris: ReadonlySet<string>,
): Promise<LocatedFinding[]> {
  if (!services.settings.validate) {
    return [];
  }
  const located: LocatedFinding[] = [];
  for (const uri of uris) {
    const model = await readModel(services, fs, uri);
    if (!model) {
      continue;
    }
    const findings = runRules(model, {
      schema: services.schema,
      settings: services.settings,
      index: services.index,
      defaultNamespace: services.defaultNamespaceOf(uri),
      roleOf: (documentIndex) => services.roleOf(uri, documentIndex),
    });
    for (const finding of findings) {
      located.push({
        uri,
        documentIndex: documentAt(model, finding.span[0]).index,
        severity: finding.severity,
        ruleId: finding.ruleId,
        message: finding.message,
      });
    }
  }
  return located;
}

const summary = (node: TopologyNode): TopologyNodeSummary => ({
  id: node.id,
  kind: node.kind,
  name: node.name,
  uri: node.uri,
  line: node.line,
  ...(node.worst ? { severity: node.worst } : {}),
  findings: node.findings.map((finding) => `${finding.severity}: ${finding.message}`),
});

export async function computeTopology(
  services: Services,
  fs: FileSystem,
  params: TopologyParams,
): Promise<TopologyResult> {
  // A closed file (the panel stays open when its editor closes) is read from the disk.
  const namespace = namespaceOf(services, await readModel(services, fs, params.uri), params);
  // The objects first, to know which files' findings to compute.
  const bare = buildTopology(services.index, [], namespace);
  const findings = await findingsOf(services, fs, new Set(bare.nodes.map((node) => node.uri)));
  const topology = buildTopology(services.index, findings, namespace);
  return {
    namespace,
    svg: renderTopologySvg(layoutTopology(topology), {
      title: `Topology of namespace ${namespace}`,
    }),
    stylesheet: topologyStylesheet('vscode'),
    nodes: topology.nodes.map(summary),
    edges: topology.edges.map(({ from, to, kind }) => ({ from, to, kind })),
  };
}

export function createTopologyArea(fs: FileSystem): LspArea {
  return {
    register(services) {
      services.connection.onRequest(topologyRequest, (params) =>
        services.guardAsync('topology', () => {
          checkParams(params, 'topology');
          return computeTopology(services, fs, params);
        }),
      );
    },
  };
}
