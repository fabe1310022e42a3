import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../model';
import type { DocumentSymbolData } from './symbols';
import { documentSymbols } from './symbols';

const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: data
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: busybox
      containers:
        - name: db
          image: postgres:16
      volumes:
        - name: config
          configMap:
            name: cfg
        - name: scratch
          emptyDir: {}
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        storageClassName: fast
        resources:
          requests:
            storage: 10Gi
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
---
# just a comment
---
kind: ConfigMap
apiVersion: v1
`;

function outline(symbols: readonly DocumentSymbolData[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [
    `${'  '.repeat(depth)}${symbol.role} ${symbol.name}${symbol.detail ? ` (${symbol.detail})` : ''} ${text.slice(...symbol.selectionSpan)}`,
    ...outline(symbol.children, depth + 1),
  ]);
}

test('one symbol per object with containers, volumes and claims as children', () => {
  const symbols = documentSymbols(parseFile('file:///a.yaml', 1, text), 'default');
  assert.deepEqual(outline(symbols), [
    'object StatefulSet db (data) db',
    '  container db (postgres:16) db',
    '  initContainer init (busybox) init',
    '  volume config (configMap cfg) config',
    '  volume scratch (emptyDir) scratch',
    '  claim data (10Gi · fast) data',
    'object StorageClass fast fast',
    'object ConfigMap (default) ConfigMap',
  ]);
  for (const symbol of symbols) {
    assert.ok(
      symbol.span[0] <= symbol.selectionSpan[0] && symbol.selectionSpan[1] <= symbol.span[1],
    );
    for (const child of symbol.children) {
      assert.ok(symbol.span[0] <= child.span[0] && child.span[1] <= symbol.span[1]);
    }
  }
});

test('on broken input every child lies inside its parent (issue 15)', () => {
  // Found by fuzzing: a key split over two lines and an unclosed flow map made `yaml` end the
  // StatefulSet's range early while the claim template after the error was still recovered.
  const example = readFileSync(
    join(__dirname, '..', '..', '..', '..', 'examples', 'kafka-zookeeper', 'zookeeper.yaml'),
    'utf8',
  );
  const statefulSet = example.slice(example.lastIndexOf('---\n') + 4);
  const broken = statefulSet
    .replace('  name: zk\n  namespace: kafka\n', '  name: zk\n  names\nace: kafka\n')
    .replace(
      '      securityContext:\n        runAsNonRoot',
      '  { securityContext:\n        runAsNonRoot',
    );
  assert.notEqual(broken, statefulSet);
  const symbols = documentSymbols(parseFile('file:///zk.yaml', 1, broken), 'default');
  assert.ok(symbols.some((symbol) => symbol.children.length > 0));
  const check = (parent: DocumentSymbolData): void => {
    assert.ok(
      parent.span[0] <= parent.selectionSpan[0] && parent.selectionSpan[1] <= parent.span[1],
    );
    for (const child of parent.children) {
      assert.ok(
        parent.span[0] <= child.span[0] && child.span[1] <= parent.span[1],
        `${child.name} ${JSON.stringify(child.span)} outside ${parent.name} ${JSON.stringify(parent.span)}`,
      );
      check(child);
    }
  };
  symbols.forEach(check);
});
