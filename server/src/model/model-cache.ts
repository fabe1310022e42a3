// Keeps the parsed model of each open document version, so every feature of one request (and
// every request on the same version) shares one parse. Owned by a server instance, never global.
import type { FileModel } from './model';
import { parseFile } from './parse';

export class ModelCache {
  private readonly models = new Map<string, FileModel>();

  /** The model of this exact version, parsing the text only when the version is new. */
  get(uri: string, version: number, text: string): FileModel {
    const cached = this.models.get(uri);
    if (cached && cached.version === version && cached.text.length === text.length) {
      return cached;
    }
    // The previous version lets the parser reuse every document the edit did not touch.
    const model = parseFile(uri, version, text, cached);
    this.models.set(uri, model);
    return model;
  }

  /** The latest model of a uri, whatever its version. */
  peek(uri: string): FileModel | undefined {
    return this.models.get(uri);
  }

  evict(uri: string): void {
    this.models.delete(uri);
  }
}
