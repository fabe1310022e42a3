// Keeps the parsed model of each open document version, so every feature of one request (and
// every request on the same version) shares one parse. Owned by a server instance, never global.
import type { FileModel } from './model';
import { parseSteps } from './parse';
import { runInSlices } from './slices';

/** A parse under way in slices: whoever needs the model first finishes it. */
class PendingParse {
  model?: FileModel;
  done: Promise<FileModel | undefined> = Promise.resolve(undefined);
  constructor(
    readonly version: number,
    readonly length: number,
    readonly steps: Generator<void, FileModel, undefined>,
  ) {}
}

export class ModelCache {
  private readonly models = new Map<string, FileModel>();
  private readonly pending = new Map<string, PendingParse>();

  /**
   * The model of this exact version, parsing the text only when the version is new. A parse of
   * this version under way in slices is finished at once (a request needs the model now).
   */
  get(uri: string, version: number, text: string): FileModel {
    const cached = this.current(uri, version, text);
    if (cached) {
      return cached;
    }
    const pending = this.pendingFor(uri, version, text);
    if (pending) {
      while (!pending.model) {
        this.advance(uri, pending);
      }
      return pending.model;
    }
    // The previous version lets the parser reuse every document the edit did not touch.
    const steps = parseSteps(uri, version, text, this.models.get(uri));
    for (;;) {
      const step = steps.next();
      if (step.done) {
        this.store(uri, step.value);
        return step.value;
      }
    }
  }

  /**
   * The model of this version, parsed in slices that let other requests in between (a file of
   * thousands of documents takes seconds). Undefined when a newer version or a close overtook
   * the parse; callers asking for the same version share one parse.
   */
  getInSlices(uri: string, version: number, text: string): Promise<FileModel | undefined> {
    const cached = this.current(uri, version, text);
    if (cached) {
      return Promise.resolve(cached);
    }
    const existing = this.pendingFor(uri, version, text);
    if (existing) {
      return existing.done;
    }
    const entry = new PendingParse(
      version,
      text.length,
      parseSteps(uri, version, text, this.models.get(uri)),
    );
    this.pending.set(uri, entry);
    entry.done = runInSlices(
      {
        next: () => (entry.model ? { done: true, value: entry.model } : this.advance(uri, entry)),
      },
      {
        // Finished by `get` meanwhile, the parse is no less wanted; a newer one replaces it.
        isStale: () => !entry.model && this.pending.get(uri) !== entry,
      },
    );
    return entry.done;
  }

  /** The latest model of a uri, whatever its version. */
  peek(uri: string): FileModel | undefined {
    return this.models.get(uri);
  }

  evict(uri: string): void {
    this.models.delete(uri);
    this.pending.delete(uri);
  }

  private current(uri: string, version: number, text: string): FileModel | undefined {
    const cached = this.models.get(uri);
    return cached && cached.version === version && cached.text.length === text.length
      ? cached
      : undefined;
  }

  private pendingFor(uri: string, version: number, text: string): PendingParse | undefined {
    const pending = this.pending.get(uri);
    return pending && pending.version === version && pending.length === text.length
      ? pending
      : undefined;
  }

  private advance(uri: string, entry: PendingParse): IteratorResult<void, FileModel> {
    const step = entry.steps.next();
    if (step.done) {
      entry.model = step.value;
      this.store(uri, step.value);
    }
    return step;
  }

  private store(uri: string, model: FileModel): void {
    if (this.pending.get(uri)?.version === model.version) {
      this.pending.delete(uri);
    }
    // A parse of an older version finishing late must not replace a newer model.
    const cached = this.models.get(uri);
    if (!cached || cached.version <= model.version) {
      this.models.set(uri, model);
    }
  }
}
