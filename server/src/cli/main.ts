// Entry point of dist/cli.js (`kube-stateful`): a dispatcher over the subcommands. Each command
// lives in its own file and is one line in the table below; it returns the process exit code.
import { runGraph } from './graph';
import { runLint } from './lint';
import { runScaffold } from './scaffold';

export type Command = (argv: readonly string[]) => Promise<number> | number;

const commands: Readonly<Record<string, { readonly summary: string; readonly run: Command }>> = {
  lint: { summary: 'Check Kubernetes manifests (files or directories)', run: runLint },
  scaffold: {
    summary: 'Write a Kafka manifest set (kafka-zookeeper, kafka-kraft or kafka-strimzi)',
    run: runScaffold,
  },
  graph: { summary: 'Print the topology of manifests as Graphviz dot or Mermaid', run: runGraph },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length)) + 2;
  const lines = Object.entries(commands).map(
    ([name, command]) => `  ${name.padEnd(width)}${command.summary}`,
  );
  return `Usage: kube-stateful <command> [options]

Commands:
${lines.join('\n')}

Run 'kube-stateful <command> --help' for the options of a command.
`;
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`kube-stateful: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `kube-stateful: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
