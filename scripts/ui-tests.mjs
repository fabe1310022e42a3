// UI checks as a person sees them: installs the packaged .vsix into a fresh code-server (without
// the smoke-test driver, so notifications and dialogs behave as for users), opens the fixture
// workspace in headless Chromium and drives it with the keyboard. One screenshot per step goes to
// test-results/ui/. Prints `ui: N passed, N failed`; exits 0 when all passed, 1 otherwise, 2 when
// it could not start. A step for a feature this build lacks fails and says why (never a skip).
// Usage (via npm run test:ui): editor-tools.mjs --run scripts/ui-tests.mjs [--keep]
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  freePort,
  installVsix,
  launchChromium,
  prepareRunDirs,
  removeRunDirs,
  repoRoot,
  seconds,
  signalled,
  startCodeServer,
  stopProcessGroup,
} from './editor-harness.mjs';

const { values: options } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });

const vsix = join(repoRoot, 'kube-stateful.vsix');
const fixture = join(repoRoot, 'test', 'fixtures', 'workspaces', 'editor');
const shotsDir = join(repoRoot, 'test-results', 'ui');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const scaffoldCommand = 'kubeStateful.scaffoldKafkaZookeeper';
const topologyCommand = 'kubeStateful.showTopology';

function log(message) {
  process.stdout.write(`[ui] ${message}\n`);
}

/** What the bundled server announces, read over stdio with the protocol tests' client. */
async function serverCapabilities() {
  const { startTestClient } = createRequire(import.meta.url)(
    join(repoRoot, 'out', 'test', 'support', 'lsp-client.js'),
  );
  const client = await startTestClient();
  try {
    return client.capabilities;
  } finally {
    await client.shutdown();
  }
}

function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/**
 * Opens a workspace file through Quick Open, as a user would, by its path relative to the
 * workspace, and waits for its tab. The row is clicked rather than taken with Enter: recently
 * opened files are listed first and may be the focused row.
 */
async function quickOpen(page, relativePath) {
  const parts = relativePath.split('/');
  const name = parts.pop();
  await page.keyboard.press('Control+p');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relativePath);
  let row = page.locator('.quick-input-list .monaco-list-row', { hasText: name });
  if (parts.length > 0) {
    row = row.filter({ hasText: parts.join('/') });
  }
  await row.first().click();
  await page.locator(`.tab.active[data-resource-name="${name}"]`).waitFor({ state: 'visible' });
}

/** Runs a command of ours from the command palette by its title, as a user would. */
async function runCommand(page, id) {
  const command = manifest.contributes.commands.find((each) => each.command === id);
  expect(command, `${id} is not a command of this build`);
  const title = `${command.category}: ${command.title}`;
  await page.keyboard.press('Control+Shift+p');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: title })
    .first()
    .waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** The topology page: a webview is an iframe in an iframe in code-server's workbench. */
const topologyPage = (page) =>
  page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

/** Opens `file`, runs Show Topology and waits until the node `nodeId` is drawn; the webview frame. */
async function showTopologyOf(page, file, nodeId) {
  await quickOpen(page, file);
  await runCommand(page, topologyCommand);
  const frame = topologyPage(page);
  await frame.locator(`.node[data-id="${nodeId}"]`).waitFor({ state: 'attached', timeout: 30_000 });
  return frame;
}

/** The `data-*` attribute values of the page's elements matching `selector`. */
function dataOf(frame, selector, attribute) {
  return frame
    .locator(selector)
    .evaluateAll(
      (elements, name) => elements.map((element) => element.getAttribute(name)),
      attribute,
    );
}

/**
 * The UI steps, in order; later ones build on earlier ones. Each gets a screenshot named after it,
 * taken before its `cleanup` closes what it opened.
 */
function steps(capabilities) {
  return [
    {
      name: 'workbench-ready',
      async run(page) {
        await page
          .locator('.explorer-folders-view .monaco-list-row', { hasText: 'diagnostics' })
          .waitFor({ state: 'visible', timeout: 60_000 });
      },
    },
    {
      name: 'squiggle',
      async run(page) {
        await quickOpen(page, 'diagnostics/syntax-error.yaml');
        // The error squiggle our yaml-syntax diagnostic draws under `settings`.
        await page
          .locator('.editor-instance .squiggly-error')
          .first()
          .waitFor({ state: 'attached', timeout: 30_000 });
      },
    },
    {
      name: 'problems-panel',
      async run(page) {
        await page.keyboard.press('Control+Shift+m');
        const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'yaml-syntax' });
        await row.first().waitFor({ state: 'visible', timeout: 30_000 });
        const text = await row.first().innerText();
        expect(/YAML syntax error/.test(text), `Problems row without our message: ${text}`);
        expect(/kube-stateful/.test(text), `Problems row without our source: ${text}`);
      },
      cleanup: (page) => page.keyboard.press('Control+Shift+m'),
    },
    {
      name: 'stateful-warning',
      async run(page) {
        // A cross-file rule: the StatefulSet's serviceName names a Service no file defines.
        await quickOpen(page, 'cross-file/db-statefulset.yaml');
        await page
          .locator('.editor-instance .squiggly-warning')
          .first()
          .waitFor({ state: 'attached', timeout: 30_000 });
        await page.keyboard.press('Control+Shift+m');
        await page
          .locator('.markers-panel .monaco-list-row', { hasText: 'sts-service-not-found' })
          .first()
          .waitFor({ state: 'visible', timeout: 30_000 });
      },
      cleanup: (page) => page.keyboard.press('Control+Shift+m'),
    },
    {
      name: 'suggest-widget',
      skip: capabilities.completionProvider ? undefined : 'the server offers no completion yet',
      async run(page, shoot) {
        await quickOpen(page, 'completion/typing.yaml');
        // The file ends inside `spec`: on its empty last line, type the start of a field.
        await page.locator('.editor-instance .view-lines').click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type('  volumeC');
        await page.keyboard.press('Control+Space');
        const labels = page.locator(
          '.editor-widget.suggest-widget.visible .monaco-list-row .label-name',
        );
        await labels.first().waitFor({ state: 'visible', timeout: 30_000 });
        const shown = await labels.allInnerTexts();
        expect(
          shown.some((label) => label.includes('volumeClaimTemplates')),
          `suggest widget showed ${JSON.stringify(shown)}`,
        );
        await shoot('list');
        // Accepting the item inserts the key; the step's own screenshot shows the result.
        await page.keyboard.press('Enter');
        await page
          .locator('.editor-instance .view-line', { hasText: 'volumeClaimTemplates:' })
          .waitFor({ state: 'visible' });
      },
    },
    {
      name: 'scaffold-command',
      skip: manifest.contributes?.commands?.some((command) => command.command === scaffoldCommand)
        ? undefined
        : 'the scaffold command is not in this build',
      async run(page) {
        const title = manifest.contributes.commands.find(
          (command) => command.command === scaffoldCommand,
        ).title;
        await page.keyboard.press('Control+Shift+p');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill(`>${title}`);
        await page
          .locator('.quick-input-list .monaco-list-row', { hasText: title })
          .first()
          .waitFor({ state: 'visible' });
        await page.keyboard.press('Enter');
        // Accept every prompt's default (folder, namespace, sizes, …) as a hurried user would.
        // Prompts reuse one widget, so a prompt is done when the title changes or it closes.
        const widget = page.locator('.quick-input-widget');
        const promptTitle = page.locator('.quick-input-widget .quick-input-title');
        for (let prompt = 0; prompt < 20; prompt += 1) {
          const visible = await widget
            .waitFor({ state: 'visible', timeout: 3000 })
            .then(() => true)
            .catch(() => false);
          if (!visible) {
            break;
          }
          const asked = await promptTitle.innerText().catch(() => '');
          await page.keyboard.press('Enter');
          for (let poll = 0; poll < 30; poll += 1) {
            const open = await widget.isVisible();
            if (!open || (await promptTitle.innerText().catch(() => '')) !== asked) {
              break;
            }
            await page.waitForTimeout(100);
          }
        }
        await page
          .locator('.explorer-folders-view .monaco-list-row', { hasText: 'k8s' })
          .first()
          .waitFor({ state: 'visible', timeout: 30_000 });
        // The command reveals the new folder: its files are listed in the Explorer.
        await page
          .locator('.explorer-folders-view .monaco-list-row', {
            hasText: 'zookeeper-statefulset.yaml',
          })
          .waitFor({ state: 'visible' });
      },
    },
    {
      name: 'topology',
      async run(page) {
        // The repository's example (copied into the workspace): ZooKeeper and Kafka in `kafka`.
        const frame = await showTopologyOf(
          page,
          'examples/kafka-zookeeper/zookeeper.yaml',
          'StatefulSet/kafka/kafka',
        );
        const nodes = await dataOf(frame, '.node', 'data-id');
        for (const id of [
          'Service/kafka/zk-headless',
          'StatefulSet/kafka/zk',
          'Pod/kafka/zk-2',
          'PersistentVolumeClaim/kafka/data-zk-0',
          'PodDisruptionBudget/kafka/zookeeper',
          'StatefulSet/kafka/kafka',
          // StorageClasses belong to no namespace.
          'StorageClass//kafka-premium',
        ]) {
          expect(nodes.includes(id), `no node ${id} among ${JSON.stringify(nodes)}`);
        }
        const edges = await dataOf(frame, '.edge', 'data-kind');
        for (const kind of ['selects', 'governs', 'runs', 'claims', 'provisions', 'budgets']) {
          expect(edges.includes(kind), `no ${kind} edge among ${JSON.stringify(edges)}`);
        }
        // Every edge joins two drawn nodes.
        const ends = await frame
          .locator('.edge')
          .evaluateAll((elements) =>
            elements.flatMap((edge) => [
              edge.getAttribute('data-from'),
              edge.getAttribute('data-to'),
            ]),
          );
        const missing = ends.filter((id) => !nodes.includes(id));
        expect(missing.length === 0, `edges to undrawn nodes: ${JSON.stringify(missing)}`);
      },
      // The panel stays open for the next step.
      cleanup: async () => undefined,
    },
    {
      name: 'topology-open-node',
      async run(page) {
        // A click on the Kafka StatefulSet's node opens kafka.yaml beside the graph.
        await topologyPage(page).locator('.node[data-id="StatefulSet/kafka/kafka"] rect').click();
        await page
          .locator('.tab.active[data-resource-name="kafka.yaml"]')
          .waitFor({ state: 'visible', timeout: 20_000 });
      },
      cleanup: async () => undefined,
    },
    {
      name: 'topology-findings',
      async run(page) {
        // The deliberate mistakes: nodes coloured by their worst finding, messages in tooltips.
        const frame = await showTopologyOf(
          page,
          'examples/deliberate-mistakes.yaml',
          'StatefulSet/mistakes/cache',
        );
        const severities = await dataOf(frame, '.node', 'data-severity');
        expect(
          severities.some((severity) => severity === 'error' || severity === 'warning'),
          `no node coloured by a finding: ${JSON.stringify(severities)}`,
        );
        const tooltip = await frame
          .locator('.node[data-id="StatefulSet/mistakes/cache"] > title')
          .textContent();
        expect(
          /\n(error|warning|info): /.test(tooltip ?? ''),
          `tooltip without findings: ${tooltip}`,
        );
      },
    },
  ];
}

/** Set on Ctrl+C: the steps still running end quietly while main() stops the browser. */
let stopping = false;

/** Runs the steps in order, recording each result and saving a screenshot per step. */
async function runSteps(page, list, results) {
  for (const [index, step] of list.entries()) {
    if (stopping) {
      return;
    }
    const prefix = join(shotsDir, `${String(index + 1).padStart(2, '0')}-${step.name}`);
    const shoot = (suffix) => page.screenshot({ path: `${prefix}-${suffix}.png` });
    if (step.skip) {
      log(`FAILED ${step.name}: ${step.skip}`);
      results.push({ name: step.name, state: 'failed', error: step.skip });
      continue;
    }
    const stepStarted = Date.now();
    try {
      await step.run(page, shoot);
      results.push({ name: step.name, state: 'passed' });
      log(`passed ${step.name} (${seconds(stepStarted)})`);
    } catch (error) {
      if (stopping) {
        return;
      }
      results.push({ name: step.name, state: 'failed', error: String(error) });
      log(`FAILED ${step.name}: ${error.message ?? error}`);
    } finally {
      await page.screenshot({ path: `${prefix}.png` }).catch(() => undefined);
      await (step.cleanup ?? ((p) => p.keyboard.press('Escape')))(page).catch(() => undefined);
    }
  }
}

async function main() {
  void signalled();
  for (const [file, hint] of [
    [vsix, 'npm run package'],
    [join(repoRoot, 'out', 'test', 'support', 'lsp-client.js'), 'tsc -p test'],
  ]) {
    if (!existsSync(file)) {
      log(`${file} is missing: run \`${hint}\` first (npm run test:ui does).`);
      return 2;
    }
  }
  const started = Date.now();
  rmSync(shotsDir, { recursive: true, force: true });
  mkdirSync(shotsDir, { recursive: true });
  const capabilities = await serverCapabilities();
  const dirs = prepareRunDirs({ prefix: 'ui', folder: fixture });
  // The topology steps draw the repository's examples.
  cpSync(join(repoRoot, 'examples'), join(dirs.workspace, 'examples'), { recursive: true });
  // A dark theme, so the screenshots show the theme colours the webview takes from the editor
  // (the light default looks like the standalone SVG and would hide a hard-coded colour).
  const userSettings = join(dirs.userData, 'User', 'settings.json');
  writeFileSync(
    userSettings,
    `${JSON.stringify(
      {
        ...JSON.parse(readFileSync(userSettings, 'utf8')),
        'workbench.colorTheme': 'Default Dark Modern',
      },
      null,
      2,
    )}\n`,
  );
  let server;
  let browser;
  let serverLog = '';
  const results = [];
  try {
    await installVsix(dirs, vsix);
    log(`installed ${vsix} (${seconds(started)})`);
    const port = await freePort();
    server = await startCodeServer({
      dirs,
      port,
      folder: dirs.workspace,
      smokeTestDriver: false,
      onOutput: (text) => (serverLog += text),
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(dirs.workspace)}`);
    // Ctrl+C ends the run between or during steps; the finally block stops what was started.
    const interrupted = await Promise.race([
      runSteps(page, steps(capabilities), results).then(() => undefined),
      signalled(),
    ]);
    if (interrupted) {
      stopping = true;
      log(`${interrupted}: stopping`);
      return 130;
    }
  } catch (error) {
    log(`could not run the UI checks: ${error.stack ?? error}`);
    log(`server log tail:\n${serverLog.slice(-2000)}`);
    return 2;
  } finally {
    writeFileSync(join(shotsDir, 'code-server.log'), serverLog);
    writeFileSync(join(shotsDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    await browser?.close().catch(() => undefined);
    if (server) {
      await stopProcessGroup(server.child);
    }
    if (!options.keep) {
      removeRunDirs(dirs);
    }
  }
  const count = (state) => results.filter((result) => result.state === state).length;
  const skipped = count('skipped') > 0 ? `, ${count('skipped')} skipped` : '';
  log(`finished in ${seconds(started)}; screenshots in ${shotsDir}`);
  process.stdout.write(`ui: ${count('passed')} passed, ${count('failed')} failed${skipped}\n`);
  return count('failed') === 0 && count('passed') > 0 ? 0 : 1;
}

// Exit explicitly: everything started has been stopped, and a half-closed browser connection
// must not keep the process alive.
process.exit(await main());
