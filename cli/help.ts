import { version } from '../package.json';

export const VERSION = version;

export const USAGE = `Usage: threadmark <command> [options]

Commands:
  validate <bundle> [--json]
      Check a project bundle (*.threadmark.json). Prints a summary, or one line per problem
      on stderr. --json prints {"valid", "counts", "problems"} on stdout instead.
  export <bundle> --to csv -o <file> [--spreadsheet-safe]
      Write the coded-segments CSV (one row per coding). -o - writes to stdout.
      --spreadsheet-safe prefixes ' to cells a spreadsheet would run as formulas.

Options:
  -h, --help       Show this help (also: threadmark <command> --help)
  -v, --version    Show the version

Exit status: 0 success, 1 invalid input or file error, 2 usage error.
Formats: docs/formats.md
`;

export const COMMAND_USAGE: Record<string, string> = {
  validate: 'Usage: threadmark validate <bundle> [--json]\n',
  export: 'Usage: threadmark export <bundle> --to csv -o <file> [--spreadsheet-safe]\n',
};
