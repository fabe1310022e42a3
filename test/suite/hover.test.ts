// Hover through VS Code's own command: the schema's description of a StatefulSet field.
// A server that does not announce hover fails here instead of skipping.
import * as assert from 'node:assert/strict';
import { hoverText, openFixture, positionIn, serverCapabilities } from './helpers';

describe('hover', function () {
  before(async function () {
    assert.ok(
      (await serverCapabilities()).hoverProvider,
      'the language server announces no hoverProvider',
    );
  });

  it("describes a StatefulSet's serviceName from the Kubernetes schema", async () => {
    const document = await openFixture('workloads/web.yaml');
    // Inside the StatefulSet's `serviceName` key, one character past its start.
    const position = positionIn(document, 'serviceName: web', 1);
    const text = await hoverText(document.uri, position);
    assert.match(text, /network identity/i, `hover was: ${text}`);
  });
});
