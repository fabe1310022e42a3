// Entry point of dist/cli.js (`kube-stateful`): dispatches to one file per subcommand.
import { runScaffold } from './scaffold';

const usage = `Usage: kube-stateful <command> [options]

Commands:
  lint [paths...]      Check Kubernetes manifests (coming with the diagnostics issue)
  scaffold <variant>   Write a Kafka manifest set (kafka-zookeeper or kafka-kraft)

Options:
  -h, --help           Show this help
`;

function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  if (command === 'scaffold') {
    return runScaffold(rest);
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(usage);
    return command === undefined ? 2 : 0;
  }
  process.stderr.write(`kube-stateful: unknown command '${command}'\n\n${usage}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
