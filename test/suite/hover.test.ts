// Hover through VS Code's own command: the schema's description of a StatefulSet field.
// Runs once the server announces hover.
import * as assert from 'node:assert/strict';
import { hoverText, openFixture, positionIn, serverCapabilities } from './helpers';

describe('hover', function () {
  before(async function () {
    // Hover arrives with the schema work (issue #2); until the server offers it, skip.
    if (!(await serverCapabilities()).hoverProvider) {
      this.skip();
    }
  });

  it("describes a StatefulSet's serviceName from the Kubernetes schema", async () => {
    const document = await openFixture('workloads/web.yaml');
    // Inside the StatefulSet's `serviceName` key, one character past its start.
    const position = positionIn(document, 'serviceName: web', 1);
    const text = await hoverText(document.uri, position);
    assert.match(text, /network identity/i, `hover was: ${text}`);
  });
});
