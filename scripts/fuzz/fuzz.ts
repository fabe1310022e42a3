// The seeded fuzzer: drives the built server over stdio with random incremental edits of real
// manifests (examples/ and the rule fixtures), every request it supports, open/close, watched-file
// events and settings changes, and checks each answer (checks.ts), the time each request takes,
// the server's memory, and that an edited document checks like a fresh open of the same text.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Location,
  LocationLink,
  Position,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerStatus } from '../../server/src/protocol';
import { readMemory } from '../bench/lsp-driver';
import type { Random } from '../bench/prng';
import { createRandom } from '../bench/prng';
import type { TestClient } from '../../test/support/lsp-client';
import { fileUri, startTestClient } from '../../test/support/lsp-client';
import { allRuleCasePaths } from '../../test/support/rule-cases';
import {
  checkCodeActions,
  checkCompletion,
  checkDiagnostics,
  checkHover,
  checkLocations,
  checkSymbols,
  comparable,
} from './checks';

const repoRoot = resolve(__dirname, '..', '..', '..');

export interface FuzzOptions {
  readonly seed: number;
  readonly ops: number;
  /** The longest a request may take (ms). */
  readonly requestLimitMs?: number;
  /** The most resident memory the server may use (MB). */
  readonly rssLimitMb?: number;
  readonly log?: (line: string) => void;
}

export interface FuzzResult {
  readonly ops: number;
  readonly requests: number;
  readonly edits: number;
  readonly freshChecks: number;
  readonly slowestRequestMs: number;
  readonly slowestRequest: string;
  readonly peakRssMb: number;
  readonly seconds: number;
}

/** A failure with the seed and operation that reproduce it. */
export class FuzzFailure extends Error {}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** Texts to type from: whole manifests, and their lines as pieces to insert. */
function corpus(): { manifests: string[]; lines: string[] } {
  const files = [...yamlFiles(join(repoRoot, 'examples')), ...allRuleCasePaths()];
  const manifests = files.map((file) => readFileSync(file, 'utf8'));
  const lines = manifests.flatMap((text) => text.split('\n')).filter((line) => line.trim() !== '');
  return { manifests, lines };
}

const oddPieces = [
  '',
  ' ',
  '\n',
  '  ',
  '- ',
  ': ',
  '---\n',
  '#',
  '"',
  "'",
  '{',
  '[',
  '\t',
  'é',
  '😀',
  '&a ',
  '*a',
  '<<: *a\n',
  '\r\n',
];

const ruleIds = [
  'sts-service-not-headless',
  'probe-missing',
  'resources-missing',
  'duplicate-key',
  'pdb-missing',
  'schema-required',
];
const severities = ['off', 'hint', 'info', 'warning', 'error'];

/** Random settings: rule severities, validation, the target version, known classes. */
function randomSettings(random: Random): Record<string, unknown> {
  const rules: Record<string, string> = {};
  for (const id of ruleIds) {
    if (random.chance(0.3)) {
      rules[id] = random.pick(severities);
    }
  }
  return {
    validate: random.chance(0.9),
    rules,
    kubernetesVersion: random.pick(['', '1.20', '1.25', '1.29', '1.36']),
    knownStorageClasses: random.chance(0.5) ? ['fast-ssd', 'gp3'] : [],
  };
}

/** Runs the fuzzer once; throws a FuzzFailure naming the seed and operation on the first problem. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const random = createRandom(options.seed);
  const limitMs = options.requestLimitMs ?? 2000;
  const rssLimitMb = options.rssLimitMb ?? 600;
  const { manifests, lines } = corpus();
  const root = mkdtempSync(join(tmpdir(), 'kube-stateful-fuzz-'));
  cpSync(join(repoRoot, 'examples'), join(root, 'examples'), { recursive: true });
  cpSync(join(repoRoot, 'test', 'fixtures', 'workspaces', 'sts-service'), join(root, 'sts'), {
    recursive: true,
  });
  const diskFiles = yamlFiles(root);
  let settings = randomSettings(random);
  const client: TestClient = await startTestClient({
    rootPath: root,
    settings,
    configuration: () => settings,
  });
  const open = new Map<string, TextDocument>();
  const started = performance.now();
  const result = {
    ops: 0,
    requests: 0,
    edits: 0,
    freshChecks: 0,
    slowestRequestMs: 0,
    slowestRequest: '',
    peakRssMb: 0,
  };
  let op = 0;
  let what = 'start';
  const fail = (problem: string): never => {
    throw new FuzzFailure(
      `seed ${options.seed}, operation ${op} (${what}): ${problem}\n${client.stderr().slice(-4000)}`,
    );
  };
  const expect = (problems: string[], document?: TextDocument): void => {
    if (problems.length > 0) {
      const text = document ? `\ntext: ${JSON.stringify(document.getText())}` : '';
      fail(problems.slice(0, 5).join('\n') + text);
    }
  };
  /** Sends a request, failing on an error answer or one slower than the limit. */
  const request = async <R>(method: string, params: unknown): Promise<R> => {
    const start = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${limitMs} ms`)), limitMs * 5);
    });
    try {
      const answer = await Promise.race([client.request<R>(method, params), late]);
      const took = performance.now() - start;
      result.requests++;
      if (took > result.slowestRequestMs) {
        result.slowestRequestMs = took;
        result.slowestRequest = method;
      }
      if (took > limitMs) {
        fail(`${method} took ${took.toFixed(0)} ms`);
      }
      return answer;
    } catch (error) {
      return fail(`${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  };
  const pull = async (uri: string): Promise<Diagnostic[]> =>
    (await request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } }))
      .items;
  /** Waits until the server has taken in what was sent and its file work has settled. */
  const settle = async (): Promise<void> => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const status = await request<ServerStatus>('kubeStateful/status', null);
      if (!status.indexing && status.pendingUpdates === 0) {
        break;
      }
      await new Promise((done) => setTimeout(done, 10));
    }
    // File reads of watched-file events and close run after the notification; give them a turn.
    await new Promise((done) => setTimeout(done, 15));
    await request<ServerStatus>('kubeStateful/status', null);
  };
  const randomPosition = (document: TextDocument): Position =>
    document.positionAt(random.int(0, document.getText().length));

  const openDocument = async (uri: string, text: string): Promise<void> => {
    const document = TextDocument.create(uri, 'yaml', 1, text);
    open.set(uri, document);
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
  };
  const closeDocument = async (uri: string): Promise<void> => {
    open.delete(uri);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  };

  /** One random incremental edit: delete, insert a manifest line or an odd piece, or both. */
  const edit = async (document: TextDocument): Promise<void> => {
    const text = document.getText();
    const start = random.int(0, text.length);
    const end = Math.min(text.length, start + (random.chance(0.5) ? 0 : random.int(0, 40)));
    const insert = random.chance(0.5)
      ? `${random.pick(lines)}\n`
      : random.chance(0.2)
        ? random.pick(manifests).slice(0, random.int(0, 400))
        : random.pick(oddPieces);
    const range = { start: document.positionAt(start), end: document.positionAt(end) };
    const version = document.version + 1;
    TextDocument.update(document, [{ range, text: insert }], version);
    result.edits++;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: document.uri, version },
      contentChanges: [{ range, text: insert }],
    });
  };

  /** The edited document's diagnostics must equal those of a fresh open of the same text. */
  const freshCheck = async (document: TextDocument): Promise<void> => {
    await settle();
    const edited = comparable(await pull(document.uri));
    const text = document.getText();
    await closeDocument(document.uri);
    await openDocument(document.uri, text);
    await settle();
    const fresh = comparable(await pull(document.uri));
    result.freshChecks++;
    if (JSON.stringify(edited) !== JSON.stringify(fresh)) {
      const onlyEdited = edited.filter((entry) => !fresh.includes(entry));
      const onlyFresh = fresh.filter((entry) => !edited.includes(entry));
      fail(
        `edited diagnostics differ from a fresh open\nonly after edits: ${onlyEdited.join('\n')}\nonly fresh: ${onlyFresh.join('\n')}\ntext: ${JSON.stringify(text)}`,
      );
    }
  };

  const steps: [weight: number, name: string, run: () => Promise<void>][] = [
    [
      4,
      'open',
      async () => {
        const path = random.pick(diskFiles);
        const uri = random.chance(0.6) ? fileUri(path) : fileUri(join(root, `new-${op}.yaml`));
        if (!open.has(uri)) {
          const text = uri.includes('/new-') ? random.pick(manifests) : readFileSync(path, 'utf8');
          await openDocument(uri, text);
        }
      },
    ],
    [
      2,
      'close',
      async () => {
        if (open.size > 0) {
          await closeDocument(random.pick([...open.keys()]));
        }
      },
    ],
    [
      30,
      'edit',
      async () => {
        if (open.size > 0) {
          await edit(random.pick([...open.values()]));
        }
      },
    ],
    [
      10,
      'diagnostics',
      async () => {
        const document = open.size > 0 ? random.pick([...open.values()]) : undefined;
        if (document) {
          expect(checkDiagnostics(document, await pull(document.uri)), document);
        }
      },
    ],
    [
      10,
      'completion',
      async () => {
        const document = open.size > 0 ? random.pick([...open.values()]) : undefined;
        if (document) {
          const position = randomPosition(document);
          const answer = await request<CompletionList | CompletionItem[] | null>(
            'textDocument/completion',
            { textDocument: { uri: document.uri }, position },
          );
          const items = Array.isArray(answer) ? answer : (answer?.items ?? []);
          expect(checkCompletion(document, position, items), document);
        }
      },
    ],
    [
      8,
      'hover',
      async () => {
        const document = open.size > 0 ? random.pick([...open.values()]) : undefined;
        if (document) {
          const position = randomPosition(document);
          const hover = await request<Hover | null>('textDocument/hover', {
            textDocument: { uri: document.uri },
            position,
          });
          expect(checkHover(document, position, hover), document);
        }
      },
    ],
    [
      5,
      'definition',
      async () => {
        const document = open.size > 0 ? random.pick([...open.values()]) : undefined;
        if (document) {
          const answer = await request<Location[] | LocationLink[] | null>(
            'textDocument/definition',
            { textDocument: { uri: document.uri }, position: randomPosition(document) },
          );
          const locations = (answer ?? []).map((entry) =>
            'targetUri' in entry ? { uri: entry.targetUri, range: entry.targetRange } : entry,
          );
          expect(checkLocations(open, locations, 'definition'));
        }
      },
    ],
    [
      5,
      'references',
      async () => {
        const document = open.size > 0 ? random.pick([...open.values()]) : undefined;
        if (document) {
          const answer = await request<Location[] | null>('textDocument/references', {
            textDocument: { uri: document.uri },
            position: randomPosition(document),
            context: { includeDeclaration: random.chance(0.5) },
          });
          expect(checkLocations(open, answer ?? [], 'references'));
        }
      },
    ],
    [
      5,
      'symbols',
      async () => {
        const document = open.size > 0 ? random.pick([...open.values()]) : undefined;
        if (document) {
          const symbols = await request<DocumentSymbol[] | null>('textDocument/documentSymbol', {
            textDocument: { uri: document.uri },
          });
          expect(checkSymbols(document, symbols ?? []), document);
        }
      },
    ],
    [
      5,
      'code actions',
      async () => {
        const document = open.size > 0 ? random.pick([...open.values()]) : undefined;
        if (document) {
          const diagnostics = await pull(document.uri);
          const chosen = diagnostics.length > 0 ? [random.pick(diagnostics)] : [];
          const range = chosen[0]?.range ?? {
            start: randomPosition(document),
            end: randomPosition(document),
          };
          const ordered =
            document.offsetAt(range.start) <= document.offsetAt(range.end)
              ? range
              : { start: range.end, end: range.start };
          const actions = await request<CodeAction[] | null>('textDocument/codeAction', {
            textDocument: { uri: document.uri },
            range: ordered,
            context: { diagnostics: chosen },
          });
          expect(checkCodeActions(open, actions ?? []));
        }
      },
    ],
    [
      2,
      'file event',
      async () => {
        const path = random.pick(diskFiles);
        const uri = fileUri(path);
        if (open.has(uri)) {
          return;
        }
        const deleted = random.chance(0.2);
        if (deleted) {
          rmSync(path, { force: true });
        } else {
          writeFileSync(
            path,
            random.chance(0.5) ? random.pick(manifests) : readFileSync(path, 'utf8') + '\n',
          );
        }
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
          changes: [{ uri, type: deleted ? 3 : 2 }],
        });
        if (deleted) {
          // Put it back next time it is picked: write it again now and tell the server.
          writeFileSync(path, random.pick(manifests));
          await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
            changes: [{ uri, type: 1 }],
          });
        }
      },
    ],
    [
      1,
      'settings',
      async () => {
        settings = randomSettings(random);
        await client.connection.sendNotification('workspace/didChangeConfiguration', {
          settings: null,
        });
      },
    ],
    [
      2,
      'fresh open check',
      async () => {
        const document = open.size > 0 ? random.pick([...open.values()]) : undefined;
        if (document) {
          await freshCheck(document);
        }
      },
    ],
  ];
  const totalWeight = steps.reduce((sum, [weight]) => sum + weight, 0);
  const pickStep = (): [string, () => Promise<void>] => {
    let roll = random.next() * totalWeight;
    for (const [weight, name, run] of steps) {
      roll -= weight;
      if (roll < 0) {
        return [name, run];
      }
    }
    const [, name, run] = steps[0]!;
    return [name, run];
  };

  try {
    await settle();
    for (op = 1; op <= options.ops; op++) {
      const [name, run] = pickStep();
      what = name;
      await run();
      result.ops++;
      if (op % 200 === 0 && client.pid !== undefined) {
        const memory = readMemory(client.pid);
        result.peakRssMb = Math.max(result.peakRssMb, memory?.rssMb ?? 0);
        if (memory && memory.rssMb > rssLimitMb) {
          fail(`the server uses ${memory.rssMb.toFixed(0)} MB`);
        }
        options.log?.(
          `${op} ops, ${result.requests} requests, slowest ${result.slowestRequestMs.toFixed(0)} ms, RSS ${memory?.rssMb.toFixed(0) ?? '?'} MB`,
        );
      }
    }
    what = 'final fresh open checks';
    for (const document of [...open.values()]) {
      await freshCheck(document);
    }
  } finally {
    await client.shutdown().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  }
  return { ...result, seconds: (performance.now() - started) / 1000 };
}
