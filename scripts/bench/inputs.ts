// The benchmark's inputs, generated from a seed: one large multi-document manifest, and a
// workspace of small manifest files across folders and namespaces in which many StatefulSets
// depend on one shared Service (the cross-file scenario edits that Service).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { App } from './manifests';
import {
  deployment,
  persistentVolumeClaim,
  podDisruptionBudget,
  service,
  statefulSet,
  storageClass,
  storageClassNames,
} from './manifests';
import type { Random } from './prng';
import { createRandom } from './prng';

const appNames = ['orders', 'ledger', 'search', 'sessions', 'catalog', 'billing', 'metrics'];
const teams = ['payments', 'platform', 'storefront', 'identity', 'analytics'];
const namespaces = Array.from({ length: 20 }, (_, i) => `${teams[i % teams.length]!}-ns-${i}`);

/** The shared Service of the cross-file scenario, and its namespace. */
export const sharedService = { name: 'shared-db', namespace: 'shared-data' } as const;

type BundleKind = 'stateful' | 'web' | 'claim';

interface Bundle {
  readonly app: App;
  readonly kind: BundleKind;
  /** Documents by the file name they get in the workspace. */
  readonly documents: readonly (readonly [file: string, lines: string[]])[];
}

function createApp(random: Random, serial: number): App {
  const name = `${random.pick(appNames)}-${serial}`;
  const namespace = random.pick(namespaces);
  return {
    name,
    namespace,
    team: namespace.split('-')[0]!,
    storageClass: random.pick(storageClassNames),
    serviceName: name,
    selector: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': `${name}-main` },
  };
}

function createBundle(random: Random, serial: number): Bundle {
  const app = createApp(random, serial);
  const roll = random.next();
  if (roll < 0.5) {
    const documents = [
      ['service.yaml', service(random, app, true)],
      ['statefulset.yaml', statefulSet(random, app)],
      ['pdb.yaml', podDisruptionBudget(random, app)],
    ] as const;
    return { app, kind: 'stateful', documents };
  }
  if (roll < 0.8) {
    const documents = [
      ['deployment.yaml', deployment(random, app)],
      ['service.yaml', service(random, app, false)],
      ['pdb.yaml', podDisruptionBudget(random, app)],
    ] as const;
    return { app, kind: 'web', documents };
  }
  return { app, kind: 'claim', documents: [['claim.yaml', persistentVolumeClaim(random, app)]] };
}

/** Joins documents into one YAML stream. */
export function joinDocuments(documents: readonly (readonly string[])[]): string {
  return documents.map((lines) => ['---', ...lines].join('\n')).join('\n') + '\n';
}

/**
 * The large manifest: the StorageClasses first, then application bundles (Services,
 * StatefulSets, Deployments, PodDisruptionBudgets, claims) until `documentCount` documents.
 * With the default 200 documents it is about 8,300 lines.
 */
export function generateLargeFile(seed: number, documentCount = 200): string {
  const random = createRandom(seed);
  const documents: string[][] = storageClassNames
    .slice(0, documentCount)
    .map((name) => storageClass(random, name));
  for (let serial = 0; documents.length < documentCount; serial++) {
    for (const [, lines] of createBundle(random, serial).documents) {
      if (documents.length < documentCount) {
        documents.push(lines);
      }
    }
  }
  return joinDocuments(documents);
}

export interface WorkspaceFile {
  /** Path relative to the workspace root, with `/` separators. */
  readonly path: string;
  readonly text: string;
}

export interface Workspace {
  readonly files: readonly WorkspaceFile[];
  /** The shared Service's file. */
  readonly servicePath: string;
  /** The files of the StatefulSets governed by the shared Service. */
  readonly dependentPaths: readonly string[];
}

function sharedDataFiles(random: Random, dependents: number): Workspace {
  const folder = `data/${sharedService.name}`;
  const selector = { 'app.kubernetes.io/name': sharedService.name };
  const base: App = {
    name: sharedService.name,
    namespace: sharedService.namespace,
    team: 'data',
    storageClass: storageClassNames[0]!,
    serviceName: sharedService.name,
    selector,
  };
  const files: WorkspaceFile[] = [
    { path: `${folder}/service.yaml`, text: joinDocuments([service(random, base, true)]) },
    { path: `${folder}/pdb.yaml`, text: joinDocuments([podDisruptionBudget(random, base)]) },
  ];
  const dependentPaths: string[] = [];
  for (let i = 0; i < dependents; i++) {
    const member = `member-${String(i).padStart(2, '0')}`;
    const app: App = {
      ...base,
      name: `${sharedService.name}-${member}`,
      selector: { ...selector, 'bench.kube-stateful.io/member': member },
    };
    const path = `${folder}/members/${member}.yaml`;
    files.push({ path, text: joinDocuments([statefulSet(random, app)]) });
    dependentPaths.push(path);
  }
  return { files, servicePath: `${folder}/service.yaml`, dependentPaths };
}

/**
 * The workspace: `fileCount` manifest files under `<team>/<namespace>/<app>/`, one document per
 * file except for some bundles kept in a single multi-document `all.yaml`; a platform folder
 * with the StorageClasses; and `dependents` StatefulSets governed by one shared Service.
 */
export function generateWorkspace(seed: number, fileCount = 2000, dependents = 50): Workspace {
  const random = createRandom(seed);
  const shared = sharedDataFiles(random, dependents);
  const files: WorkspaceFile[] = [
    {
      path: 'platform/storage/storage-classes.yaml',
      text: joinDocuments(storageClassNames.map((name) => storageClass(random, name))),
    },
    ...shared.files,
  ];
  for (let serial = 0; files.length < fileCount; serial++) {
    const bundle = createBundle(random, serial);
    const folder = `${bundle.app.team}/${bundle.app.namespace}/${bundle.app.name}`;
    const together = bundle.documents.length > 1 && random.chance(0.15);
    const split = together
      ? [{ path: `${folder}/all.yaml`, text: joinDocuments(bundle.documents.map(([, l]) => l)) }]
      : bundle.documents.map(([file, lines]) => ({
          path: `${folder}/${file}`,
          text: joinDocuments([lines]),
        }));
    files.push(...split.slice(0, fileCount - files.length));
  }
  return { files, servicePath: shared.servicePath, dependentPaths: shared.dependentPaths };
}

/** Writes the workspace under `root`, replacing whatever a previous run left there. */
export async function writeWorkspace(root: string, workspace: Workspace): Promise<void> {
  await rm(root, { recursive: true, force: true });
  for (const file of workspace.files) {
    const path = join(root, ...file.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.text);
  }
}

/**
 * A file of 5,000 documents just under the default `maxFileSize` (about 4.8 MB): the large
 * file's bundles with shorter label keys (the same everywhere, so selectors still match) and
 * without the `part-of` label. It measures costs that grow with the number of documents.
 */
export function generateManyDocuments(seed: number, documentCount = 5000): string {
  return generateLargeFile(seed, documentCount)
    .replaceAll('app.kubernetes.io/', 'app/')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('app/part-of:'))
    .join('\n');
}
