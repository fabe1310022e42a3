// Turns file text into the immutable FileModel: cuts it into chunks at `---` lines (chunks.ts),
// reuses the chunks of the previous version an edit did not touch, and parses the rest
// (parse-chunk.ts). The result is shared by every feature.
import type { DocumentModel, FileModel } from './model';
import { splitIntoChunks } from './chunks';
import { emptyDocument, parseChunk } from './parse-chunk';
import { shiftDocument } from './shift';
import { runInSlices } from './slices';
import type { SliceOptions } from './slices';
import { computeLineStarts } from './spans';

/**
 * Parses every document of a file. Never throws on bad input: problems become ParseIssues.
 *
 * The text is cut into chunks at `---` lines and each chunk is parsed on its own. Given the
 * previous model of the same file, chunks whose text did not change are reused (shifted when
 * their offset moved), so typing in one document of a 200-document file re-parses one document.
 */
export function parseFile(
  uri: string,
  version: number,
  text: string,
  previous?: FileModel,
): FileModel {
  const steps = parseSteps(uri, version, text, previous);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      return step.value;
    }
  }
}

/**
 * `parseFile` that yields to other work every few milliseconds (a file of thousands of
 * documents takes seconds); undefined when `isStale` says the result is no longer wanted.
 */
export function parseFileInSlices(
  uri: string,
  version: number,
  text: string,
  previous: FileModel | undefined,
  options: SliceOptions,
): Promise<FileModel | undefined> {
  return runInSlices(parseSteps(uri, version, text, previous), options);
}

/**
 * The parse as steps: it stops after each chunk, so a caller can give other
 * requests their turn in between, or finish at once (`parseFile`, `ModelCache.get`).
 */
export function* parseSteps(
  uri: string,
  version: number,
  text: string,
  previous?: FileModel,
): Generator<void, FileModel, undefined> {
  const lineStarts = computeLineStarts(text);
  const oldRecords = (previous && chunkRecords.get(previous)) ?? [];
  const chunks = splitIntoChunks(text, lineStarts);
  const records: ChunkRecord[] = [];
  const documents: DocumentModel[] = [];
  for (const [position, [start, end]] of chunks.entries()) {
    const chunkText = text.slice(start, end);
    const old = reusableChunk(oldRecords, chunks.length, position, chunkText);
    let chunkDocuments: readonly DocumentModel[];
    if (old && old.start === start) {
      chunkDocuments = old.documents;
    } else if (old) {
      chunkDocuments = old.documents.map((document) => {
        const shifted = shiftDocument(document, start - old.start);
        origins.set(shifted, { document, delta: start - old.start });
        return shifted;
      });
    } else {
      chunkDocuments = parseChunk(chunkText, start);
    }
    // Documents are numbered across the file; a reused chunk keeps its objects only when its
    // documents also kept their numbers.
    const numbered = chunkDocuments.map((document, offset) => {
      const index = documents.length + offset;
      if (document.index === index) {
        return document;
      }
      const renumbered = { ...document, index };
      origins.set(renumbered, origins.get(document) ?? { document, delta: 0 });
      return renumbered;
    });
    documents.push(...numbered);
    records.push({ start, text: chunkText, documents: numbered });
    yield;
  }
  if (documents.length === 0) {
    documents.push(emptyDocument(text.length));
  }
  const model: FileModel = {
    uri,
    version,
    text,
    lineStarts,
    documents,
    hasKubernetes: documents.some((document) => document.classification === 'kubernetes'),
  };
  chunkRecords.set(model, records);
  return model;
}

/**
 * The previous version's chunk with the same text, looked for where an edit leaves it: at the
 * same position counted from the start (chunks before the edit) or from the end (chunks after
 * it). Comparing two candidates avoids hashing every chunk's text on every keystroke; a chunk
 * moved elsewhere (cut and pasted) is parsed again.
 */
function reusableChunk(
  oldRecords: readonly ChunkRecord[],
  chunkCount: number,
  position: number,
  chunkText: string,
): ChunkRecord | undefined {
  const fromStart = oldRecords[position];
  if (fromStart?.text === chunkText) {
    return fromStart;
  }
  const fromEnd = oldRecords[position + oldRecords.length - chunkCount];
  return fromEnd?.text === chunkText ? fromEnd : undefined;
}

/** A chunk of text (from one `---` line to the next) and the documents parsed from it. */
interface ChunkRecord {
  readonly start: number;
  readonly text: string;
  readonly documents: readonly DocumentModel[];
}

/** Where a reused document came from: the previous version's document and how far it moved. */
export interface DocumentOrigin {
  readonly document: DocumentModel;
  /** Offset change; the text is identical, so line numbers move by a whole number of lines. */
  readonly delta: number;
}

const origins = new WeakMap<DocumentModel, DocumentOrigin>();

/**
 * The document of the previous version this one was copied from (same text, moved), so caches
 * of per-document results can be carried over instead of recomputed.
 */
export function originOf(document: DocumentModel): DocumentOrigin | undefined {
  return origins.get(document);
}

/** Remembers each model's chunks so the next version of the file can reuse them. */
const chunkRecords = new WeakMap<FileModel, readonly ChunkRecord[]>();
