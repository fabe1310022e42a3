// Container image references (`registry/path/name:tag@sha256:…`), the format of a container's
// `image` field: parsed once here for the rules that recognise software by image and for the
// scaffold's option checks.

/** The parts of an image reference that the checks need. */
export interface ImageReference {
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

const pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

export function parseImage(reference: string): ImageReference | undefined {
  const [name = '', digest, ...rest] = reference.split('@');
  if (rest.length > 0 || (digest !== undefined && !/^sha256:[0-9a-f]{64}$/.test(digest))) {
    return undefined;
  }
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  const repository = colon < 0 ? name : name.slice(0, colon);
  const tag = colon < 0 ? undefined : name.slice(colon + 1);
  if (tag !== undefined && !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) {
    return undefined;
  }
  const parts = repository.split('/');
  // A first component with a dot, a port or `localhost` is a registry host, not a path.
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!)) {
    if (!/^[A-Za-z0-9.-]+(:[0-9]+)?$/.test(parts.shift()!)) {
      return undefined;
    }
  }
  if (parts.length === 0 || !parts.every((part) => pathComponent.test(part))) {
    return undefined;
  }
  return { repository, tag, digest };
}

/** The `major.minor` at the start of an image tag (`3.9.2`, `4.0.1-rc1`), if it has one. */
export function imageVersion(reference: string): readonly [number, number] | undefined {
  const match = /^(\d+)\.(\d+)/.exec(parseImage(reference)?.tag ?? '');
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}
