import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDefault } from './defaults';

test('reads the stated default in its common phrasings', () => {
  assert.equal(extractDefault('Number of replicas. Defaults to 1.'), '1');
  assert.equal(
    extractDefault('Set DNS policy. Defaults to "ClusterFirst". Valid values are …'),
    'ClusterFirst',
  );
  assert.equal(
    extractDefault('The default policy is `OrderedReady`, where pods …'),
    'OrderedReady',
  );
  assert.equal(extractDefault('The default value is 10.'), '10');
  assert.equal(extractDefault('Must be UDP, TCP, or SCTP. Default is TCP.'), 'TCP');
  assert.equal(extractDefault("Defaults to 'Always'."), 'Always');
  assert.equal(extractDefault('The default is "" which means the node default.'), '');
});

test('ignores descriptions without a single, unconditional default', () => {
  assert.equal(extractDefault('The name of the object.'), undefined);
  assert.equal(extractDefault('Defaults to the namespace of the pod.'), undefined);
  assert.equal(
    extractDefault('Defaults to Always if :latest tag is specified, or IfNotPresent otherwise.'),
    undefined,
  );
  assert.equal(extractDefault('The default is nil which means the limit is undefined.'), undefined);
});
