// Bundles the client, the language server and the CLI. `--watch` rebuilds on change;
// `--production` minifies and drops source maps (used by `npm run package`).
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
    const context = await esbuild.context({ ...common, ...build, plugins: [watchMarkers] });
    await context.watch();
  }
} else {
  await Promise.all(builds.map((build) => esbuild.build({ ...common, ...build })));
}
