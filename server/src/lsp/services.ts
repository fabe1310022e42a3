// What every LSP area shares: the connection, open documents, the model cache, the workspace
// state, the current settings and a guard that turns exceptions into logged error responses.
import type {
  ClientCapabilities,
  Connection,
  ServerCapabilities,
  TextDocuments,
} from 'vscode-languageserver';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileModel, ModelCache } from '../model';
import type { KubeStatefulSettings } from '../protocol';
import { defaultSettings } from '../protocol';
import type { Snippet } from '../features/snippets';
import type { Schema } from '../schema';
import type { IndexView, OverlayScope } from '../rules/index-view';
import type { DocumentRole } from '../rules/types';
import { RuleFindingsCache } from '../rules/run-rules';
import { RenderedOverlays, labelOf } from './rendered-overlays';
import { loadShippedSnippets } from './snippets';
import type { WorkspaceState } from './workspace-state';
import { canonicalUri } from '../workspace-index/index-files';

/**
 * What the areas share. Everything an area reads from another is built here, before any area
 * registers, and passed in: the workspace state (index + composed schema, fed by the workspace
 * area), the rendered overlays (published by the kustomize area), the rule findings cache and the
 * shipped snippets. No area replaces a member, so the areas may register in any order. What the
 * client says (capabilities, folders, trust, settings) is session state: written on `initialize`,
 * by the settings area and by the trust notification, read by all.
 */
export interface Services {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly models: ModelCache;
  /** The workspace index and the schema composed with the workspace's CRDs. */
  readonly workspace: WorkspaceState;
  /** Findings on rendered kustomize overlays, and what hover on a kustomization says. */
  readonly overlays: RenderedOverlays;
  /** Findings kept between runs over the versions of a file (owned by this server instance). */
  readonly ruleFindings: RuleFindingsCache;
  /** The shipped snippets, read from the `snippets/` folder on first use. */
  readonly snippets: () => readonly Snippet[];
  /** The current schema: `workspace.schema`. */
  readonly schema: Schema;
  /** The client's capabilities, known after `initialize`. */
  client: ClientCapabilities;
  /** Workspace folder uris, known after `initialize`. */
  workspaceFolders: string[];
  /** False when the client says the workspace is untrusted: no external program is run. */
  workspaceTrusted: boolean;
  settings: KubeStatefulSettings;
  /** Cross-file facts for rules, recording nothing (`workspace.view()`). */
  readonly index: IndexView;
  /** The view a check of this file reads (the index records what the file depends on). */
  indexFor(uri: string): IndexView;
  /**
   * The kustomize overlays that deploy this file, each with its view of the workspace; call
   * after `indexFor` (the overlays' queries are recorded with the file's dependencies).
   */
  overlaysFor(uri: string): readonly OverlayScope[];
  /** The namespace of documents without `metadata.namespace` in this file (kustomization or default). */
  defaultNamespaceOf(uri: string): string;
  /** The role of a document of this file (whole object, kustomize patch, …), from the index. */
  roleOf(uri: string, documentIndex: number): DocumentRole;
  /**
   * Listeners run on the client's `initialized` notification. jsonrpc keeps one handler per
   * method, so areas register here instead of calling `connection.onInitialized` themselves.
   * Each runs through `catchAndLog`, so it may be async.
   */
  readonly onInitialized: (() => void | Promise<void>)[];
  /** Listeners run after settings change (diagnostics refresh, index exclusions, …). */
  readonly onSettingsChanged: (() => void | Promise<void>)[];
  /**
   * The parsed model of an open document, or undefined when it is not open or too large. A parse
   * of the current version under way in slices is finished at once.
   */
  modelOf(uri: string): FileModel | undefined;
  /**
   * `modelOf`, parsed in slices that let other requests in between; undefined also when the
   * document changed or closed before the parse finished.
   */
  modelInSlices(uri: string): Promise<FileModel | undefined>;
  /**
   * Settles once the index holds the facts of the document's latest version (the workspace area
   * reads them in slices after each change); diagnostics wait for it, as rules read the index.
   */
  indexed(uri: string): Promise<void>;
  /** Runs a request handler; an exception is logged and answered with an error response. */
  guard<T>(name: string, handler: () => T): T;
  /** `guard` for request handlers that answer with a promise: a rejection is treated alike. */
  guardAsync<T>(name: string, handler: () => Promise<T>): Promise<T>;
  /**
   * Runs the work of a notification or event (synchronous or not). An exception or rejection is
   * logged and goes no further: it stops neither the other listeners nor the server.
   */
  catchAndLog(name: string, work: () => void | Promise<void>): void;
}

/** One LSP area (diagnostics, completion, …): what it advertises and how it registers handlers. */
export interface LspArea {
  capabilities?(client: ClientCapabilities): ServerCapabilities;
  register(services: Services): void;
}

/**
 * The model of a document's current version once its facts are in the index too: features that
 * read other files (lenses, hints, references, peer lists) must see this version's own objects.
 * A large file is parsed in slices meanwhile, so other requests are answered.
 */
export async function readyModel(services: Services, uri: string): Promise<FileModel | undefined> {
  const model = await services.modelInSlices(uri);
  await services.indexed(uri);
  return model;
}

export function createServices(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  models: ModelCache,
  workspace: WorkspaceState,
): Services {
  let snippets: readonly Snippet[] | undefined;
  const services: Services = {
    connection,
    documents,
    models,
    workspace,
    overlays: new RenderedOverlays(documents),
    ruleFindings: new RuleFindingsCache(),
    snippets: () => (snippets ??= loadShippedSnippets(connection)),
    get schema() {
      return workspace.schema;
    },
    client: {},
    workspaceFolders: [],
    workspaceTrusted: true,
    settings: defaultSettings,
    index: workspace.view(),
    indexFor: (uri) => workspace.indexFor(uri),
    overlaysFor: (uri) =>
      workspace.index.overlayScopesFor(
        canonicalUri(uri),
        (overlayUri) => labelOf(services.workspaceFolders, overlayUri),
        uri,
      ),
    defaultNamespaceOf: (uri) => workspace.defaultNamespaceOf(uri),
    roleOf: (uri, documentIndex) => workspace.roleOf(uri, documentIndex),
    onInitialized: [],
    onSettingsChanged: [],
    modelOf(uri) {
      const document = documents.get(uri);
      if (!document || document.getText().length > services.settings.maxFileSize) {
        return undefined;
      }
      return models.get(uri, document.version, document.getText());
    },
    modelInSlices(uri) {
      const document = documents.get(uri);
      if (!document || document.getText().length > services.settings.maxFileSize) {
        return Promise.resolve(undefined);
      }
      return models.getInSlices(uri, document.version, document.getText());
    },
    indexed: (uri) => workspace.indexed(uri),
    guard(name, handler) {
      try {
        return handler();
      } catch (error) {
        throw failed(connection, name, error);
      }
    },
    async guardAsync(name, handler) {
      try {
        return await handler();
      } catch (error) {
        throw failed(connection, name, error);
      }
    },
    catchAndLog(name, work) {
      const log = (error: unknown): void => logFailure(connection, name, error);
      try {
        const pending = work();
        if (pending) {
          pending.catch(log);
        }
      } catch (error) {
        log(error);
      }
    },
  };
  return services;
}

/** Logs a failure with its stack to the output channel. */
function logFailure(connection: Connection, name: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  connection.console.error(`${name} failed: ${detail}`);
}

/**
 * Logs a request handler's failure and turns it into the error response the request answers
 * with. A ResponseError the handler chose (a cancellation, bad parameters) passes unchanged.
 */
function failed(connection: Connection, name: string, error: unknown): ResponseError<unknown> {
  if (error instanceof ResponseError) {
    return error;
  }
  logFailure(connection, name, error);
  return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${String(error)}`);
}
