// Reads expectation comments out of YAML fixtures. A comment line made of carets marks the span
// of an expected finding on the nearest line above it that is not itself an annotation:
//
//   serviceName: web
//   #            ^^^ sts-service-not-found: no Service named
//
// Spans that start under the `#` use the explicit form `# @<start>-<end> rule-id: message`
// (0-based columns, end exclusive). A span that ends on a later line says so with
// `# @<start>-<lines>:<end>` (the end is `lines` lines further down, at column `end`), which the
// caret form also takes after the carets: `#   ^^^ +2:4 rule-id: message`. Several annotation
// lines may follow one line. A line `# settings: {json}` anywhere in the file sets the rule
// settings for that fixture, and `# role: patch` (or `json-patch`) checks it as a file a
// kustomization uses as a patch.

export interface ExpectedFinding {
  readonly ruleId: string;
  /** 0-based line of the finding's start. */
  readonly line: number;
  readonly startColumn: number;
  /** 0-based line of the finding's end (the start line unless the annotation says otherwise). */
  readonly endLine: number;
  readonly endColumn: number;
  /** A part of the message that must appear in it; empty when the annotation gives none. */
  readonly message: string;
}

export interface FixtureAnnotations {
  readonly expected: readonly ExpectedFinding[];
  readonly settings: Record<string, unknown>;
  /** The document role the fixture is checked in (`object` unless a `# role:` line says). */
  readonly role: 'object' | 'patch' | 'json-patch';
}

const caretPattern = /^(\s*#\s*)(\^+)(?:\s+\+(\d+):(\d+))?\s+([a-z0-9-]+)(?::\s*(.*))?$/;
const explicitPattern = /^\s*#\s*@(\d+)-(?:(\d+):)?(\d+)\s+([a-z0-9-]+)(?::\s*(.*))?$/;
const settingsPattern = /^\s*#\s*settings:\s*(\{.*\})\s*$/;
const rolePattern = /^\s*#\s*role:\s*(patch|json-patch)\s*$/;

export function readAnnotations(text: string): FixtureAnnotations {
  const lines = text.split(/\r\n|\r|\n/);
  const expected: ExpectedFinding[] = [];
  let settings: Record<string, unknown> = {};
  let role: FixtureAnnotations['role'] = 'object';
  let target = -1;
  lines.forEach((line, index) => {
    const roleMatch = rolePattern.exec(line);
    if (roleMatch) {
      role = roleMatch[1] as FixtureAnnotations['role'];
      return;
    }
    const settingsMatch = settingsPattern.exec(line);
    if (settingsMatch) {
      settings = JSON.parse(settingsMatch[1]!) as Record<string, unknown>;
      return;
    }
    const caret = caretPattern.exec(line);
    const explicit = caret ? null : explicitPattern.exec(line);
    if (!caret && !explicit) {
      target = index;
      return;
    }
    if (target < 0) {
      throw new Error(`annotation on line ${index + 1} has no line above it to point at`);
    }
    if (caret) {
      const start = caret[1]!.length;
      const lines = caret[3] === undefined ? 0 : Number(caret[3]);
      expected.push({
        ruleId: caret[5]!,
        line: target,
        startColumn: start,
        endLine: target + lines,
        endColumn: caret[4] === undefined ? start + caret[2]!.length : Number(caret[4]),
        message: caret[6]?.trim() ?? '',
      });
    } else if (explicit) {
      expected.push({
        ruleId: explicit[4]!,
        line: target,
        startColumn: Number(explicit[1]),
        endLine: target + (explicit[2] === undefined ? 0 : Number(explicit[2])),
        endColumn: Number(explicit[3]),
        message: explicit[5]?.trim() ?? '',
      });
    }
  });
  return { expected, settings, role };
}
