import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import { loadSchema } from '../schema';
import { withCursor } from '../../../test/support/cursor';
import { hover } from './hover';

const schema = loadSchema();

function hoverAt(source: string) {
  const { text, offset } = withCursor(source);
  const result = hover(parseFile('file:///hover.yaml', 1, text), offset, schema);
  return result ? { ...result, text: text.slice(...result.span) } : undefined;
}

const statefulSet = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n';

test('a key shows its type, whether it is required, its description and the API reference', () => {
  const result = hoverAt(`${statefulSet}spec:\n  serv$0iceName: web\n`);
  assert.ok(result);
  assert.equal(result.text, 'serviceName');
  assert.match(result.markdown, /\*\*serviceName\*\* · `string` · optional/);
  assert.match(result.markdown, /governs this StatefulSet/);
  assert.match(
    result.markdown,
    /\[StatefulSet API reference\]\(https:\/\/kubernetes\.io\/docs\/reference\/generated\/kubernetes-api\/v1\.36\/#statefulset-v1-apps\)/,
  );
  const required = hoverAt(`${statefulSet}spec:\n  sel$0ector: {}\n`);
  assert.match(required?.markdown ?? '', /`LabelSelector` · required/);
});

test('allowed values and a stated default are listed', () => {
  const result = hoverAt(`${statefulSet}spec:\n  podManagement$0Policy: Parallel\n`);
  assert.match(result?.markdown ?? '', /Allowed values: `OrderedReady`, `Parallel`/);
  const withDefault = hoverAt(`${statefulSet}spec:\n  revisionHistory$0Limit: 3\n`);
  assert.match(withDefault?.markdown ?? '', /Default: `10`/);
});

test('int-or-string and quantity fields say what they accept', () => {
  const port = hoverAt(
    'apiVersion: v1\nkind: Service\nspec:\n  ports:\n    - targetP$0ort: http\n',
  );
  assert.match(port?.markdown ?? '', /`int or string`/);
  assert.match(port?.markdown ?? '', /integer .* or a string/);
  const sizeLimit = hoverAt(
    'apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - name: a\n      emptyDir:\n        size$0Limit: 1Gi\n',
  );
  assert.match(sizeLimit?.markdown ?? '', /`quantity`/);
  assert.match(sizeLimit?.markdown ?? '', /`Gi`/);
});

test('a resource name under a map of quantities says what it measures', () => {
  const containers =
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      resources:\n';
  const cpu = hoverAt(`${containers}        limits:\n          c$0pu: 500m\n`);
  assert.equal(cpu?.text, 'cpu');
  assert.match(cpu?.markdown ?? '', /cores/);
  assert.match(cpu?.markdown ?? '', /in `limits`/);
  const memory = hoverAt(`${containers}        requests:\n          mem$0ory: 1Gi\n`);
  assert.match(memory?.markdown ?? '', /Mi/);
  const storage = hoverAt(
    'apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  resources:\n    requests:\n      stor$0age: 10Gi\n',
  );
  assert.match(storage?.markdown ?? '', /Storage capacity/);
});

test('kind and apiVersion values show where the kind is served', () => {
  const kind = hoverAt('apiVersion: apps/v1\nkind: Stateful$0Set\n');
  assert.equal(kind?.text, 'StatefulSet');
  assert.match(kind?.markdown ?? '', /`apps\/v1` \(stable\)/);
  const hpa = hoverAt('apiVersion: autoscaling/v2\nkind: HorizontalPod$0Autoscaler\n');
  assert.match(hpa?.markdown ?? '', /`autoscaling\/v2` \(stable\), `autoscaling\/v1` \(stable\)/);
  const apiVersion = hoverAt('apiVersion: ap$0ps/v1\nkind: StatefulSet\n');
  assert.match(apiVersion?.markdown ?? '', /\*\*apps\/v1\*\* · stable/);
  const wrong = hoverAt('apiVersion: v$01\nkind: StatefulSet\n');
  assert.match(wrong?.markdown ?? '', /Does not serve `StatefulSet`; use `apps\/v1`/);
});

test('StorageClass parameters explain themselves for the provisioner', () => {
  const result = hoverAt(
    'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nprovisioner: ebs.csi.aws.com\nparameters:\n  ty$0pe: gp3\n',
  );
  assert.match(result?.markdown ?? '', /StorageClass parameter of `ebs.csi.aws.com`/);
});

test('no hover outside Kubernetes documents, on unknown keys or on plain values', () => {
  assert.equal(hoverAt('services:\n  we$0b:\n    image: nginx\n'), undefined);
  assert.equal(hoverAt(`${statefulSet}spec:\n  unkn$0own: 1\n`), undefined);
  assert.equal(hoverAt(`${statefulSet}spec:\n  replicas: 3$0\n`), undefined);
});
