// kustomize's errors are shown on the line they name. The texts are kustomize v5's own, from
// `kubectl kustomize` on broken trees (after cleanError took kubectl's log prefix off).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import type { FileModel } from '../model';
import { placeBuildError } from './build-error';
import { readKustomization } from './kustomization';
import type { KustomizationFacts } from './kustomization';

const root = 'file:///tmp/kerr';

const overlay = [
  'resources:', //                              0
  '  - ../base', //                             1
  '  - ../base/sts.yaml', //                    2
  '  - x.yaml', //                              3
  'components:', //                             4
  '  - ../base', //                             5
  'namePrefx: a-', //                           6
  'replicas:', //                               7
  '  - name: zk', //                            8
  '    count: two', //                          9
  'patches:', //                               10
  '  - path: p.yaml', //                       11
  '  - path: j.yaml', //                       12
  '    target: {kind: StatefulSet, name: zk}', // 13
  '  - path: nope.yaml', //                    14
  '  - path: k.yaml', //                       15
  'patchesJson6902:', //                       16
  '  - path: remove.yaml', //                  17
  '    target: {group: apps, version: v1, kind: StatefulSet, name: zk}', // 18
  'configMapGenerator:', //                    19
  '  - name: c', //                            20
  '    files: [missing.properties]', //        21
  '',
].join('\n');

const files: Record<string, string> = {
  [`${root}/o/kustomization.yaml`]: overlay,
  [`${root}/o/p.yaml`]:
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: zkk}\nspec: {replicas: 2}\n',
  [`${root}/o/j.yaml`]:
    '- op: add\n  path: /metadata/labels/a\n  value: b\n- op: replace\n  path: /spec/nothere/x\n  value: 2\n',
  [`${root}/o/remove.yaml`]: '- op: remove\n  path: /spec/foo\n',
};

const modelOf = (uri: string): FileModel | undefined =>
  files[uri] === undefined ? undefined : parseFile(uri, 0, files[uri]);

const kustomizations: KustomizationFacts[] = [
  readKustomization(modelOf(`${root}/o/kustomization.yaml`)!)!,
];

function lineOf(error: string): string | undefined {
  const place = placeBuildError(error, kustomizations, modelOf);
  return place && `${place.uri.slice(root.length + 1)}:${place.range.start.line}`;
}

const cases: [string, string, string][] = [
  [
    'a strategic-merge patch whose object is not in the build',
    'no resource matches strategic merge patch "StatefulSet.v1.apps/zkk.[noNs]": no matches for Id StatefulSet.v1.apps/zkk.[noNs]; failed to find unique target for patch StatefulSet.v1.apps/zkk.[noNs]',
    'o/kustomization.yaml:11',
  ],
  [
    'a JSON patch operation on a path the object lacks',
    'replace operation does not apply: doc is missing path: /spec/nothere/x: missing value',
    'o/j.yaml:4',
  ],
  [
    'a JSON 6902 remove of a missing key',
    "error in remove for path: '/spec/foo': Unable to remove nonexistent key: foo: missing value",
    'o/remove.yaml:1',
  ],
  [
    'a JSON patch without a target',
    'must specify a target for JSON patch [path: "k.yaml"]',
    'o/kustomization.yaml:15',
  ],
  [
    'a misspelt kustomization field',
    'invalid Kustomization: json: unknown field "namePrefx"',
    'o/kustomization.yaml:6',
  ],
  [
    'a field of the wrong type',
    'invalid Kustomization: json: cannot unmarshal string into Go struct field Replica.replicas.count of type int64',
    'o/kustomization.yaml:7',
  ],
  [
    'a resource file outside the overlay',
    "accumulating resources: accumulation err='accumulating resources from '../base/sts.yaml': security; file '/tmp/kerr/base/sts.yaml' is not in or below '/tmp/kerr/o'': must build at directory: '/tmp/kerr/base/sts.yaml': file is not directory",
    'o/kustomization.yaml:2',
  ],
  [
    'a resource that is not valid YAML',
    "accumulating resources: accumulating resources from 'x.yaml': MalformedYAMLError: yaml: line 2: did not find expected ',' or '}' in File: x.yaml",
    'o/kustomization.yaml:3',
  ],
  [
    'a Kustomization listed as a component',
    "accumulating components: accumulateDirectory: \"expected kind 'Component' for path '/tmp/kerr/base' but got 'Kustomization'\"",
    'o/kustomization.yaml:5',
  ],
  [
    'a patch file that does not exist',
    "trouble configuring builtin PatchTransformer with config: `\npath: nope.yaml\n`: failed to get the patch file from path(nope.yaml): evalsymlink failure on '/tmp/kerr/o/nope.yaml' : lstat /tmp/kerr/o/nope.yaml: no such file or directory",
    'o/kustomization.yaml:14',
  ],
  [
    'a generator file that does not exist',
    "loading KV pairs: file sources: [missing.properties]: evalsymlink failure on '/tmp/kerr/o/missing.properties' : lstat /tmp/kerr/o/missing.properties: no such file or directory",
    'o/kustomization.yaml:21',
  ],
];

for (const [what, error, expected] of cases) {
  test(`kustomize's error is placed on its line: ${what}`, () => {
    assert.equal(lineOf(error), expected);
  });
}

test('an error that names nothing of the overlay has no place (the caller uses line 1)', () => {
  assert.equal(lineOf('unable to find one of kustomization.yaml in directory /x'), undefined);
});
