// Reads the `kubeStateful` settings: from initializationOptions first, then from the client's
// workspace/configuration whenever it says they changed.
import type { LspArea } from './services';
import { normalizeSettings } from '../protocol';

export const settingsArea: LspArea = {
  register(services) {
    const { connection } = services;
    const pull = async (): Promise<void> => {
      if (!services.client.workspace?.configuration) {
        return;
      }
      const [raw] = (await connection.workspace.getConfiguration([
        { section: 'kubeStateful' },
      ])) as unknown[];
      services.settings = normalizeSettings(raw);
      services.onSettingsChanged.forEach((listener) => listener());
    };
    const pullLogged = (): void => {
      pull().catch((error: unknown) => connection.console.error(`settings: ${String(error)}`));
    };
    services.onInitialized.push(pullLogged);
    connection.onDidChangeConfiguration((change) => {
      const section = (change.settings as Record<string, unknown> | null)?.kubeStateful;
      if (section !== undefined && !services.client.workspace?.configuration) {
        services.settings = normalizeSettings(section);
        services.onSettingsChanged.forEach((listener) => listener());
      } else {
        pullLogged();
      }
    });
  },
};
