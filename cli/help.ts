import { APP_VERSION } from '@shared/app-version';

/** package.json's version, injected at build time (cli/vite.config.ts). */
export const VERSION = APP_VERSION;

export const USAGE = `Usage: threadmark <command> [options]

Commands:
  validate <bundle> [--json]
      Check a project bundle (*.threadmark.json). Prints a summary, or one line per problem
      on stderr. --json prints {"valid", "counts", "problems"} on stdout instead.
  export <bundle> --to csv -o <file> [--spreadsheet-safe] [--coder NAME]
      Write the coded-segments CSV (one row per coding). -o - writes to stdout.
      --spreadsheet-safe prefixes ' to cells a spreadsheet would run as formulas.
      --coder writes one coder's codings only (a name, any case, or an id): --coder consensus
      writes the consensus layer.
  export <bundle> --to qdc|codebook-md|codebook-html|codebook-csv -o <file> [--spreadsheet-safe]
      Write the codebook: a REFI-QDA codebook (.qdc, every code keeps its GUID), a Markdown or
      HTML document, or the codebook CSV (--spreadsheet-safe as above). -o - writes to stdout.
  import <files...> -o <bundle> [--into <bundle>] [--format F] [--map field=column,...]
      Import thread exports (Reddit, X/Twitter, Mastodon, Bluesky, YouTube, …; the format is
      detected from each file's content unless --format names it) into a bundle. --into adds
      to an existing bundle (its codes and codings kept; posts already in it are skipped and
      counted); -o may be the --into bundle. All or nothing: on any problem nothing is written.
      --map tells formats with columns (CSV) which column holds which field. --stats prints
      time and memory per phase on stderr. The import is one entry of the project journal
      (one per batch of about 50,000 posts for a bigger one), by the --into bundle's first coder
      (else "threadmark-cli").
  import <codebook> -o <bundle> [--into <bundle> [--take all|all,removed]] [--format codebook-csv]
      Import a codebook: a REFI-QDA .qdc, the codebook of a .qdpx project, or a codebook CSV
      (--format codebook-csv; CSV is a thread format otherwise), one file and no thread files.
      Without --into: a new bundle holding just that codebook. With --into: merged into the
      bundle's codebook (codes match by GUID, else by path). By default only added codes are
      taken; every other difference is left and printed on stderr as "left: <code path>: …".
      --take all also takes renames, moves and changed fields; --take all,removed also removals
      (refused for a code that has codings). --take may also list kinds: added,renamed,moved,
      changed,removed. Names and texts are stored trimmed, as in the app. The taken changes are
      one entry of the project journal (codebook.import), by the bundle's first coder (else
      "threadmark-cli").
  history <bundle> [--json] [--coder NAME] [--operation KIND] [--since T] [--until T] [--record ID]
      The project journal, oldest first: per entry its number, time, who, the operation, what it
      did and how many records it changed and posts it added. --coder: a name (any case) or id;
      --operation: a kind (code.merge) or its family (code); --since/--until: a date (whole day,
      UTC) or a time with its zone (2026-03-12T09:30:00Z), both inclusive; --record: entries that
      changed that record or added that post or posts to that thread. --json prints the entries
      as JSON (each with "counts").
  undo <bundle> [--entry ID|N] -o <bundle>
      Undo the latest change still in effect (as Undo in the app), or revert the entry --entry
      names by id or number; the undo is a new journal entry. Refused when a record it changed
      has changed since or later work depends on it. -o may be the bundle itself.
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
  package <project> --coders A,B [--threads ID,...] [--sample N --seed S [--unit post|thread]
          [--stratify thread|platform]] [--name NAME] [--instructions TEXT] -o <dir>
      Start a round of the team loop in the project (written back to it) and write one blind
      package per coder into <dir> (<project>-<round>-<coder>.threadmark.json): the coder's
      posts with the posts they answer, the codebook version the round pins (named after the
      round when the codebook changed since the last named version), no other coder's codings.
      --threads codes those threads; --sample draws N posts (or threads: --unit thread) with
      the seed S, in proportion to each thread or platform with --stratify, from --threads
      when given. Placeholders and posts without text are never drawn.
  merge <project> <coder-file>... -o <out>
      Merge the packages the coders returned into the round: each file is checked against its
      package (this project, the round, its coder, the codebook version, the same posts and
      texts); one bad file refuses all and nothing is written. A file is its coder's layer of
      the round's posts: codings are added, changed or removed to match it; merging a file
      again changes nothing. Prints per file what changed and how its codebook differs.
  consensus <bundle> --rule majority|coder:NAME [--round N] -o <bundle>
      Decide every disagreement without a confirmed decision (docs/team-loop.md): majority
      accepts what a strict majority of three or more coders did (a tie is left open);
      coder:NAME accepts that coder's codings wherever they were assigned the post. --round
      takes only that round's posts and coders. Units every coder agrees on are added to the
      consensus layer too. One entry of the project journal; -o may be the bundle itself.

Options:
  -h, --help       Show this help (also: threadmark <command> --help)
  -v, --version    Show the version

Examples:
  threadmark validate project.threadmark.json
  threadmark export project.threadmark.json --to csv -o coded-segments.csv --spreadsheet-safe
  threadmark export project.threadmark.json --to qdc -o codebook.qdc
  threadmark export project.threadmark.json --to csv --coder consensus -o consensus.csv
  threadmark export project.threadmark.json --to codebook-md -o codebook.md
  threadmark export project.threadmark.json --to codebook-html -o codebook.html
  threadmark export project.threadmark.json --to codebook-csv -o codebook.csv --spreadsheet-safe
  threadmark import thread.json comments.ndjson -o project.threadmark.json
  threadmark import codebook.qdc -o project.threadmark.json
  threadmark import project.qdpx -o project.threadmark.json
  threadmark import codebook.csv --format codebook-csv -o project.threadmark.json
  threadmark import codebook.qdc --into project.threadmark.json -o project.threadmark.json --take all
  threadmark history project.threadmark.json --coder Ada --operation code --since 2026-03-01
  threadmark undo project.threadmark.json -o project.threadmark.json
  threadmark agree --units ratings.csv --bootstrap 1000 --seed 1
  threadmark agree ada.threadmark.json ben.threadmark.json --unit span --code "Fallacy > Whataboutism"
  threadmark consensus project.threadmark.json --rule majority --round 1 -o project.threadmark.json
  threadmark package project.threadmark.json --coders Ada,Ben --sample 40 --seed 7 --stratify thread -o packages
  threadmark merge project.threadmark.json packages/*-ada.threadmark.json packages/*-ben.threadmark.json -o project.threadmark.json

Exit status: 0 success, 1 invalid input or file error, 2 usage error.
Formats: docs/formats.md
`;

export const COMMAND_USAGE: Record<string, string> = {
  validate: 'Usage: threadmark validate <bundle> [--json]\n',
  export: 'Usage: threadmark export <bundle> --to csv|qdc|codebook-md|codebook-html|codebook-csv -o <file> [--spreadsheet-safe] [--coder NAME]\n',
  import:
    'Usage: threadmark import <files...> -o <bundle.threadmark.json> [--into <bundle>] [--format F] [--map field=column,...] [--stats]\n' +
    '       threadmark import <file.qdc|file.qdpx|codebook.csv> [--format codebook-csv] -o <bundle> [--into <bundle> [--take all|all,removed]]\n',
  history: 'Usage: threadmark history <bundle> [--json] [--coder NAME] [--operation KIND] [--since ISO] [--until ISO] [--record ID]\n',
  undo: 'Usage: threadmark undo <bundle> [--entry ID|N] -o <bundle.threadmark.json>\n',
  consensus: 'Usage: threadmark consensus <bundle> --rule majority|coder:NAME [--round N] -o <bundle.threadmark.json>\n',
  agree:
    'Usage: threadmark agree --units <file.csv> [--json] [--bootstrap N --seed S]\n' +
    '       threadmark agree <bundle...> --unit post|char|span|unitized [--code NAME]... [--coders A,B] [--json]\n',
  package:
    'Usage: threadmark package <project> --coders A,B [--threads ID,...] [--sample N --seed S [--unit post|thread] [--stratify thread|platform]]\n' +
    '       [--name NAME] [--instructions TEXT] -o <dir>\n',
  merge: 'Usage: threadmark merge <project> <coder-file>... -o <out.threadmark.json>\n',
};
