// Reads a field's default value out of its upstream description ("Defaults to 1.", "The default
// policy is `OrderedReady`"). The spec has no structured defaults for built-in types.

const phrases = [
  /\bdefaults? to\s+/i,
  /\bthe default(?: value| policy| behavior| mode)? is\s+/i,
  /\bdefault is\s+/i,
  /\bif not specified, (?:it )?(?:will )?be\s+/i,
];

// Words that follow "defaults to" without being a value ("defaults to the namespace of …").
const notValues = new Set([
  'the',
  'a',
  'an',
  'all',
  'any',
  'this',
  'that',
  'empty',
  'unset',
  'nil',
  'null',
  'be',
  'being',
  'use',
  'using',
  'whatever',
  'its',
  'same',
  'one',
  'no',
  'not',
  'cluster-wide',
]);

const quoted = /^(?:"([^"]*)"|'([^']*)'|`([^`]*)`)/;
const bare = /^[\w+-]+(?:[./:][\w+-]+)*/;

/** The default stated by a description, or undefined when it states none (or only a condition). */
export function extractDefault(description: string): string | undefined {
  for (const phrase of phrases) {
    const match = phrase.exec(description);
    if (!match) {
      continue;
    }
    const rest = description.slice(match.index + match[0].length);
    const value = readValue(rest);
    if (value !== undefined) {
      return value;
    }
  }
  return undefined;
}

function readValue(rest: string): string | undefined {
  const quotedMatch = quoted.exec(rest);
  const text = quotedMatch
    ? (quotedMatch[1] ?? quotedMatch[2] ?? quotedMatch[3])
    : bare.exec(rest)?.[0];
  const length = quotedMatch?.[0].length ?? text?.length ?? 0;
  if (text === undefined || (!quotedMatch && notValues.has(text.toLowerCase()))) {
    return undefined;
  }
  // "Defaults to Always if :latest tag is specified, or IfNotPresent otherwise" states a
  // condition, not one default.
  if (/^,?\s+(?:if|unless|when|for|on)\b/i.test(rest.slice(length))) {
    return undefined;
  }
  return text;
}
