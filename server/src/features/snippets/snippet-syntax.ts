// The VS Code snippet body syntax: parses tabstops, placeholders, choices and variables into a
// small tree, expands it with every placeholder at its default, and writes a tree back as text.

/** One piece of a parsed snippet body. A tabstop with children is a placeholder. */
export type SnippetNode =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'tabstop'; readonly index: number; readonly children: readonly SnippetNode[] }
  | { readonly type: 'choice'; readonly index: number; readonly options: readonly string[] }
  | { readonly type: 'variable'; readonly name: string; readonly children: readonly SnippetNode[] };

/**
 * Values for the variables editors resolve themselves (`$TM_FILENAME_BASE`, …), used when a body is
 * expanded for tests and previews. Unknown variables expand to their default or their name, as in
 * VS Code.
 */
export const previewVariables: Readonly<Record<string, string>> = {
  TM_FILENAME: 'manifest.yaml',
  TM_FILENAME_BASE: 'manifest',
  TM_DIRECTORY: 'k8s',
  RELATIVE_FILE: 'k8s/manifest.yaml',
  WORKSPACE_NAME: 'workspace',
  TM_SELECTED_TEXT: '',
  TM_CURRENT_LINE: '',
  CURRENT_YEAR: '2026',
};

/** Parses a snippet body. Never throws: a `$` that starts no valid construct is plain text. */
export function parseSnippet(body: string): SnippetNode[] {
  return createParser(body).parseUntil(() => false);
}

/** The text the snippet inserts when every placeholder keeps its default and choices their first option. */
export function expandSnippet(
  nodes: readonly SnippetNode[],
  variables: Readonly<Record<string, string>> = previewVariables,
): string {
  const defaults = new Map<number, readonly SnippetNode[] | string>();
  collectDefaults(nodes, defaults);
  const render = (list: readonly SnippetNode[]): string =>
    list
      .map((node) => {
        switch (node.type) {
          case 'text':
            return node.value;
          case 'choice':
            return node.options[0] ?? '';
          case 'tabstop': {
            if (node.children.length > 0) {
              return render(node.children);
            }
            // A bare `$1` mirrors the placeholder or choice that gives index 1 its value.
            const fallback = defaults.get(node.index);
            return typeof fallback === 'string' ? fallback : render(fallback ?? []);
          }
          case 'variable': {
            const value = variables[node.name];
            if (value !== undefined) {
              return value;
            }
            return node.children.length > 0 ? render(node.children) : node.name;
          }
        }
      })
      .join('');
  return render(nodes);
}

/** Writes a tree back in snippet syntax, escaping text so that it stays literal. */
export function serializeSnippet(nodes: readonly SnippetNode[], nested = false): string {
  // `}` only needs an escape inside a placeholder, where it would close it.
  const special = nested ? /[\\$}]/g : /[\\$]/g;
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.value.replace(special, (char) => `\\${char}`);
        case 'choice':
          return `\${${node.index}|${node.options.map((option) => option.replace(/[\\,|]/g, (char) => `\\${char}`)).join(',')}|}`;
        case 'tabstop':
          return node.children.length > 0
            ? `\${${node.index}:${serializeSnippet(node.children, true)}}`
            : `\${${node.index}}`;
        case 'variable':
          return node.children.length > 0
            ? `\${${node.name}:${serializeSnippet(node.children, true)}}`
            : `\${${node.name}}`;
      }
    })
    .join('');
}

/**
 * Replaces the given variables by literal text (variables the server knows and editors do not).
 * Variables named in `own` but without a value are replaced by their default.
 */
export function resolveVariables(
  nodes: readonly SnippetNode[],
  values: Readonly<Record<string, string>>,
  own: ReadonlySet<string> = new Set(),
): SnippetNode[] {
  return nodes.flatMap((node): SnippetNode[] => {
    if (node.type === 'variable') {
      const value = values[node.name];
      if (value !== undefined) {
        return [{ type: 'text', value }];
      }
      const children = resolveVariables(node.children, values, own);
      return own.has(node.name) ? children : [{ ...node, children }];
    }
    if (node.type === 'tabstop') {
      return [{ ...node, children: resolveVariables(node.children, values, own) }];
    }
    return [node];
  });
}

/** Every tabstop index in the body, in order of first appearance. */
export function tabstopIndexes(nodes: readonly SnippetNode[]): number[] {
  const seen: number[] = [];
  const visit = (list: readonly SnippetNode[]): void => {
    for (const node of list) {
      if ((node.type === 'tabstop' || node.type === 'choice') && !seen.includes(node.index)) {
        seen.push(node.index);
      }
      if (node.type === 'tabstop' || node.type === 'variable') {
        visit(node.children);
      }
    }
  };
  visit(nodes);
  return seen;
}

function collectDefaults(
  nodes: readonly SnippetNode[],
  defaults: Map<number, readonly SnippetNode[] | string>,
): void {
  for (const node of nodes) {
    if (node.type === 'choice' && !defaults.has(node.index)) {
      defaults.set(node.index, node.options[0] ?? '');
    } else if (node.type === 'tabstop') {
      if (node.children.length > 0 && !defaults.has(node.index)) {
        defaults.set(node.index, node.children);
      }
      collectDefaults(node.children, defaults);
    } else if (node.type === 'variable') {
      collectDefaults(node.children, defaults);
    }
  }
}

/** A recursive-descent parser over the body text that backtracks on malformed constructs. */
function createParser(text: string): {
  parseUntil(stop: (char: string) => boolean): SnippetNode[];
} {
  let position = 0;

  const match = (pattern: RegExp): string | undefined => {
    const found = pattern.exec(text.slice(position));
    if (!found) {
      return undefined;
    }
    position += found[0].length;
    return found[0];
  };

  const reference = (name: string, children: readonly SnippetNode[]): SnippetNode =>
    /^\d/.test(name)
      ? { type: 'tabstop', index: Number(name), children }
      : { type: 'variable', name, children };

  /** Parses nodes until `stop` says the next character closes the enclosing construct. */
  const parseUntil = (stop: (char: string) => boolean): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let pending = '';
    const flush = (): void => {
      if (pending !== '') {
        nodes.push({ type: 'text', value: pending });
        pending = '';
      }
    };
    while (position < text.length) {
      const char = text[position]!;
      if (stop(char)) {
        break;
      }
      if (char === '\\') {
        const next = text[position + 1];
        if (next === '$' || next === '}' || next === '\\') {
          pending += next;
          position += 2;
          continue;
        }
      }
      if (char === '$') {
        const start = position;
        const node = parseDollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
        position = start;
      }
      pending += char;
      position++;
    }
    flush();
    return nodes;
  };

  const parseDollar = (): SnippetNode | undefined => {
    position++; // past `$`
    const simple = match(/^(\d+|[_a-zA-Z][_a-zA-Z0-9]*)/);
    if (simple !== undefined) {
      return reference(simple, []);
    }
    if (text[position] !== '{') {
      return undefined;
    }
    position++;
    const name = match(/^(\d+|[_a-zA-Z][_a-zA-Z0-9]*)/);
    if (name === undefined) {
      return undefined;
    }
    const next = text[position];
    if (next === '}') {
      position++;
      return reference(name, []);
    }
    if (next === ':') {
      position++;
      const children = parseUntil((char) => char === '}');
      if (text[position] !== '}') {
        return undefined;
      }
      position++;
      return reference(name, children);
    }
    if (next === '|' && /^\d/.test(name)) {
      position++;
      const options = parseChoiceOptions();
      return options ? { type: 'choice', index: Number(name), options } : undefined;
    }
    if (next === '/' && skipTransform()) {
      // A transform (`${1/regex/format/flags}`) is kept as the plain tabstop or variable it
      // transforms: previews do not need the rewritten value.
      return reference(name, []);
    }
    return undefined;
  };

  const parseChoiceOptions = (): string[] | undefined => {
    const options: string[] = [];
    let current = '';
    while (position < text.length) {
      const char = text[position]!;
      if (char === '\\' && /[\\,|]/.test(text[position + 1] ?? '')) {
        current += text[position + 1];
        position += 2;
        continue;
      }
      if (char === ',') {
        options.push(current);
        current = '';
      } else if (char === '|' && text[position + 1] === '}') {
        options.push(current);
        position += 2;
        return options;
      } else {
        current += char;
      }
      position++;
    }
    return undefined;
  };

  /** Skips `/regex/format/flags}`; false when the transform is not closed. */
  const skipTransform = (): boolean => {
    let slashes = 0;
    // The format part may hold `${1:/upcase}`-style references whose braces do not close it.
    let depth = 0;
    while (position < text.length) {
      const char = text[position]!;
      if (char === '\\') {
        position += 2;
        continue;
      }
      if (char === '$' && text[position + 1] === '{') {
        depth++;
        position++;
      } else if (char === '/' && depth === 0) {
        slashes++;
      } else if (char === '}') {
        if (depth > 0) {
          depth--;
        } else if (slashes >= 3) {
          position++;
          return true;
        }
      }
      position++;
    }
    return false;
  };

  return { parseUntil };
}
