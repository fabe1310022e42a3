import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, fixesFor, mainUri } from '../../../../test/support/quick-fix-check';

const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  labels:
    enabled: yes
    size: 10GB
`;

test('disable for this line inserts the directive at the line indentation and silences it', () => {
  const after = checkFix(text, 'yaml-boolean-string', 'Disable yaml-boolean-string for this line');
  assert.equal(
    after[mainUri],
    text.replace(
      '    enabled',
      '    # kube-stateful-disable-next-line yaml-boolean-string\n    enabled',
    ),
  );
});

test('a second rule on the same line joins the existing directive', () => {
  const existing = `${text}  annotations:\n    # kube-stateful-disable-next-line schema-type\n    x: on\n`;
  const fixes = fixesFor(existing, 'yaml-boolean-string');
  assert.equal(fixes[0]!.finding.span[0], existing.indexOf('yes'));
  const second = checkFix(
    existing.replace('enabled: yes', 'enabled: "yes"'),
    'yaml-boolean-string',
    'Disable yaml-boolean-string for this line',
  )[mainUri]!;
  assert.ok(
    second.includes(
      '# kube-stateful-disable-next-line schema-type, yaml-boolean-string\n    x: on',
    ),
    second,
  );
});

test('keeps CRLF line breaks', () => {
  const crlf = text.replace(/\n/g, '\r\n');
  const after = checkFix(crlf, 'yaml-boolean-string', 'Disable yaml-boolean-string');
  assert.ok(
    after[mainUri]!.includes(
      '    # kube-stateful-disable-next-line yaml-boolean-string\r\n    enabled',
    ),
  );
});
