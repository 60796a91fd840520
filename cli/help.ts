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
  import <files...> -o <bundle> [--into <bundle>] [--format F] [--map field=column,...]
      Import thread exports (Reddit, X/Twitter, Mastodon, Bluesky, YouTube, …; the format is
      detected from each file's content unless --format names it) into a bundle. --into adds
      to an existing bundle (its codes and codings kept; posts already in it are skipped and
      counted); -o may be the --into bundle. All or nothing: on any problem nothing is written.
      --map tells formats with columns (CSV) which column holds which field. --stats prints
      time and memory per phase on stderr.
  agree --units <file.csv> [--json] [--bootstrap N --seed S]
      Inter-coder agreement from a unit,coder,value CSV (blank value = missing): percent and
      pairwise agreement, Cohen's and Fleiss' kappa, Brennan-Prediger, Gwet's AC1 and
      Krippendorff's alpha (nominal, ordinal, interval, ratio). --json prints unrounded values.
      --bootstrap N --seed S adds 95 % bootstrap intervals for alpha (Hayes & Krippendorff 2007).
  agree <bundle...> --unit post|char|span|unitized [--code NAME]... [--coders A,B] [--json]
      Inter-coder agreement on the codings of coders' bundles. Posts match by id, else by
      (platform, platformId); a post whose text differs between bundles is left out (warning).
      post: every coefficient above per code (coded in the post or not); char: kappa and percent
      agreement per character; span: F1 (exact, any overlap, one-to-one); unitized: u-alpha,
      |u-alpha and cu-alpha. --code (repeatable) takes a path "Parent > Child" or a unique name;
      --coders picks coders and their order (the first is the reference for span F1).

Options:
  -h, --help       Show this help (also: threadmark <command> --help)
  -v, --version    Show the version

Exit status: 0 success, 1 invalid input or file error, 2 usage error.
Formats: docs/formats.md
`;

export const COMMAND_USAGE: Record<string, string> = {
  validate: 'Usage: threadmark validate <bundle> [--json]\n',
  export: 'Usage: threadmark export <bundle> --to csv -o <file> [--spreadsheet-safe]\n',
  import: 'Usage: threadmark import <files...> -o <bundle.threadmark.json> [--into <bundle>] [--format F] [--map field=column,...] [--stats]\n',
  agree:
    'Usage: threadmark agree --units <file.csv> [--json] [--bootstrap N --seed S]\n' +
    '       threadmark agree <bundle...> --unit post|char|span|unitized [--code NAME]... [--coders A,B] [--json]\n',
};
