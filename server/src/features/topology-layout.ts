// Lays the topology graph out with dagre (left to right: Services, workloads, pods, claims,
// classes), so the CLI's SVG and the editor's picture place every node at the same spot.
// Sizes come from the label lengths; there is no DOM to measure text, so widths are estimates.
import * as dagre from '@dagrejs/dagre';
import type { Topology, TopologyEdge, TopologyNode } from './topology';

interface Point {
  readonly x: number;
  readonly y: number;
}

/** The part of dagre's graph (a graphlib multigraph) used here. */
interface LayoutGraph {
  setGraph(label: Record<string, number | string>): void;
  setDefaultEdgeLabel(label: () => object): void;
  setNode(id: string, label: { width: number; height: number }): void;
  setEdge(from: string, to: string, label: object, name: string): void;
  node(id: string): { x: number; y: number; width: number; height: number };
  edge(from: string, to: string, name: string): { points?: Point[]; x?: number; y?: number };
  graph(): { width?: number; height?: number };
}

// dagre's published typings import their own files without extensions, which Node16 module
// resolution cannot follow, so its types arrive as `any`; this declares the API used here.
const { Graph, layout } = dagre as unknown as {
  Graph: new (options: { multigraph: boolean }) => LayoutGraph;
  layout: (graph: LayoutGraph) => void;
};

export interface PlacedNode {
  readonly node: TopologyNode;
  /** The top-left corner and the size of the node's box. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedEdge {
  readonly edge: TopologyEdge;
  /** The polyline from the source box's border to the target box's border. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** The centre of the edge's label (its kind). */
  readonly labelX: number;
  readonly labelY: number;
}

export interface TopologyLayout {
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  readonly width: number;
  readonly height: number;
}

/** Font sizes the SVG renderer uses; the layout sizes boxes for them. */
export const nameFontSize = 12;
export const smallFontSize = 10;

// An average glyph is about 0.6 em wide in the sans-serif fonts editors use; a little more
// keeps long names inside their box in wider fonts.
const glyphWidth = (fontSize: number): number => fontSize * 0.62;
const nodePadding = 10;
const minNodeWidth = 110;

/** The lines a node shows: its kind, its name, and a count of findings when it has any. */
export function nodeLines(node: TopologyNode): { kind: string; name: string; findings?: string } {
  const count = node.findings.length;
  return {
    kind: node.kind,
    name: node.name,
    ...(count > 0 && node.worst
      ? { findings: `${count} finding${count === 1 ? '' : 's'} (worst: ${node.worst})` }
      : {}),
  };
}

function nodeSize(node: TopologyNode): { width: number; height: number } {
  const lines = nodeLines(node);
  const textWidth = Math.max(
    lines.name.length * glyphWidth(nameFontSize),
    lines.kind.length * glyphWidth(smallFontSize),
    (lines.findings?.length ?? 0) * glyphWidth(smallFontSize),
  );
  return {
    width: Math.max(minNodeWidth, Math.ceil(textWidth + 2 * nodePadding)),
    height: lines.findings ? 54 : 40,
  };
}

const round = (value: number): number => Math.round(value * 10) / 10;

/** Places every node and routes every edge; an empty topology gives an empty 0×0 layout. */
export function layoutTopology(topology: Topology): TopologyLayout {
  if (topology.nodes.length === 0) {
    return { nodes: [], edges: [], width: 0, height: 0 };
  }
  // A multigraph: a Service both selects and governs its StatefulSet, two edges between one pair.
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 56, edgesep: 8, marginx: 12, marginy: 12 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of topology.nodes) {
    graph.setNode(node.id, nodeSize(node));
  }
  topology.edges.forEach((edge, i) => {
    graph.setEdge(
      edge.from,
      edge.to,
      {
        width: Math.ceil(edge.kind.length * glyphWidth(smallFontSize)) + 6,
        height: smallFontSize + 4,
        labelpos: 'c',
      },
      `e${i}`,
    );
  });
  layout(graph);
  const nodes = topology.nodes.map((node): PlacedNode => {
    const placed = graph.node(node.id);
    // dagre gives centres; the renderer draws boxes from their top-left corner.
    return {
      node,
      x: round(placed.x - placed.width / 2),
      y: round(placed.y - placed.height / 2),
      width: placed.width,
      height: placed.height,
    };
  });
  const edges = topology.edges.map((edge, i): PlacedEdge => {
    const placed = graph.edge(edge.from, edge.to, `e${i}`);
    const points = (placed.points ?? []).map((point) => ({
      x: round(point.x),
      y: round(point.y),
    }));
    const middle = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return {
      edge,
      points,
      labelX: round(placed.x ?? middle.x),
      labelY: round(placed.y ?? middle.y),
    };
  });
  const size = graph.graph();
  return {
    nodes,
    edges,
    width: Math.ceil(size.width ?? 0),
    height: Math.ceil(size.height ?? 0),
  };
}
