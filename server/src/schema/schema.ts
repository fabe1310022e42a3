// FIXME(#2): replaced by the generated schema; this placeholder only lets the server compile.
import type { Schema } from './types';

export function loadSchema(): Schema {
  return {
    kubernetesVersion: '1.36',
    kinds: [],
    kindsNamed: () => [],
    lookupKind: () => undefined,
    object: () => undefined,
  };
}
