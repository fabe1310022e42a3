// `kube-stateful graph DIR --format svg|dot|mermaid [--namespace NS]`: the topology of the
// manifests (features/topology) for READMEs and reviews, with each object's findings on its node.
// SVG is laid out by the same code as the editor's picture (features/topology-layout).
import { loadSchema } from '../schema';
import { defaultSettings } from '../protocol';
import { buildTopology, toDot, toMermaid } from '../features/topology';
import type { Topology } from '../features/topology';
import { layoutTopology } from '../features/topology-layout';
import { renderTopologySvg } from '../features/topology-svg';
import { nodeFileSystem } from '../workspace-index/file-system';
import { InputError, lintPaths } from './lint-run';

export const graphUsage = `Usage: kube-stateful graph <file or folder>... [options]

Options:
  --format svg|dot|mermaid   output format (default: dot); svg is drawn without Graphviz
  --namespace <name>         only the objects of this namespace (default: all)
  -h, --help                 show this help
`;

export async function runGraph(argv: readonly string[]): Promise<number> {
  const paths: string[] = [];
  let format = 'dot';
  let namespace: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      process.stdout.write(graphUsage);
      return 0;
    }
    if (arg === '--format' || arg === '--namespace') {
      const value = argv[++i];
      if (value === undefined) {
        process.stderr.write(`kube-stateful graph: ${arg} needs a value\n\n${graphUsage}`);
        return 2;
      }
      if (arg === '--format') {
        format = value;
      } else {
        namespace = value;
      }
    } else if (arg.startsWith('-')) {
      process.stderr.write(`kube-stateful graph: unknown option ${arg}\n\n${graphUsage}`);
      return 2;
    } else {
      paths.push(arg);
    }
  }
  if (format !== 'dot' && format !== 'mermaid' && format !== 'svg') {
    process.stderr.write(`kube-stateful graph: --format must be svg, dot or mermaid\n`);
    return 2;
  }
  if (paths.length === 0) {
    process.stderr.write(`kube-stateful graph: give a file or folder\n\n${graphUsage}`);
    return 2;
  }
  let run;
  try {
    run = await lintPaths({
      paths,
      settings: defaultSettings,
      schema: loadSchema(),
      fs: nodeFileSystem,
      cwd: process.cwd(),
      // The picture is of the files as written; overlays would need an external kustomize run.
      kustomize: false,
    });
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`kube-stateful graph: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const topology = buildTopology(run.index, run.located, namespace);
  process.stdout.write(render(topology, format, namespace));
  return 0;
}

function render(topology: Topology, format: string, namespace: string | undefined): string {
  if (format === 'svg') {
    return renderTopologySvg(layoutTopology(topology), {
      embedStyle: 'standalone',
      title: namespace ? `Topology of namespace ${namespace}` : 'Kubernetes topology',
    });
  }
  return format === 'mermaid' ? toMermaid(topology) : toDot(topology);
}
