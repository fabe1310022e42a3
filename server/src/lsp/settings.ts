// Reads the `kubeStateful` settings: from initializationOptions first, then from the client's
// workspace/configuration whenever it says they changed.
import type { LspArea, Services } from './services';
import { normalizeSettings } from '../protocol';

export const settingsArea: LspArea = {
  register(services) {
    const { connection } = services;
    const pull = async (): Promise<void> => {
      if (!services.client.workspace?.configuration) {
        return;
      }
      const answer: unknown = await connection.workspace.getConfiguration([
        { section: 'kubeStateful' },
      ]);
      // A client may answer null or a bare object; anything unusable reads as the defaults.
      services.settings = normalizeSettings(Array.isArray(answer) ? answer[0] : undefined);
      notifySettingsChanged(services);
    };
    services.onInitialized.push(pull);
    connection.onDidChangeConfiguration((change) =>
      services.catchAndLog('settings', async () => {
        const section = (change.settings as Record<string, unknown> | null)?.kubeStateful;
        if (section !== undefined && !services.client.workspace?.configuration) {
          services.settings = normalizeSettings(section);
          notifySettingsChanged(services);
        } else {
          await pull();
        }
      }),
    );
  },
};

/** Runs every settings listener, each on its own: one that fails does not stop the others. */
function notifySettingsChanged(services: Services): void {
  for (const listener of services.onSettingsChanged) {
    services.catchAndLog('settings change', listener);
  }
}
