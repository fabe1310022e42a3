// Probe helpers: the kinds of probe a container has, the port a probe's handler connects to,
// and a span-free copy of a subtree so two probes can be compared by value.
import { getPair, getValue } from '../../model';
import type { PairNode, YamlNode } from '../../model';

export const probeKinds = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;
export type ProbeKind = (typeof probeKinds)[number];

/** The handlers that connect to a port (exec runs a command instead). */
export const portHandlers = ['httpGet', 'tcpSocket', 'grpc'] as const;
export type PortHandler = (typeof portHandlers)[number];

/** The port a probe connects to, with the handler that names it. */
export interface ProbePort {
  readonly probe: ProbeKind;
  readonly handler: PortHandler;
  /** The `port` pair inside the handler. */
  readonly pair: PairNode;
}

export function probePorts(container: YamlNode): ProbePort[] {
  const result: ProbePort[] = [];
  for (const probe of probeKinds) {
    for (const handler of portHandlers) {
      const pair = getPair(getValue(getValue(container, probe), handler), 'port');
      if (pair?.value) {
        result.push({ probe, handler, pair });
      }
    }
  }
  return result;
}

export type PlainValue =
  string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

/** The subtree as plain data (scalars by value, aliases by name), for comparisons by value. */
export function plainValue(node: YamlNode | null | undefined): PlainValue {
  if (!node) {
    return null;
  }
  switch (node.type) {
    case 'scalar':
      return node.value;
    case 'alias':
      return `*${node.name}`;
    case 'seq':
      return node.items.map(plainValue);
    case 'map': {
      const result: { [key: string]: PlainValue } = {};
      for (const pair of node.pairs) {
        result[pair.key ?? ''] = plainValue(pair.value);
      }
      return result;
    }
  }
}

/** Structural equality of two subtrees, ignoring key order and formatting. */
export function sameValue(a: YamlNode | undefined, b: YamlNode | undefined): boolean {
  return canonical(plainValue(a)) === canonical(plainValue(b));
}

function canonical(value: PlainValue): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
