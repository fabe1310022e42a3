// Drives any stdio language server the way an editor does: spawns it, answers its requests
// (configuration, progress, registrations, diagnostics refresh), and offers the requests the
// scenarios time. Diagnostics are pulled when the server supports it and awaited as pushes if not.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type {
  CompletionItem,
  CompletionList,
  Diagnostic,
  Hover,
  InitializeParams,
  InitializeResult,
  Position,
  ProtocolConnection,
  PublishDiagnosticsParams,
  ServerCapabilities,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

export interface DriverOptions {
  /** The server command as argv: the executable and its arguments. */
  readonly command: readonly string[];
  /** The workspace folder, if the scenario has one. */
  readonly rootPath?: string;
  /** Advertise pull diagnostics, as VS Code does (true by default). */
  readonly pull?: boolean;
  /** How long any single wait may take before the scenario fails, in milliseconds. */
  readonly timeoutMs?: number;
}

/** A server's resident memory, in megabytes: now and at its peak. */
export interface Memory {
  readonly rssMb: number;
  readonly peakRssMb: number;
}

interface ProgressEvent {
  readonly kind: 'begin' | 'report' | 'end';
  readonly at: bigint;
}

export interface Driver {
  readonly connection: ProtocolConnection;
  readonly pid: number;
  readonly capabilities: ServerCapabilities;
  /** Milliseconds from spawning the process to the initialize result. */
  readonly initializeMs: number;
  /** True when diagnostics are pulled (client and server both support it). */
  readonly pulls: boolean;
  /** Every `$/progress` event of work-done progress the server created, in order. */
  readonly progress: readonly ProgressEvent[];
  /** When each `workspace/diagnostic/refresh` request arrived. */
  readonly refreshes: readonly bigint[];
  open(uri: string, text: string, version?: number): Promise<void>;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void>;
  close(uri: string): Promise<void>;
  /** Sends a notification via `send`, then returns the diagnostics it led to (pull or push). */
  diagnosticsAfter(uri: string, send: () => Promise<void>): Promise<Diagnostic[]>;
  pull(uri: string): Promise<Diagnostic[]>;
  /** Resolves with the diagnostics of each uri at its next push. */
  nextPushes(uris: readonly string[]): Promise<Diagnostic[][]>;
  /** Resolves at the next `workspace/diagnostic/refresh`, or false after `timeoutMs`. */
  nextRefresh(timeoutMs: number): Promise<boolean>;
  completion(uri: string, position: Position): Promise<CompletionItem[]>;
  hover(uri: string, position: Position): Promise<Hover | null>;
  request<R>(method: string, params?: unknown): Promise<R>;
  memory(): Memory | undefined;
  /** The server's CPU time so far in milliseconds (Linux only). */
  cpuMs(): number | undefined;
  stderr(): string;
  shutdown(): Promise<void>;
}

/**
 * yaml-language-server's settings when it is the server under test: validation, hover and
 * completion against its Kubernetes schema for every file, as a user of it for manifests sets.
 */
const peerSettings = {
  validate: true,
  hover: true,
  completion: true,
  schemas: { kubernetes: ['*.yaml'] },
};

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Splits a command line into argv, honouring single and double quotes (no shell involved). */
export function splitCommand(line: string): string[] {
  const args: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of line.matchAll(pattern)) {
    args.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return args;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Rejects when the promise takes longer than `ms`, naming what was awaited. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Clock ticks per second of /proc CPU times (USER_HZ), 100 on virtually every Linux. */
let ticksPerSecond: number | undefined;

/**
 * The CPU time a process has used so far (user + system), in milliseconds, from /proc. Unlike
 * wall-clock times it barely moves when other processes compete for the cores.
 */
export function readCpuMs(pid: number): number | undefined {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at the state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / ticksPerSecond : undefined;
  } catch {
    return undefined;
  }
}

/** Reads VmRSS and VmHWM of a process from /proc (Linux only; undefined elsewhere). */
export function readMemory(pid: number): Memory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number => {
      const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
      return match ? Number(match[1]) / 1024 : NaN;
    };
    return { rssMb: field('VmRSS'), peakRssMb: field('VmHWM') };
  } catch {
    return undefined;
  }
}

function clientCapabilities(pull: boolean): InitializeParams['capabilities'] {
  return {
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: true },
      completion: {
        completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
        contextSupport: true,
      },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
      ...(pull ? { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } } : {}),
    },
    workspace: {
      configuration: true,
      workspaceFolders: true,
      didChangeWatchedFiles: { dynamicRegistration: true },
      diagnostics: { refreshSupport: true },
    },
    window: { workDoneProgress: true },
  };
}

/** Spawns the server and initializes it; the caller shuts it down. */
export async function startDriver(options: DriverOptions): Promise<Driver> {
  const [executable, ...args] = options.command;
  if (!executable) {
    throw new Error('empty server command');
  }
  const spawnedAt = process.hrtime.bigint();
  const child: ChildProcessWithoutNullStreams = spawn(executable, args, { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) =>
      reject(new Error(`server exited (${code}): ${stderr.slice(-2000)}`)),
    ),
  );
  exited.catch(() => undefined);
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const timeoutMs = options.timeoutMs ?? 60_000;
  const progress: ProgressEvent[] = [];
  const refreshes: bigint[] = [];
  const refreshWaiters: (() => void)[] = [];
  const pushWaiters = new Map<string, ((diagnostics: Diagnostic[]) => void)[]>();
  const folders = options.rootPath ? [{ uri: fileUri(options.rootPath), name: 'bench' }] : null;

  connection.onNotification(
    'textDocument/publishDiagnostics',
    (params: PublishDiagnosticsParams) => {
      const waiters = pushWaiters.get(params.uri) ?? [];
      pushWaiters.delete(params.uri);
      waiters.forEach((resolve) => resolve(params.diagnostics));
    },
  );
  connection.onNotification('$/progress', (params: { value?: { kind?: string } }) => {
    const kind = params.value?.kind;
    if (kind === 'begin' || kind === 'report' || kind === 'end') {
      progress.push({ kind, at: process.hrtime.bigint() });
    }
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('window/showMessage', () => undefined);
  connection.onNotification('telemetry/event', () => undefined);
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) =>
      item.section === 'kubeStateful' ? {} : item.section === 'yaml' ? peerSettings : null,
    ),
  );
  connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshes.push(process.hrtime.bigint());
    refreshWaiters.splice(0).forEach((resolve) => resolve());
    return null;
  });
  connection.onRequest('workspace/workspaceFolders', () => folders);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.listen();

  const wait = <T>(promise: Promise<T>, what: string): Promise<T> =>
    withTimeout(Promise.race([promise, exited]), timeoutMs, what);
  const request = <R>(method: string, params?: unknown): Promise<R> =>
    wait(connection.sendRequest<R>(method, params), method);

  const pull = options.pull ?? true;
  const initialize: InitializeParams = {
    processId: process.pid,
    rootUri: folders?.[0]?.uri ?? null,
    workspaceFolders: folders,
    capabilities: clientCapabilities(pull),
  };
  const result = await request<InitializeResult>('initialize', initialize);
  const initializeMs = Number(process.hrtime.bigint() - spawnedAt) / 1e6;
  await connection.sendNotification('initialized', {});
  const capabilities = result.capabilities;

  const nextPushes = (uris: readonly string[]): Promise<Diagnostic[][]> =>
    wait(
      Promise.all(
        uris.map(
          (uri) =>
            new Promise<Diagnostic[]>((resolve) =>
              pushWaiters.set(uri, [...(pushWaiters.get(uri) ?? []), resolve]),
            ),
        ),
      ),
      `publishDiagnostics for ${uris.length} file(s)`,
    );
  const driver: Driver = {
    connection,
    pid: child.pid ?? -1,
    capabilities,
    initializeMs,
    pulls: pull && capabilities.diagnosticProvider !== undefined,
    progress,
    refreshes,
    open: (uri, text, version = 1) =>
      connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'yaml', version, text },
      }),
    change: (uri, version, contentChanges) =>
      connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges,
      }),
    close: (uri) => connection.sendNotification('textDocument/didClose', { textDocument: { uri } }),
    async pull(uri) {
      const report = await request<{ items?: Diagnostic[] }>('textDocument/diagnostic', {
        textDocument: { uri },
      });
      return report.items ?? [];
    },
    nextPushes,
    async diagnosticsAfter(uri, send) {
      if (driver.pulls) {
        await send();
        return driver.pull(uri);
      }
      const pushed = nextPushes([uri]);
      await send();
      return (await pushed)[0] ?? [];
    },
    nextRefresh: (ms) =>
      withTimeout(
        new Promise<boolean>((resolve) => refreshWaiters.push(() => resolve(true))),
        ms,
        'refresh',
      ).catch(() => false),
    async completion(uri, position) {
      const list = await request<CompletionList | CompletionItem[] | null>(
        'textDocument/completion',
        { textDocument: { uri }, position, context: { triggerKind: 1 } },
      );
      return Array.isArray(list) ? list : (list?.items ?? []);
    },
    hover: (uri, position) =>
      request<Hover | null>('textDocument/hover', { textDocument: { uri }, position }),
    request,
    memory: () => (child.pid === undefined ? undefined : readMemory(child.pid)),
    cpuMs: () => (child.pid === undefined ? undefined : readCpuMs(child.pid)),
    stderr: () => stderr,
    async shutdown() {
      try {
        await withTimeout(connection.sendRequest('shutdown'), 5000, 'shutdown');
        await connection.sendNotification('exit');
      } catch {
        // A server that does not shut down cleanly is killed below.
      } finally {
        // Give the server a moment to exit by itself (a --cpu-prof profile is written then).
        const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        if (child.exitCode === null) {
          await withTimeout(gone, 3000, 'server exit').catch(() => child.kill());
        }
        connection.dispose();
      }
    },
  };
  return driver;
}
