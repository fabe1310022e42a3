// Navigation through VS Code's own commands over the `orders` fixtures in navigation/: go to
// definition for every kind of reference, find references back, the outline with its children,
// the hover on a reference, and a quick fix that edits the Service in another file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  annotatedFindings,
  assertMatchesAnnotations,
  checkEach,
  describeDiagnostics,
  diagnosticsWithCode,
  fixtureUri,
  formatLocation,
  hoverText,
  locationOf,
  openFixture,
  quickFixesAt,
  waitFor,
} from './helpers';

/**
 * A place in a fixture: the start of the last word of `needle`, which must occur in the file
 * (the first occurrence counts). Needles carry enough context to be unique, e.g.
 * `kind: Service\nmetadata:\n  name: orders` for the Service's name.
 */
interface Place {
  readonly file: string;
  readonly needle: string;
}

const app = 'navigation/orders-app.yaml';
const service = 'navigation/orders-service.yaml';
const config = 'navigation/orders-config.yaml';
const storage = 'navigation/orders-storage.yaml';
const worker = 'navigation/orders-worker.yaml';

const at = (file: string, needle: string): Place => ({ file, needle });

const places = {
  statefulSet: at(app, 'metadata:\n  name: orders'),
  service: at(service, 'kind: Service\nmetadata:\n  name: orders'),
  serviceSelector: at(service, '  selector'),
  budget: at(service, 'kind: PodDisruptionBudget\nmetadata:\n  name: orders'),
  configMap: at(config, 'name: orders-config'),
  secret: at(config, 'name: orders-secret'),
  storageClass: at(storage, 'name: orders-ssd'),
  claim: at(storage, 'name: orders-archive'),
  claimTemplate: at(app, 'metadata:\n        name: data'),
  configVolume: at(app, 'volumes:\n        - name: config'),
  serviceName: at(app, 'serviceName: orders'),
  claimName: at(app, 'claimName: orders-archive'),
  templateStorageClass: at(app, 'storageClassName: orders-ssd'),
  claimStorageClass: at(storage, '  storageClassName: orders-ssd'),
  dataMount: at(app, '            - name: data'),
  configMount: at(app, '            - name: config'),
  volumeConfigMap: at(app, 'configMap: { name: orders-config'),
  volumeSecret: at(app, 'secretName: orders-secret'),
  envConfigMap: at(app, 'configMapKeyRef: { name: orders-config'),
  envSecret: at(app, 'secretKeyRef: { name: orders-secret'),
  envFromConfigMap: at(app, 'configMapRef: { name: orders-config'),
  envFromSecret: at(app, 'secretRef: { name: orders-secret'),
  workerEnvFrom: at(worker, 'configMapRef: { name: orders-config'),
  podLabels: at(app, 'labels:\n        app: orders'),
  serviceSelectorValue: at(service, '  selector:\n    app: orders'),
  budgetSelectorValue: at(service, 'matchLabels:\n      app: orders'),
  // The StatefulSet whose Service the quick fix below edits.
  webServiceName: at('navigation/web-statefulset.yaml', 'serviceName: web'),
  webService: at('navigation/web-service.yaml', '  name: web'),
} as const;

type PlaceName = keyof typeof places;

async function locate(place: Place): Promise<vscode.Location> {
  const uri = fixtureUri(place.file);
  const document = await vscode.workspace.openTextDocument(uri);
  const offset = document.getText().indexOf(place.needle);
  assert.ok(offset >= 0, `${JSON.stringify(place.needle)} is not in ${place.file}`);
  const word = /[A-Za-z0-9._-]+$/.exec(place.needle)?.[0] ?? '';
  const position = document.positionAt(offset + place.needle.length - word.length);
  return new vscode.Location(uri, position);
}

async function expectedLocations(names: readonly PlaceName[]): Promise<string[]> {
  const found = await Promise.all(names.map((name) => locate(places[name])));
  return found.map(formatLocation).sort();
}

/** The locations a navigation command returns from a place, formatted and sorted. */
async function navigate(command: string, from: PlaceName): Promise<string[]> {
  const origin = await locate(places[from]);
  await openFixture(places[from].file);
  const results = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
    command,
    origin.uri,
    origin.range.start,
  );
  return results.map((result) => formatLocation(locationOf(result))).sort();
}

/** Go to definition: from a reference to what it names (cross-file where that is an object). */
const definitions: readonly (readonly [PlaceName, readonly PlaceName[]])[] = [
  ['serviceName', ['service']],
  ['webServiceName', ['webService']],
  ['claimName', ['claim']],
  ['templateStorageClass', ['storageClass']],
  ['claimStorageClass', ['storageClass']],
  ['dataMount', ['claimTemplate']],
  ['configMount', ['configVolume']],
  ['volumeConfigMap', ['configMap']],
  ['volumeSecret', ['secret']],
  ['envConfigMap', ['configMap']],
  ['envSecret', ['secret']],
  ['envFromConfigMap', ['configMap']],
  ['envFromSecret', ['secret']],
  ['serviceSelectorValue', ['statefulSet']],
  ['budgetSelectorValue', ['statefulSet']],
];

/** Find references (VS Code includes the declaration): from an object to what points at it. */
const references: readonly (readonly [PlaceName, readonly PlaceName[]])[] = [
  ['service', ['service', 'serviceName']],
  [
    'configMap',
    ['configMap', 'volumeConfigMap', 'envConfigMap', 'envFromConfigMap', 'workerEnvFrom'],
  ],
  ['secret', ['secret', 'volumeSecret', 'envSecret', 'envFromSecret']],
  ['claim', ['claim', 'claimName']],
  ['storageClass', ['storageClass', 'templateStorageClass', 'claimStorageClass']],
  ['configVolume', ['configVolume', 'configMount']],
  ['podLabels', ['serviceSelector', 'budget']],
  ['statefulSet', ['serviceSelector', 'budget']],
];

describe('navigation', () => {
  before(async () => {
    await activateExtension();
  });

  it('goes to the definition of every kind of reference', async () => {
    await checkEach(
      definitions,
      ([from]) => `definition from ${from}`,
      async ([from, to]) =>
        assert.deepEqual(
          await navigate('vscode.executeDefinitionProvider', from),
          await expectedLocations(to),
        ),
    );
  });

  it('finds the references to objects, volumes and workloads', async () => {
    await checkEach(
      references,
      ([from]) => `references from ${from}`,
      async ([from, to]) =>
        assert.deepEqual(
          await navigate('vscode.executeReferenceProvider', from),
          await expectedLocations(to),
        ),
    );
  });

  it('outlines each object as `Kind name` with its containers, volumes and claims', async () => {
    const outline = async (file: string): Promise<string[]> => {
      const document = await openFixture(file);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        document.uri,
      );
      const lines = (list: readonly vscode.DocumentSymbol[], depth: number): string[] =>
        list.flatMap((symbol) => [
          `${'  '.repeat(depth)}${symbol.name} [${vscode.SymbolKind[symbol.kind]}] ${symbol.detail}`,
          ...lines(symbol.children, depth + 1),
        ]);
      return lines(symbols, 0).map((line) => line.trimEnd());
    };
    assert.deepEqual(await outline(app), [
      'StatefulSet orders [Class] orders',
      '  db [Object] postgres:17',
      '  migrate [Object] postgres:17',
      '  config [Field] configMap orders-config',
      '  credentials [Field] secret orders-secret',
      '  archive [Field] persistentVolumeClaim orders-archive',
      '  data [Field] 10Gi · orders-ssd',
    ]);
    assert.deepEqual(await outline(service), [
      'Service orders [Class] orders',
      'PodDisruptionBudget orders [Class] orders',
    ]);
  });

  it("shows the target's kind, name, namespace and file on hover over a reference", async () => {
    const cases: readonly (readonly [PlaceName, PlaceName, string])[] = [
      ['serviceName', 'service', '**Service** `orders` in namespace `orders`'],
      ['envConfigMap', 'configMap', '**ConfigMap** `orders-config` in namespace `orders`'],
      ['templateStorageClass', 'storageClass', '**StorageClass** `orders-ssd`'],
    ];
    for (const [from, to, heading] of cases) {
      const origin = await locate(places[from]);
      const target = await locate(places[to]);
      const file = places[to].file.split('/').pop()!;
      const text = await hoverText(origin.uri, origin.range.start);
      assert.ok(
        text.includes(`${heading}: \`${file}\`, line ${target.range.start.line + 1}`),
        `hover from ${from} was: ${text}`,
      );
    }
  });

  it('makes the governing Service in another file headless with a quick fix', async () => {
    const statefulSet = await openFixture('navigation/web-statefulset.yaml');
    const { uri } = statefulSet;
    const found = await waitFor(
      'the annotated sts-service-not-headless diagnostic',
      () => diagnosticsWithCode(uri, 'sts-service-not-headless'),
      () => describeDiagnostics(uri),
    );
    assertMatchesAnnotations(found, annotatedFindings(statefulSet, 'sts-service-not-headless'));

    const actions = await quickFixesAt(uri, found[0]!.range);
    const fix = actions.find((action) => action.title.includes('clusterIP: None'));
    const offered = actions.map((action) => action.title);
    assert.ok(fix?.edit, `no headless fix with an edit among ${JSON.stringify(offered)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit was refused');

    const serviceDocument = await vscode.workspace.openTextDocument(
      fixtureUri('navigation/web-service.yaml'),
    );
    assert.match(serviceDocument.getText(), /^ {2}clusterIP: None$/m);
    await waitFor(
      'sts-service-not-headless to go after the fix',
      () => (diagnosticsWithCode(uri, 'sts-service-not-headless') ? undefined : true),
      () => describeDiagnostics(uri),
    );
  });
});
