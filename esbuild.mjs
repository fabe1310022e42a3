// Bundles the client, the language server and the CLI. `--watch` rebuilds on change;
// `--production` minifies and drops source maps (used by `npm run package`).
import { readFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The server is also a command (`kube-stateful-language-server` in package.json's bin) that
  // other editors start after `npm install -g`, so it needs the shebang too.
  {
    entryPoints: ['server/src/main.ts'],
    outfile: 'dist/server.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
];

// `yaml`'s parser reads `process.env.LOG_TOKENS` for every token and its composer
// `process.env.LOG_STREAM` for every document (debug switches). Node answers each read of
// `process.env` by asking the C library for the variable: about a quarter of `yaml`'s parse time
// on a 5 MB file (docs/performance.md). The bundles read them as unset, as they are in
// any real use; the build fails if `yaml` changes these lines, so the change is never lost silently.
const yamlDebugSwitches = [
  {
    file: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/]parse[\\/]parser\.js$/,
    read: 'node_process.env.LOG_TOKENS',
  },
  {
    file: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/]compose[\\/]composer\.js$/,
    read: 'node_process.env.LOG_STREAM',
  },
];
const yamlWithoutDebugSwitches = {
  name: 'yaml-without-debug-switches',
  setup(build) {
    for (const { file, read } of yamlDebugSwitches) {
      build.onLoad({ filter: file }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes(read)) {
          return { errors: [{ text: `${args.path} no longer reads ${read}: update esbuild.mjs` }] };
        }
        return { contents: source.replaceAll(read, 'undefined'), loader: 'js' };
      });
    }
  },
};

// Prints the markers the "watch" task in .vscode/tasks.json waits for.
const watchMarkers = {
  name: 'watch-markers',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const error of result.errors) {
        console.error(`✘ [ERROR] ${error.text}`);
      }
      console.log('[watch] build finished');
    });
  },
};

if (watch) {
  for (const build of builds) {
    const context = await esbuild.context({
      ...common,
      ...build,
      plugins: [yamlWithoutDebugSwitches, watchMarkers],
    });
    await context.watch();
  }
} else {
  await Promise.all(
    builds.map((build) =>
      esbuild.build({ ...common, ...build, plugins: [yamlWithoutDebugSwitches] }),
    ),
  );
}
