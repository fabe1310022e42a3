import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAllOrNothing, WriteError } from './write-files';

function withFolder(run: (root: string) => void): void {
  const root = mkdtempSync(join(tmpdir(), 'kube-stateful-write-'));
  try {
    run(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('writes every file, creating the folder and replacing existing files', () => {
  withFolder((root) => {
    const out = join(root, 'a', 'b');
    writeAllOrNothing(out, [
      { path: 'one.yaml', content: '1' },
      { path: 'two.yaml', content: '2' },
    ]);
    writeAllOrNothing(out, [{ path: 'two.yaml', content: 'new' }]);
    assert.deepEqual(readdirSync(out).sort(), ['one.yaml', 'two.yaml']);
    assert.equal(readFileSync(join(out, 'two.yaml'), 'utf8'), 'new');
  });
});

test('a failure half-way leaves a new folder absent and an existing folder untouched', () => {
  withFolder((root) => {
    // The third file cannot be written (its folder does not exist) after two were staged.
    const files = [
      { path: 'one.yaml', content: '1' },
      { path: 'two.yaml', content: '2' },
      { path: join('missing', 'three.yaml'), content: '3' },
    ];
    const fresh = join(root, 'new', 'nested');
    assert.throws(() => writeAllOrNothing(fresh, files), WriteError);
    assert.equal(existsSync(join(root, 'new')), false);

    const existing = join(root, 'existing');
    mkdirSync(existing);
    writeFileSync(join(existing, 'one.yaml'), 'old');
    assert.throws(() => writeAllOrNothing(existing, files), /cannot write to .*existing/);
    assert.deepEqual(readdirSync(existing), ['one.yaml']);
    assert.equal(readFileSync(join(existing, 'one.yaml'), 'utf8'), 'old');
  });
});

test('a folder where a file should go, or a file where the folder should go, writes nothing', () => {
  withFolder((root) => {
    mkdirSync(join(root, 'out', 'two.yaml'), { recursive: true });
    assert.throws(
      () =>
        writeAllOrNothing(join(root, 'out'), [
          { path: 'one.yaml', content: '1' },
          { path: 'two.yaml', content: '2' },
        ]),
      /two\.yaml exists and is not a file/,
    );
    assert.deepEqual(readdirSync(join(root, 'out')), ['two.yaml']);

    writeFileSync(join(root, 'file'), '');
    assert.throws(
      () => writeAllOrNothing(join(root, 'file', 'out'), [{ path: 'one.yaml', content: '1' }]),
      /a part of the path is a file, not a folder/,
    );
  });
});
