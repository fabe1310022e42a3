// Custom resources of real operators checked against their real CRDs (byte-exact copies in
// test/fixtures/real-world/, sources in each SOURCE.md): for each operator a valid resource gives
// no finding and an invalid one gives the right findings at the right ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFile } from '../../server/src/model';
import { normalizeSettings } from '../../server/src/protocol';
import { emptyIndexView } from '../../server/src/rules/index-view';
import { runRules } from '../../server/src/rules/run-rules';
import { composeSchema, loadSchema, readCrd } from '../../server/src/schema';
import type { Schema } from '../../server/src/schema';

const corpus = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'real-world');

function schemaOf(folder: string, files: readonly string[]): Schema {
  const crds = files.flatMap((file) => {
    const model = parseFile(
      `file:///${folder}/${file}`,
      1,
      readFileSync(join(corpus, folder, file), 'utf8'),
    );
    return model.documents.flatMap((document) => readCrd(model.uri, document) ?? []);
  });
  assert.ok(crds.length === files.length, `every file of ${folder} holds one CRD`);
  return composeSchema(loadSchema(), crds);
}

/** `rule line:column text` for each finding, the text being what the finding's range covers. */
function findings(schema: Schema, text: string): string[] {
  const model = parseFile('file:///resource.yaml', 1, text);
  return runRules(model, { schema, settings: normalizeSettings({}), index: emptyIndexView })
    .filter((finding) => finding.ruleId.startsWith('schema-'))
    .map((finding) => {
      const line = model.text.slice(0, finding.span[0]).split('\n').length;
      return `${finding.ruleId} ${line} ${model.text.slice(...finding.span)}`;
    })
    .sort((a, b) => Number(a.split(' ')[1]) - Number(b.split(' ')[1]));
}

test('Prometheus Operator: Prometheus and ServiceMonitor', () => {
  const schema = schemaOf('prometheus-operator__prometheus-operator', [
    'example/prometheus-operator-crd/monitoring.coreos.com_prometheuses.yaml',
    'example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml',
  ]);
  const valid = `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata:
  name: main
spec:
  replicas: 2
  retention: 15d
  serviceAccountName: prometheus
  serviceMonitorSelector:
    matchLabels:
      team: frontend
  resources:
    requests:
      memory: 400Mi
  storage:
    volumeClaimTemplate:
      spec:
        storageClassName: fast
        resources:
          requests:
            storage: 40Gi
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: app
spec:
  selector:
    matchLabels:
      app: example-app
  endpoints:
    - port: web
      interval: 30s
      scheme: https
`;
  assert.deepEqual(findings(schema, valid), []);
  const invalid = valid
    .replace('replicas: 2', 'replicas: "2"')
    .replace('serviceMonitorSelector:', 'serviceMonitorSelectr:')
    .replace('scheme: https', 'scheme: ftp');
  assert.deepEqual(findings(schema, invalid), [
    'schema-type 6 "2"',
    'schema-unknown-field 9 serviceMonitorSelectr',
    'schema-enum 34 ftp',
  ]);
});

test('cert-manager: Certificate', () => {
  const schema = schemaOf('cert-manager__cert-manager', [
    'deploy/crds/cert-manager.io_certificates.yaml',
    'deploy/crds/cert-manager.io_issuers.yaml',
  ]);
  const valid = `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: web
spec:
  secretName: web-tls
  duration: 2160h
  dnsNames: [example.com, www.example.com]
  privateKey:
    algorithm: ECDSA
    size: 256
  issuerRef:
    name: letsencrypt
    kind: ClusterIssuer
`;
  assert.deepEqual(findings(schema, valid), []);
  const invalid = valid
    .replace('  secretName: web-tls\n', '')
    .replace('algorithm: ECDSA', 'algorithm: DSA')
    .replace('dnsNames: [example.com, www.example.com]', 'dnsNames: example.com');
  assert.deepEqual(findings(schema, invalid), [
    'schema-required 5 spec',
    'schema-type 7 example.com',
    'schema-enum 9 DSA',
  ]);
});

test('Zalando postgres-operator: postgresql', () => {
  const schema = schemaOf('zalando__postgres-operator', ['manifests/postgresql.crd.yaml']);
  const valid = `apiVersion: acid.zalan.do/v1
kind: postgresql
metadata:
  name: acid-orders
spec:
  teamId: acid
  numberOfInstances: 2
  volume:
    size: 10Gi
  users:
    orders: [superuser, createdb]
  databases:
    orders: orders
  postgresql:
    version: "17"
`;
  assert.deepEqual(findings(schema, valid), []);
  const invalid = valid
    .replace('numberOfInstances: 2', 'numberOfInstances: two')
    .replace('version: "17"', 'version: "9.6"')
    .replace('  teamId: acid\n', '');
  assert.deepEqual(findings(schema, invalid), [
    'schema-required 5 spec',
    'schema-type 6 two',
    'schema-enum 14 "9.6"',
  ]);
});
