// Reads the snippet files (VS Code snippet JSON plus our `context` field) from the `snippets/`
// folder shipped next to `dist/`, and checks each entry's shape so a bad file never breaks completion.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SnippetNode } from './snippet-syntax';
import { parseSnippet } from './snippet-syntax';

/**
 * Where a snippet belongs. `root` snippets are whole objects offered at the root of a document;
 * the others are fragments offered at the indentation of the cursor:
 * - `container`: a key of a container (probes, resources);
 * - `pod-spec`: a key of a pod spec (`spec` of a Pod, `spec.template.spec` of a workload);
 * - `statefulset-spec`: a key of a StatefulSet's `spec`;
 * - `volumes`: a new item of a pod spec's `volumes`;
 * - `volumeClaimTemplates`: a new item of a StatefulSet's `volumeClaimTemplates`.
 */
export const snippetContexts = [
  'root',
  'container',
  'pod-spec',
  'statefulset-spec',
  'volumes',
  'volumeClaimTemplates',
] as const;

export type SnippetContext = (typeof snippetContexts)[number];

/** Contexts whose snippets are sequence items: their body starts with `- `. */
export const itemContexts: ReadonlySet<SnippetContext> = new Set([
  'volumes',
  'volumeClaimTemplates',
]);

export interface Snippet {
  /** The entry's name in its file, e.g. `StatefulSet with volumeClaimTemplates`. */
  readonly name: string;
  /** The file it came from, e.g. `storage.json`. */
  readonly file: string;
  readonly prefixes: readonly string[];
  /** The body in snippet syntax, lines joined with `\n`. */
  readonly body: string;
  readonly nodes: readonly SnippetNode[];
  readonly description: string;
  readonly context: SnippetContext;
}

/** A snippet file by name and text, so tests can pass contents without a folder. */
export interface SnippetSource {
  readonly file: string;
  readonly text: string;
}

export interface LoadedSnippets {
  readonly snippets: readonly Snippet[];
  /** Problems with individual files or entries, e.g. for the server log. */
  readonly problems: readonly string[];
}

/** Parses snippet files; malformed files and entries are reported and skipped. */
export function parseSnippetSources(sources: readonly SnippetSource[]): LoadedSnippets {
  const snippets: Snippet[] = [];
  const problems: string[] = [];
  for (const source of sources) {
    let json: unknown;
    try {
      json = JSON.parse(source.text);
    } catch (error) {
      problems.push(`${source.file}: not valid JSON (${String(error)})`);
      continue;
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      problems.push(`${source.file}: expected an object of snippets`);
      continue;
    }
    for (const [name, entry] of Object.entries(json as Record<string, unknown>)) {
      const snippet = toSnippet(source.file, name, entry);
      if (typeof snippet === 'string') {
        problems.push(`${source.file}: "${name}": ${snippet}`);
      } else {
        snippets.push(snippet);
      }
    }
  }
  return { snippets, problems };
}

/** Reads every `*.json` file of a snippet folder, in name order. */
export function readSnippetFolder(folder: string): LoadedSnippets {
  let files: string[];
  try {
    files = readdirSync(folder)
      .filter((file) => file.endsWith('.json'))
      .sort();
  } catch (error) {
    return {
      snippets: [],
      problems: [`cannot read the snippet folder ${folder}: ${String(error)}`],
    };
  }
  return parseSnippetSources(
    files.map((file) => ({ file, text: readFileSync(join(folder, file), 'utf8') })),
  );
}

/**
 * Finds the `snippets/` folder that ships beside the extension's `package.json`, looking upwards
 * from `start`: that is `dist/..` for the bundled server and the repository root for compiled
 * tests. Requiring the manifest next to it keeps unrelated folders named `snippets` out.
 */
export function findSnippetFolder(start: string = __dirname): string | undefined {
  let directory = start;
  for (let depth = 0; depth < 8; depth++) {
    const candidate = join(directory, 'snippets');
    if (existsSync(join(directory, 'package.json')) && existsSync(candidate)) {
      return candidate;
    }
    const parent = dirname(directory);
    if (parent === directory) {
      break;
    }
    directory = parent;
  }
  return undefined;
}

function toSnippet(file: string, name: string, entry: unknown): Snippet | string {
  if (typeof entry !== 'object' || entry === null) {
    return 'expected an object';
  }
  const { prefix, body, description, context } = entry as Record<string, unknown>;
  const prefixes = typeof prefix === 'string' ? [prefix] : prefix;
  if (
    !Array.isArray(prefixes) ||
    prefixes.length === 0 ||
    !prefixes.every((item) => typeof item === 'string' && item !== '')
  ) {
    return '`prefix` must be a non-empty string or list of strings';
  }
  const lines = typeof body === 'string' ? [body] : body;
  if (!Array.isArray(lines) || !lines.every((line) => typeof line === 'string')) {
    return '`body` must be a string or a list of strings';
  }
  if (typeof description !== 'string' || description === '') {
    return '`description` is required';
  }
  if (!snippetContexts.includes(context as SnippetContext)) {
    return `\`context\` must be one of ${snippetContexts.join(', ')}`;
  }
  const text = lines.join('\n');
  if (itemContexts.has(context as SnippetContext) && !text.startsWith('- ')) {
    return `a \`${String(context)}\` snippet is a sequence item and must start with "- "`;
  }
  return {
    name,
    file,
    prefixes: prefixes as string[],
    body: text,
    nodes: parseSnippet(text),
    description,
    context: context as SnippetContext,
  };
}
