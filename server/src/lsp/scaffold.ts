// Scaffold requests: generate a manifest set (the client writes it) and list the StorageClass
// names the workspace knows. The generator is pure; this file only routes the requests.
import { scaffoldRequest, storageClassNamesRequest } from '../protocol';
import { generateKafkaManifests } from '../scaffold/generate';
import { knownStorageClassNames } from '../scaffold/storage-class-names';
import type { LspArea } from './services';

export const scaffoldArea: LspArea = {
  register(services) {
    services.connection.onRequest(scaffoldRequest, (params) =>
      services.guard('scaffold', () => generateKafkaManifests(params)),
    );
    services.connection.onRequest(storageClassNamesRequest, () =>
      services.guard('storageClassNames', () =>
        knownStorageClassNames(services.index, services.settings),
      ),
    );
  },
};
