// Renders a laid-out topology as SVG: one <g class="node"> per object carrying data attributes
// (id, kind, uri, line, worst severity) and a <title> tooltip with its findings, one
// <g class="edge"> per edge labelled by its kind. Colours live in a stylesheet, not in the
// elements: the CLI embeds fixed colours, the editor's webview supplies VS Code's theme variables.
import type { Severity } from '../rules/types';
import type { PlacedEdge, PlacedNode, TopologyLayout } from './topology-layout';
import { nameFontSize, nodeLines, smallFontSize } from './topology-layout';

export type TopologyPalette = 'vscode' | 'standalone';

const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"'\n]/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\n': '&#10;' })[
        char
      ]!,
  );

/** The tooltip of a node: what it is, then one line per finding. */
export function nodeTooltip(placed: PlacedNode): string {
  const { node } = placed;
  return [
    `${node.kind} ${node.namespace}/${node.name}`,
    ...node.findings.map(
      (finding) => `${finding.severity}: ${finding.message} (${finding.ruleId})`,
    ),
  ].join('\n');
}

function renderNode(placed: PlacedNode): string {
  const { node, x, y, width, height } = placed;
  const lines = nodeLines(node);
  const severity = node.worst ?? 'none';
  const attributes = [
    `class="node kind-${node.kind.toLowerCase()} severity-${severity}"`,
    `data-id="${escapeXml(node.id)}"`,
    `data-kind="${node.kind}"`,
    `data-name="${escapeXml(node.name)}"`,
    `data-namespace="${escapeXml(node.namespace)}"`,
    `data-uri="${escapeXml(node.uri)}"`,
    `data-line="${node.line}"`,
    `data-severity="${severity}"`,
    // Focusable, so keyboard users can open the object too (the webview handles Enter).
    'tabindex="0"',
    'role="button"',
  ].join(' ');
  const left = x + 10;
  const parts = [
    `<g ${attributes}>`,
    `<title>${escapeXml(nodeTooltip(placed))}</title>`,
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="4"/>`,
    `<text class="kind" x="${left}" y="${y + 14}" font-size="${smallFontSize}">${escapeXml(lines.kind)}</text>`,
    `<text class="name" x="${left}" y="${y + 30}" font-size="${nameFontSize}">${escapeXml(lines.name)}</text>`,
  ];
  if (lines.findings) {
    parts.push(
      `<text class="findings" x="${left}" y="${y + 45}" font-size="${smallFontSize}">${escapeXml(lines.findings)}</text>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

function renderEdge(placed: PlacedEdge): string {
  const { edge, points } = placed;
  const path = points.map((point, i) => `${i === 0 ? 'M' : 'L'}${point.x},${point.y}`).join(' ');
  return [
    `<g class="edge edge-${edge.kind}" data-kind="${edge.kind}" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}">`,
    `<path d="${path}" marker-end="url(#kube-stateful-arrow)"/>`,
    `<text class="edge-label" x="${placed.labelX}" y="${placed.labelY + 3}" text-anchor="middle" font-size="${smallFontSize}">${edge.kind}</text>`,
    '</g>',
  ].join('');
}

interface Colours {
  readonly font: string;
  /** The page behind the picture: edge labels get a halo of it to stay readable over lines. */
  readonly page: string;
  /** Painted behind a standalone picture (the editor's page is already there). */
  readonly background?: string;
  readonly nodeFill: string;
  readonly nodeStroke: string;
  readonly text: string;
  readonly muted: string;
  readonly edge: string;
  readonly focus: string;
  readonly severity: Readonly<Record<Severity, string>>;
}

// The editor's colours come from the theme (light, dark and high contrast alike); fallbacks
// cover themes that leave a variable unset.
const vscodeColours: Colours = {
  font: 'var(--vscode-font-family, sans-serif)',
  page: 'var(--vscode-editor-background)',
  nodeFill: 'var(--vscode-editorWidget-background, var(--vscode-editor-background))',
  nodeStroke:
    'var(--vscode-contrastBorder, var(--vscode-editorWidget-border, var(--vscode-editor-foreground)))',
  text: 'var(--vscode-editor-foreground)',
  muted: 'var(--vscode-descriptionForeground, var(--vscode-editor-foreground))',
  edge: 'var(--vscode-editorLineNumber-foreground, var(--vscode-editor-foreground))',
  focus: 'var(--vscode-focusBorder)',
  severity: {
    error: 'var(--vscode-editorError-foreground)',
    warning: 'var(--vscode-editorWarning-foreground)',
    info: 'var(--vscode-editorInfo-foreground)',
    hint: 'var(--vscode-editorHint-foreground, var(--vscode-descriptionForeground))',
  },
};

// A light picture on its own background, readable in READMEs on light and dark pages.
const standaloneColours: Colours = {
  font: 'sans-serif',
  page: '#ffffff',
  background: '#ffffff',
  nodeFill: '#f6f8fa',
  nodeStroke: '#57606a',
  text: '#1f2328',
  muted: '#57606a',
  edge: '#8c959f',
  focus: '#0969da',
  severity: { error: '#cf222e', warning: '#bf8700', info: '#0969da', hint: '#6e7781' },
};

/** The stylesheet for the SVG's classes in `palette`. */
export function topologyStylesheet(palette: TopologyPalette): string {
  const c = palette === 'vscode' ? vscodeColours : standaloneColours;
  const rules = [
    `.kube-stateful-topology { font-family: ${c.font}; }`,
    ...(c.background ? [`.kube-stateful-topology .background { fill: ${c.background}; }`] : []),
    `.kube-stateful-topology .node { cursor: pointer; }`,
    `.kube-stateful-topology .node rect { fill: ${c.nodeFill}; stroke: ${c.nodeStroke}; stroke-width: 1; }`,
    `.kube-stateful-topology .node text { fill: ${c.text}; }`,
    `.kube-stateful-topology .node .name { font-weight: 600; }`,
    `.kube-stateful-topology .node .kind { fill: ${c.muted}; }`,
    `.kube-stateful-topology .node:hover rect, .kube-stateful-topology .node:focus rect { stroke: ${c.focus}; stroke-width: 2; }`,
    `.kube-stateful-topology .node:focus { outline: none; }`,
    ...(['error', 'warning', 'info', 'hint'] as const).flatMap((severity) => [
      `.kube-stateful-topology .node.severity-${severity} rect { stroke: ${c.severity[severity]}; stroke-width: 2.5; }`,
      `.kube-stateful-topology .node.severity-${severity} .findings { fill: ${c.severity[severity]}; }`,
    ]),
    `.kube-stateful-topology .edge path { fill: none; stroke: ${c.edge}; stroke-width: 1.2; }`,
    `.kube-stateful-topology .arrow-head { fill: ${c.edge}; }`,
    `.kube-stateful-topology .edge-label { fill: ${c.muted}; paint-order: stroke; stroke: ${c.page}; stroke-width: 3px; stroke-linejoin: round; }`,
  ];
  return rules.join('\n');
}

export interface SvgOptions {
  /** Embed this palette's stylesheet (for a file on its own); the webview brings its own. */
  readonly embedStyle?: TopologyPalette;
  /** Read by screen readers and shown by some viewers. */
  readonly title?: string;
}

/** The whole picture as one <svg> element. */
export function renderTopologySvg(layout: TopologyLayout, options: SvgOptions = {}): string {
  const title = options.title ?? 'Kubernetes topology';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="kube-stateful-topology" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    ...(options.embedStyle ? [`<style>\n${topologyStylesheet(options.embedStyle)}\n</style>`] : []),
    ...(options.embedStyle === 'standalone'
      ? [`<rect class="background" width="${layout.width}" height="${layout.height}"/>`]
      : []),
    '<defs><marker id="kube-stateful-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow-head" d="M0,0 L10,5 L0,10 z"/></marker></defs>',
    `<g class="edges">${layout.edges.map(renderEdge).join('')}</g>`,
    `<g class="nodes">${layout.nodes.map(renderNode).join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}
