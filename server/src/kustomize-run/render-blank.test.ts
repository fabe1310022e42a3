// An overlay whose kustomization is still empty on disk (a scaffold creates the file before its
// content lands, while the editor already holds the text) is skipped, not built: kustomize would
// only fail on it, and that failure would stay on screen until the next save.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import { defaultSettings } from '../protocol';
import { loadSchema } from '../schema';
import { extractFacts } from '../workspace-index/extract-facts';
import { WorkspaceIndex } from '../workspace-index/workspace-index';
import { RenderCache, renderOverlays } from './render';

test('an overlay whose kustomization is blank on disk is skipped without running kustomize', async () => {
  const uri = 'file:///w/scaffold/kafka/kustomization.yaml';
  const index = new WorkspaceIndex();
  index.update(uri, extractFacts(parseFile(uri, 1, 'resources:\n  - kafka.yaml\n')));
  index.setComplete(true);
  const logged: string[] = [];
  const reports = await renderOverlays({
    // A program that cannot run: the test fails if the overlay is built at all.
    command: { program: '/nonexistent/kustomize', args: ['build'], display: 'kustomize build' },
    index,
    schema: loadSchema(),
    settings: defaultSettings,
    readText: (read) => Promise.resolve(read === uri ? '' : undefined),
    labelOf: () => 'scaffold/kafka',
    timeoutMs: 5_000,
    cache: new RenderCache(),
    log: (line) => logged.push(line),
  });
  assert.equal(reports.length, 1, 'the kustomization is a top-level overlay');
  assert.deepEqual(reports[0]?.findings, []);
  assert.equal(reports[0]?.skipped, 'kustomization.yaml is empty on disk');
  assert.ok(
    logged.some((line) => line.includes('skipped scaffold/kafka')),
    logged.join('\n'),
  );
});
