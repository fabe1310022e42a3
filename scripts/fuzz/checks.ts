// What the fuzzer requires of every answer: ranges inside the document they name, edits at the
// cursor, outline children inside their parents. Each check returns problems as sentences.
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  Range,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Whether a position names a place in the text (a line that exists, a column within it). */
export function positionInside(document: TextDocument, position: Position): boolean {
  if (position.line < 0 || position.line >= document.lineCount || position.character < 0) {
    return false;
  }
  const start = document.offsetAt({ line: position.line, character: 0 });
  const next =
    position.line + 1 < document.lineCount
      ? document.offsetAt({ line: position.line + 1, character: 0 })
      : document.getText().length;
  const line = document
    .getText()
    .slice(start, next)
    .replace(/\r?\n$/, '');
  return position.character <= line.length;
}

const before = (a: Position, b: Position): boolean =>
  a.line < b.line || (a.line === b.line && a.character <= b.character);

export function rangeInside(document: TextDocument, range: Range): boolean {
  return (
    positionInside(document, range.start) &&
    positionInside(document, range.end) &&
    before(range.start, range.end)
  );
}

function contains(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

const show = (range: Range): string =>
  `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

export function checkDiagnostics(document: TextDocument, diagnostics: Diagnostic[]): string[] {
  return diagnostics.flatMap((diagnostic) => [
    ...(rangeInside(document, diagnostic.range)
      ? []
      : [`diagnostic ${String(diagnostic.code)} at ${show(diagnostic.range)} is outside the text`]),
    ...(diagnostic.relatedInformation ?? [])
      .filter(
        (related) =>
          related.location.uri === document.uri && !rangeInside(document, related.location.range),
      )
      .map(
        (related) =>
          `related location of ${String(diagnostic.code)} at ${show(related.location.range)} is outside the text`,
      ),
  ]);
}

export function checkCompletion(
  document: TextDocument,
  cursor: Position,
  items: CompletionItem[],
): string[] {
  const problems: string[] = [];
  for (const item of items) {
    const edit = item.textEdit;
    if (edit) {
      const ranges = 'range' in edit ? [edit.range] : [edit.insert, edit.replace];
      for (const range of ranges) {
        if (!rangeInside(document, range) || !contains(range, { start: cursor, end: cursor })) {
          problems.push(`completion "${item.label}" edits ${show(range)}, not at the cursor`);
        }
      }
    }
    for (const extra of item.additionalTextEdits ?? []) {
      if (!rangeInside(document, extra.range)) {
        problems.push(`completion "${item.label}" has an extra edit outside the text`);
      }
    }
  }
  return problems;
}

export function checkHover(
  document: TextDocument,
  cursor: Position,
  hover: Hover | null,
): string[] {
  if (!hover?.range) {
    return [];
  }
  return rangeInside(document, hover.range) && contains(hover.range, { start: cursor, end: cursor })
    ? []
    : [`hover range ${show(hover.range)} does not hold the cursor`];
}

/** Locations in open documents must lie inside their current text. */
export function checkLocations(
  documents: ReadonlyMap<string, TextDocument>,
  locations: readonly Location[],
  what: string,
): string[] {
  return locations.flatMap((location) => {
    const target = documents.get(location.uri);
    return target && !rangeInside(target, location.range)
      ? [`${what} location ${show(location.range)} is outside ${location.uri}`]
      : [];
  });
}

export function checkSymbols(document: TextDocument, symbols: DocumentSymbol[]): string[] {
  const problems: string[] = [];
  const visit = (symbol: DocumentSymbol, parent: DocumentSymbol | undefined): void => {
    if (!rangeInside(document, symbol.range)) {
      problems.push(`symbol ${symbol.name} at ${show(symbol.range)} is outside the text`);
    }
    if (!contains(symbol.range, symbol.selectionRange)) {
      problems.push(`symbol ${symbol.name}'s selection lies outside its range`);
    }
    if (parent && !contains(parent.range, symbol.range)) {
      problems.push(
        `symbol ${symbol.name} ${show(symbol.range)} lies outside its parent ${parent.name} ${show(parent.range)}`,
      );
    }
    symbol.children?.forEach((child) => visit(child, symbol));
  };
  symbols.forEach((symbol) => visit(symbol, undefined));
  return problems;
}

export function checkCodeActions(
  documents: ReadonlyMap<string, TextDocument>,
  actions: CodeAction[],
): string[] {
  return actions.flatMap((action) =>
    Object.entries(action.edit?.changes ?? {}).flatMap(([uri, edits]) => {
      const target = documents.get(uri);
      return target
        ? edits
            .filter((edit) => !rangeInside(target, edit.range))
            .map((edit) => `quick fix "${action.title}" edits ${show(edit.range)} outside ${uri}`)
        : [];
    }),
  );
}

/** Diagnostics in a comparable form: sorted, with what a fresh open must reproduce. */
export function comparable(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .map((diagnostic) =>
      JSON.stringify([
        show(diagnostic.range),
        diagnostic.code,
        diagnostic.severity,
        diagnostic.message,
        (diagnostic.relatedInformation ?? []).map((related) => [
          related.location.uri,
          show(related.location.range),
          related.message,
        ]),
      ]),
    )
    .sort();
}
