// The findings of the last kustomize render, per file, and what hover on a kustomization says
// about rendering. server.ts creates it before the areas; the kustomize area publishes into it,
// the diagnostics and hover areas read it.
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LocatedFinding } from '../kustomize-run/render';
import { canonicalUri } from '../workspace-index/index-files';

export class RenderedOverlays {
  private findings = new Map<string, LocatedFinding[]>();
  // The disk text each file had when the overlays were last built: the findings' lines are lines
  // of that text, so a file open with other text (unsaved edits) shows none until the next save.
  private renderedTexts = new Map<string, string>();
  private currentNote: string | undefined;

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  /** Findings on rendered overlays that land in this file. */
  findingsOf(uri: string): readonly LocatedFinding[] {
    const key = canonicalUri(uri);
    const open = this.documents.get(uri);
    const read = this.renderedTexts.get(key);
    if (open && read !== undefined && open.getText() !== read) {
      return [];
    }
    return this.findings.get(key) ?? [];
  }

  /** What hover on a kustomization says about rendering; undefined before the first render. */
  note(): string | undefined {
    return this.currentNote;
  }

  /**
   * Replaces the findings (keyed by canonical uri), the texts they were read from (kept when
   * omitted) and the note. True when findings were shown before or are now, so diagnostics need
   * a refresh.
   */
  publish(
    findings: Map<string, LocatedFinding[]>,
    note: string,
    renderedTexts?: Map<string, string>,
  ): boolean {
    const changed = this.findings.size > 0 || findings.size > 0;
    this.findings = findings;
    this.currentNote = note;
    if (renderedTexts) {
      this.renderedTexts = renderedTexts;
    }
    return changed;
  }
}

/** The overlay's folder relative to the workspace folder that holds it (`overlays/prod`). */
export function labelOf(workspaceFolders: readonly string[], overlayUri: string): string {
  const folder = overlayUri.slice(0, overlayUri.lastIndexOf('/'));
  for (const root of workspaceFolders.map((uri) => canonicalUri(uri).replace(/\/$/, ''))) {
    if (folder === root) {
      return '.';
    }
    if (folder.startsWith(`${root}/`)) {
      return decodeURIComponent(folder.slice(root.length + 1));
    }
  }
  return decodeURIComponent(folder.slice(folder.lastIndexOf('/') + 1));
}
