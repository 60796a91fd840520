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
  agree --units <file.csv> [--json] [--bootstrap N --seed S]
      Inter-coder agreement from a unit,coder,value CSV (blank value = missing): percent and
      pairwise agreement, Cohen's and Fleiss' kappa, Brennan-Prediger, Gwet's AC1 and
      Krippendorff's alpha (nominal, ordinal, interval, ratio). --json prints unrounded values.
      --bootstrap N --seed S adds 95 % bootstrap intervals for alpha (Hayes & Krippendorff 2007).

Options:
  -h, --help       Show this help (also: threadmark <command> --help)
  -v, --version    Show the version

Exit status: 0 success, 1 invalid input or file error, 2 usage error.
Formats: docs/formats.md
`;

export const COMMAND_USAGE: Record<string, string> = {
  validate: 'Usage: threadmark validate <bundle> [--json]\n',
  export: 'Usage: threadmark export <bundle> --to csv -o <file> [--spreadsheet-safe]\n',
  agree: 'Usage: threadmark agree --units <file.csv> [--json] [--bootstrap N --seed S]\n',
};
