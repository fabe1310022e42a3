import { test } from 'node:test';
import assert from 'node:assert/strict';
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
