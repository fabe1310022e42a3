// Feeds the hostile corpus to every pure layer: the parser (fresh and incremental), the rules with
// the real schema and an index, quick fixes, fact extraction, symbols, and completion, hover,
// snippets and navigation at every offset.
// Nothing may throw, and every span handed back must lie inside the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileModel, Span } from '../../server/src/model';
import { parseFile, walk } from '../../server/src/model';
import { defaultSettings } from '../../server/src/protocol';
import { runRules } from '../../server/src/rules/run-rules';
import { loadSchema } from '../../server/src/schema';
import { complete } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import {
  completeSnippets,
  findSnippetFolder,
  readSnippetFolder,
} from '../../server/src/features/snippets';
import { quickFixesFor } from '../../server/src/features/code-actions';
import type { NavigationContext } from '../../server/src/features/navigation/navigation';
import { definitionAt, referencesAt } from '../../server/src/features/navigation/navigation';
import { referenceHoverAt } from '../../server/src/features/navigation/reference-hover';
import { documentSymbols } from '../../server/src/features/symbols';
import type { DocumentSymbolData } from '../../server/src/features/symbols';
import { extractFacts } from '../../server/src/workspace-index/extract-facts';
import { indexForFixture } from '../support/fixture-index';
import type { NastyInput } from './nasty-inputs';
import { baseManifest, createRandom, nastyInputs, typeConfusedManifests } from './nasty-inputs';

const schema = loadSchema();
const folder = findSnippetFolder(__dirname);
const snippets = folder ? readSnippetFolder(folder).snippets : [];
const uri = 'file:///work/fuzz.yaml';
const baseModel = parseFile('file:///work/base.yaml', 1, baseManifest);

/** Texts up to this length are probed at every offset; longer ones at a sample. */
const everyOffsetLimit = 600;
/**
 * Completion reads the cursor's whole line, so a probe of a huge text costs more; the sample
 * shrinks with the length to keep the run within a few seconds.
 */
const probedCharacters = 3_000_000;

function assertSpan(span: Span, model: FileModel, what: string): void {
  assert.ok(
    span[0] >= 0 && span[0] <= span[1] && span[1] <= model.text.length,
    `${what}: span [${span[0]}, ${span[1]}) outside a text of ${model.text.length}`,
  );
}

/**
 * Every offset of a small text. For a larger one: the start and end of its first lines (where
 * keys and values begin and end), both ends of the text and a seeded sample in between.
 */
function probeOffsets(model: FileModel): number[] {
  const length = model.text.length;
  if (length <= everyOffsetLimit) {
    return Array.from({ length: length + 1 }, (_, offset) => offset);
  }
  const count = Math.max(16, Math.min(300, Math.floor(probedCharacters / length)));
  const random = createRandom(length);
  const offsets = new Set<number>([0, length]);
  for (const start of model.lineStarts.slice(0, count / 3)) {
    offsets.add(start);
    offsets.add(Math.max(0, start - 1));
  }
  while (offsets.size < count) {
    offsets.add(Math.floor(random() * (length + 1)));
  }
  return [...offsets];
}

function checkSymbols(
  symbols: readonly DocumentSymbolData[],
  model: FileModel,
  label: string,
): void {
  for (const symbol of symbols) {
    assertSpan(symbol.span, model, `${label}: symbol ${symbol.name}`);
    assertSpan(symbol.selectionSpan, model, `${label}: symbol ${symbol.name}`);
    checkSymbols(symbol.children, model, label);
  }
}

/** Rules, their quick fixes, fact extraction and the outline; returns the index it built. */
function checkWholeFile(model: FileModel, label: string): NavigationContext {
  const index = indexForFixture([model, baseModel]);
  const options = { schema, settings: defaultSettings, index };
  const findings = runRules(model, options);
  for (const finding of findings) {
    assertSpan(finding.span, model, `${label}: ${finding.ruleId}`);
    for (const related of finding.related ?? []) {
      assert.ok(related.message.length > 0, `${label}: ${finding.ruleId} related message`);
    }
  }
  const models = new Map([model, baseModel].map((each) => [each.uri, each]));
  for (const fix of quickFixesFor(model, findings, {
    ...options,
    modelOf: (at) => models.get(at),
  })) {
    assert.ok(fix.edits.length > 0, `${label}: quick fix "${fix.title}" without edits`);
  }
  extractFacts(model);
  checkSymbols(documentSymbols(model, 'default'), model, label);
  return { model, index, defaultNamespace: 'default' };
}

function checkCursorFeatures(navigation: NavigationContext, label: string): void {
  const { model } = navigation;
  for (const offset of probeOffsets(model)) {
    const where = `${label} at ${offset}`;
    for (const proposal of complete(model, offset, schema, defaultSettings)) {
      assertSpan(proposal.replace, model, `${where}: completion ${proposal.label}`);
      proposal.additionalEdits?.forEach((edit) => assertSpan(edit.span, model, where));
    }
    for (const proposal of completeSnippets(model, offset, snippets)) {
      assertSpan(proposal.replace, model, `${where}: snippet ${proposal.label}`);
    }
    const result = hover(model, offset, schema);
    if (result) {
      assertSpan(result.span, model, `${where}: hover`);
    }
    const definition = definitionAt(navigation, offset);
    if (definition) {
      assertSpan(definition.origin, model, `${where}: definition`);
    }
    referencesAt(navigation, offset, true);
    referenceHoverAt(navigation, offset);
  }
}

function checkModel(model: FileModel, label: string): void {
  for (const document of model.documents) {
    assertSpan(document.span, model, `${label}: document ${document.index}`);
    document.errors.forEach((error) => assertSpan(error.span, model, `${label}: ${error.code}`));
    walk(document.root, (node) => assertSpan(node.span, model, `${label}: ${node.type} node`));
  }
}

function checkInput({ name, text }: NastyInput, previous: FileModel): FileModel {
  const model = parseFile(uri, 2, text);
  checkModel(model, name);
  // Re-parsing from an older version must give exactly what a fresh parse gives.
  const incremental = parseFile(uri, 2, text, previous);
  assert.deepEqual(incremental.documents, model.documents, `${name}: incremental parse differs`);
  checkCursorFeatures(checkWholeFile(model, name), name);
  return model;
}

/** Runs every check and reports all failures at once, one line each. */
function collectFailures(run: (fail: (error: unknown) => void) => void): void {
  const failures: string[] = [];
  run((error) =>
    failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error)),
  );
  assert.deepEqual(failures, []);
}

test('no layer throws on the hostile corpus, and every span stays inside the text', () => {
  collectFailures((fail) => {
    let previous = parseFile(uri, 1, baseManifest);
    for (const input of nastyInputs()) {
      try {
        previous = checkInput(input, previous);
      } catch (error) {
        fail(error);
      }
    }
  });
});

test('rules and features cope with a value of the wrong shape anywhere in a manifest', () => {
  const spans: Span[] = [];
  for (const document of baseModel.documents) {
    walk(document.root, (node) => {
      if (node.type !== 'alias') {
        spans.push(node.span);
      }
    });
  }
  const previous = parseFile(uri, 1, baseManifest);
  collectFailures((fail) => {
    for (const input of typeConfusedManifests(spans)) {
      try {
        checkWholeFile(parseFile(uri, 2, input.text, previous), input.name);
      } catch (error) {
        fail(error);
      }
    }
  });
});
