// Entry point of dist/server.js: the only file that creates a connection. The transport
// (--stdio, --node-ipc, --socket=N) is chosen by vscode-languageserver from the arguments.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

if (process.argv.includes('--help')) {
  process.stderr.write(
    'Usage: kube-stateful-language-server --stdio | --node-ipc | --socket=<port>\n' +
      'The Kube Stateful language server for Kubernetes manifests.\n',
  );
  process.exit(0);
}

startServer(createConnection(ProposedFeatures.all));
