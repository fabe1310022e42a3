// A server connection and a client connection joined by two in-memory streams, for glue tests
// that need the real server in this process (an in-memory file system, exact interleavings).
import { PassThrough } from 'node:stream';
import type { Connection, ProtocolConnection } from 'vscode-languageserver/node';
import {
  createConnection,
  createProtocolConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

export interface ConnectionPair {
  readonly server: Connection;
  readonly client: ProtocolConnection;
  dispose(): void;
}

export function connectionPair(): ConnectionPair {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(toServer),
    new StreamMessageWriter(toClient),
  );
  const client = createProtocolConnection(
    new StreamMessageReader(toClient),
    new StreamMessageWriter(toServer),
  );
  client.onRequest('workspace/configuration', () => [{}]);
  client.onRequest('window/workDoneProgress/create', () => null);
  client.onRequest('workspace/diagnostic/refresh', () => null);
  client.onNotification('window/logMessage', () => undefined);
  client.listen();
  return {
    server,
    client,
    dispose() {
      client.dispose();
      server.dispose();
    },
  };
}
