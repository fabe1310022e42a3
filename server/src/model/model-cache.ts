// Keeps the parsed model of each open document version, so every feature of one request (and
// every request on the same version) shares one parse. Owned by a server instance, never global.
// A new version reuses the documents of the previous one that the edit did not touch.
import type { ParsedChunks } from './chunks';
import type { FileModel } from './model';
import { parseFileReusing } from './parse';

export class ModelCache {
  private readonly models = new Map<string, { model: FileModel; chunks: ParsedChunks }>();

  /** The model of this exact version, parsing the text only when the version is new. */
  get(uri: string, version: number, text: string): FileModel {
    const cached = this.models.get(uri);
    if (cached && cached.model.version === version && cached.model.text.length === text.length) {
      return cached.model;
    }
    const parsed = parseFileReusing(uri, version, text, cached?.chunks);
    this.models.set(uri, parsed);
    return parsed.model;
  }

  /** The latest model of a uri, whatever its version. */
  peek(uri: string): FileModel | undefined {
    return this.models.get(uri)?.model;
  }

  evict(uri: string): void {
    this.models.delete(uri);
  }
}
