import { APP_VERSION } from '@shared/app-version';

/** package.json's version, injected at build time (cli/vite.config.ts). */
export const VERSION = APP_VERSION;

export const USAGE = `Usage: threadmark <command> [options]

Commands:
  validate <bundle> [--json]
      Check a project bundle (*.threadmark.json). Prints a summary, or one line per problem
      on stderr. --json prints {"valid", "counts", "problems"} on stdout instead.
  check <bundle> [--json] [--repair -o <file>]
      The integrity check (as the app's Help → Check project integrity…): codings on missing
      posts, codes or coders, ranges outside the text, wrong threads or quotes, loops and missing
      parents in the code tree, missing exemplars; also in a bundle validate refuses. Exit 1 when
      anything is found. --repair writes the repaired project (journaled) to another file.
  export <bundle> --to csv -o <file> [--csv-safe formula|raw] [--coder NAME]
      Write the coded-segments CSV (one row per coding). -o - writes to stdout.
      --csv-safe: see "CSV files" below (default raw).
      --coder writes one coder's codings only (a name, any case, or an id): --coder consensus
      writes the consensus layer.
  export <bundle> --to qdc|codebook-md|codebook-html|codebook-csv -o <file> [--csv-safe formula|raw]
      Write the codebook: a REFI-QDA codebook (.qdc, every code keeps its GUID), a Markdown or
      HTML document, or the codebook CSV (--csv-safe as above). -o - writes to stdout.
  export <bundle> --to matrix-csv|binary-matrix-csv|thread-matrix-csv|xlsx|parquet|matrix-parquet
         |relations-csv -o <file> [--coder NAME]
      Exports for analysis, as the app's File → Export for analysis…: a post × code matrix
      (counts, or 0/1), a thread × code matrix, an XLSX workbook (segments, matrices, codebook,
      coders), the coded segments or the post × code counts as Parquet, the relations between
      posts as CSV (both ends' ids, offsets and quotes; docs/formats.md).
      --coder as above; --csv-safe for the CSVs. -o - writes a CSV to stdout; XLSX and Parquet need a file.
  export <bundle> --to qdpx -o <file> [--positions code-points|utf16]
      Write the whole project as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA,
      QualCoder: a text source per thread (docs/formats.md), codings, coders, memos, the codebook
      with its GUIDs. Positions are code points (the standard); --positions utf16 for NVivo.
  export <bundle> --to memos-csv -o <file> [--csv-safe formula|raw]
      Every memo: project, thread, post, code and coding memos, one row each (kind, target_id,
      target, thread_id, thread_title, post_id, code, coder, memo, updated_at).
  export <bundle> --to web-annotation|doccano|label-studio -o <file> [--coder NAME]
      The codings in an annotation standard (docs/formats.md, "Annotation standards"): W3C Web
      Annotation JSON-LD (an AnnotationCollection; quote and position selectors, the code as a
      tagging body, the memo as a commenting body), doccano JSONL (one line per post, labels
      [start, end, code path]) or Label Studio JSON (one task per post). Offsets are code points.
      --coder writes one coder's codings. -o - writes to stdout.
  export … [--pseudonymize | --identified] [--key-out <key.enc> [--passphrase-file F]]
      Every export of posts (all but the codebook formats) is PSEUDONYMISED BY DEFAULT: each
      author and each @-mention, u/name or handle in a text becomes a stable alias ("Author
      0417", derived from the project's secret), profile and post links naming a person are
      replaced, offsets and quotes follow the rewritten text; the report of what was replaced
      goes to stderr. --pseudonymize says so explicitly; --identified (or --no-pseudonymize)
      writes real names. --key-out also writes the alias key (alias → person) sealed with a
      passphrase (AES-GCM, PBKDF2) read from --passphrase-file or THREADMARK_KEY_PASSPHRASE.
  export <bundle> --to shareable-bundle -o <file>
      The project pseudonymised as a bundle to hand on: aliases for authors and mentions, links
      naming people replaced, no pseudonym secret, no history (always pseudonymised).
  export <bundle> --to ids -o <file>
      The ids-only file for publishing (docs/formats.md, "Ids-only export"): per post its ids,
      platform, thread, the SHA-256 of its text and its codings (code, coder, code-point
      offsets). No text, no author, never pseudonymised. Posts deleted on their platform are left out.
  rehydrate <ids-file> --posts <thread file or bundle> [-o <codings.csv>]
      Check an ids-only file against re-collected posts: each text's SHA-256 verified, every
      coding reproduced from its offsets; mismatches listed by post id (exit 1 when any).
      -o writes the reproduced codings with their quotes as CSV.
  delete-posts <bundle> --ids <file> [--users] -o <bundle>
      Apply a platform's deletion list (one post id per line; --users: user ids or author
      names): each matching post becomes a tombstone in its place in the reply tree, its
      codings are removed, and the counts are logged in the project. One journal entry.
  reidentify <key.enc> [--passphrase-file F] [--in <export> -o <file>]
      Open an alias key: list alias, identity and names as CSV, or (--in) write a copy of a
      pseudonymised text export (CSV, JSON) with each alias replaced by the person's name.
      A wrong passphrase is refused.
  import <files...> -o <bundle> [--into <bundle>] [--format F] [--map field=column,...]
      Import thread exports (Reddit, X/Twitter, Mastodon, Bluesky, YouTube, …; the format is
      detected from each file's content unless --format names it) into a bundle. --into adds
      to an existing bundle (its codes and codings kept; posts already in it are skipped and
      counted); -o may be the --into bundle. All or nothing: on any problem nothing is written.
      --map tells formats with columns (CSV) which column holds which field. --stats prints
      time and memory per phase on stderr. The import is one entry of the project journal
      (one per batch of about 50,000 posts for a bigger one), by the --into bundle's first coder
      (else "threadmark-cli").
  import <x.qdpx> -o <bundle> [--into <bundle>] [--split source|paragraph]
      Import a whole REFI-QDA project: each text source becomes a thread of one post (or one
      post per paragraph with --split paragraph), each text coding on the characters it names
      (NVivo's UTF-16 positions detected and checked against the text). All or nothing; prints
      what was skipped (PDF, image, audio, video sources; codings that cannot be placed).
  import <codebook> -o <bundle> [--into <bundle> [--take all|all,removed]] [--format codebook-csv]
      [--codebook-only]
      Import a codebook: a REFI-QDA .qdc, the codebook of a .qdpx project (--codebook-only), or a codebook CSV
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
  agree <bundle...> --unit post|char|span|unitized|relation [--code NAME]... [--coders A,B] [--json]
      Inter-coder agreement on the codings of coders' bundles. Posts match by id, else by
      (platform, platformId); a post whose text differs between bundles is left out (warning).
      post: every coefficient above per code (coded in the post or not); char: kappa and percent
      agreement per character; span: F1 (exact, any overlap, one-to-one); unitized: u-alpha,
      |u-alpha and cu-alpha. --code (repeatable) takes a path "Parent > Child" or a unique name;
      --coders picks coders and their order (the first is the reference for span F1).
      relation: the relations between posts, a unit per ordered pair of posts someone related
      (value: the relation code or none): alpha (nominal), F1 and percent agreement, overall and
      per relation code.
  package <project> --coders A,B [--threads ID,...] [--sample N --seed S [--unit post|thread]
          [--stratify thread|platform]] [--name NAME] [--instructions TEXT] -o <dir>
      Start a round of the team loop in the project (written back to it) and write one blind
      package per coder into <dir> (<project>-<round>-<coder>.threadmark.json): the coder's
      posts with the posts they answer, the codebook version the round pins (named after the
      round when the codebook changed since the last named version), no other coder's codings.
      --threads codes those threads; --sample draws N posts (or threads: --unit thread) with
      the seed S, in proportion to each thread or platform with --stratify, from --threads
      when given. Placeholders and posts without text are never drawn.
      Packages are pseudonymised (authors and mentions as the project's aliases; merge carries
      the codings back to the project's texts); --identified writes real names.
  import-annotations <project> <file> -o <out> [--format web-annotation|doccano|label-studio]
          [--coder NAME] [--unknown-codes refuse|skip|create] [--replace]
      Add another tool's annotations as coder layers, as the app's Add coder files… does: posts
      match by id, platform id, address or identical text; a span whose positions do not cut
      out its quote is moved to where the quote is (prefix and suffix decide between repeats),
      and every move and every span that cannot be placed is printed. Codes match by path;
      codes the codebook lacks refuse the file unless --unknown-codes skip (their codings left
      out) or create (added to the codebook). --coder names whoever coded a file that names
      nobody (a plain doccano file). A coder already in the project keeps their codings unless
      --replace. The format is detected from the content unless --format names it. One entry
      of the project journal; -o may be the project itself.
  merge <project> <coder-file|file.qdpx>... [--replace <coder>]... -o <out>
      Merge the packages the coders returned into the round: each file is checked against its
      package (this project, the round, its coder, the codebook version, the same posts and
      texts); one bad file refuses all and nothing is written. A file is its coder's layer of
      the round's posts: codings are added, changed or removed to match it; merging a file
      again changes nothing. Prints per file what changed and how its codebook differs.
      A .qdpx is a Threadmark export coded in NVivo, ATLAS.ti or MAXQDA: its users come in as
      coder layers, as the app's Add coder files… does (positions mapped back onto the posts; a
      selection over a post boundary split; a pseudonymised export carried back to the real
      texts); prints codings, memos and relations added and every thing not placed exactly.
      A coder already in the project keeps their codings, unless named with --replace <coder>
      (a name or id; repeat it for several): their codings in the project are replaced by the
      file's, as ticking "Replace" in the app's review does. A name that is not both in the
      project and in a .qdpx given is refused and nothing is written.
  consensus <bundle> --rule majority|coder:NAME [--round N] -o <bundle>
      Decide every disagreement without a confirmed decision (docs/team-loop.md): majority
      accepts what a strict majority of three or more coders did (a tie is left open);
      coder:NAME accepts that coder's codings wherever they were assigned the post. --round
      takes only that round's posts and coders. Units every coder agrees on are added to the
      consensus layer too. One entry of the project journal; -o may be the bundle itself.
  segments <bundle> --code PATH [--subcodes] [--and PATH | --overlap PATH | --near PATH --within N |
           --not PATH] [--coder NAME] [--thread ID,...] [--author NAME] [--platform P,...]
           [--from T] [--to T] [--month YYYY-MM] [--where SCOPE.ATTRIBUTE=VALUE] [--limit N]
           [--json | --csv [--csv-safe formula|raw]] [--identified]
      Retrieve coded segments, as the app's Analysis → Segments tab: the codings of a code
      ("Parent > Child"; --subcodes: with every code below it, for the second code too), in reading
      order, each with its quote in context, code, coder and memo. --and: in posts that also hold
      the second code; --overlap: spans overlapping it; --near: within N characters of it in the
      same post; --not: in posts without it. --coder (a name, any case, or id) narrows both codes;
      --from/--to: a date (whole day, UTC) or a time with its zone. --json prints {"query",
      "total", "rows"}; --csv the Segments CSV (docs/formats.md). --where keeps the authors or
      threads whose attribute has that value (author.Stance=pro, thread.subreddit=a|b; see
      threadmark attributes). Pseudonymised by default, as every export: authors, mentions and
      profile links in the rows as aliases (--author takes the real name); --identified (or
      --no-pseudonymize) prints real names.
  table <bundle> --rows code --cols thread|author|platform|coder|month|attribute:author.NAME|attribute:thread.NAME
        [--count codings|posts|chars] [--coder NAME[,NAME]] [--json]
      A code frequency table, as the app's Analysis → Tables & charts tab: a row per code (tree
      order, its own codings), a column per thread, author, platform, coder or month (months
      without gaps; "no date" last), or per value of an author's or thread's attribute
      (attribute:author.Stance; "(none)" last). --count: codings (default), posts holding them, or
      characters covered (each code point once). Totals count each post or character once.
      --coder: only these coders' codings (names, any case, or ids). --json prints the table.
  search <bundle> "<query>" [--regex] [--case-sensitive] [--diacritics-sensitive] [--json] [--limit N]
        [--thread ID[,ID]] [--platform NAME[,NAME]] [--author NAME[,NAME]] [--from T] [--to T] [--coded|--uncoded]
      Full-text search over every post, as the app's Analysis → Search tab: words (all must
      occur), "exact phrases", prefix*; case and diacritics are ignored unless asked. --regex: the
      query is one JavaScript regular expression (case ignored unless --case-sensitive). One
      keyword-in-context line per hit (thread/post, code-point offsets); the first --limit hits
      (default 1000) and the count of every matching post. --json: docs/formats.md.
  cooccur <bundle> --by overlap|post|thread [--measure count|jaccard] [--coder NAME[,NAME]] [--json]
      The code co-occurrence matrix: per pair of codes the posts where their spans overlap
      (overlap), the posts (post) or threads (thread) holding both; the diagonal is the posts or
      threads holding the code. --measure jaccard divides by the posts or threads holding either.
      --json prints the matrix (docs/formats.md).
  attributes <bundle> [--scope author|thread] [--json | --csv-safe formula|raw] [--identified]
      The authors' and threads' attributes: platform ones derived from the posts (platform,
      posts, threads, first post, instance, subreddit, language, followers where the exports
      have them; a thread's title, source, posts, authors, start) and user-defined ones, as CSV
      (both scopes, a blank line between, unless --scope) or --json (docs/formats.md).
      Pseudonymised by default (authors by alias, for leaving the project); --identified (or
      --no-pseudonymize) prints real names: the file --import takes back.
  attributes <bundle> --import <file.csv> [--scope author|thread] -o <bundle>
      Set attribute values from a CSV whose first column is author or thread; other columns are
      attributes (new ones typed number, date or text by their cells; platform columns skipped);
      an empty cell clears the value. All or nothing: every problem names its line and column.
      One journal entry. -o may be the bundle itself.

Team server (docs/sync.md; the server admin sets a project up on Apache CouchDB 3.x):
  server init --url U --admin-user A --admin-password-file F --project P --leads L[,L2]
         [--coders a,b,c] --passwords-file users.csv [--json]
      Create the users (users.csv: one "name,password" per line; the password is everything after
      the first comma), their roles, the project's databases (corpus, codebook, consensus, a layer
      per member), who may read each (_security) and who may write what (validate_doc_update).
      Re-running adds what is missing; existing users keep their password. Passwords are never printed.
  server add-coder --url U --admin-user A --admin-password-file F --project P --coder NAME
         --password-file F [--lead] [--json]
      One more member of a project on the server, with their layer (--lead: a lead).
  sync <bundle> --url U --project P --user X --password-file F [--coder NAME] -o <bundle>
  sync --new --url U --project P --user X --password-file F -o <bundle>
      Sync a bundle with its team project as user X: push what X may write and changed (their
      coder's layer; a lead everything), pull every database X may read, apply it as one journal
      entry ("Received N changes from the team server"). X is the coder of the same name (case
      ignored) unless --coder names another. Conflicts (one record changed on two machines) are
      listed and both versions stay on the server; what X may not write is listed, not pushed.
      --new starts from nothing (a new machine). -o may be the bundle itself.

CSV files (every CSV the CLI writes: export csv, codebook-csv, memos-csv, *-matrix-csv; segments
--csv; attributes):
  --csv-safe raw       The default: every cell exactly as stored, for R, pandas and scripts. A cell
                       may then start with = + - @: a spreadsheet would run it as a formula.
  --csv-safe formula   For spreadsheets: a cell starting with = + - @ TAB CR or NUL gets a leading '
                       and quotes (OWASP CSV injection); plain numbers are left alone. The app
                       writes this by default. --spreadsheet-safe is the same.

Output files (-o):
  Written atomically (a temp file renamed over the target; a replaced file keeps its permissions;
  temp files of a killed run are removed by the next run). While a command writes a file it holds
  <file>.lock: a second threadmark writing the same file is refused (exit 1), and a bundle that
  changed between read and write is not overwritten ("<file> changed while importing; nothing
  written"). -o refuses, unless --force: a file the same command reads (other than the bundle an
  update rewrites in place), a symbolic link (--force replaces the file it points to), a device,
  FIFO or socket (--force writes into it).

Options:
  -h, --help       Show this help (also: threadmark <command> --help)
  -v, --version    Show the version
  --force          Write -o over an input, through a symlink, or into a device or FIFO

Examples:
  threadmark validate project.threadmark.json
  threadmark export project.threadmark.json --to csv -o coded-segments.csv --csv-safe formula
  threadmark export project.threadmark.json --to qdc -o codebook.qdc
  threadmark export project.threadmark.json --to csv --coder consensus -o consensus.csv
  threadmark export project.threadmark.json --to xlsx -o analysis.xlsx
  threadmark export project.threadmark.json --to codebook-md -o codebook.md
  threadmark export project.threadmark.json --to codebook-html -o codebook.html
  threadmark export project.threadmark.json --to codebook-csv -o codebook.csv --csv-safe formula
  threadmark import thread.json comments.ndjson -o project.threadmark.json
  threadmark import codebook.qdc -o project.threadmark.json
  threadmark import project.qdpx -o project.threadmark.json
  threadmark import project.qdpx --codebook-only -o codebook.threadmark.json
  threadmark export project.threadmark.json --to qdpx --positions utf16 -o for-nvivo.qdpx
  threadmark import codebook.csv --format codebook-csv -o project.threadmark.json
  threadmark import codebook.qdc --into project.threadmark.json -o project.threadmark.json --take all
  threadmark history project.threadmark.json --coder Ada --operation code --since 2026-03-01
  threadmark undo project.threadmark.json -o project.threadmark.json
  threadmark agree --units ratings.csv --bootstrap 1000 --seed 1
  threadmark agree ada.threadmark.json ben.threadmark.json --unit span --code "Fallacy > Whataboutism"
  threadmark consensus project.threadmark.json --rule majority --round 1 -o project.threadmark.json
  threadmark package project.threadmark.json --coders Ada,Ben --sample 40 --seed 7 --stratify thread -o packages
  threadmark merge project.threadmark.json packages/*-ada.threadmark.json packages/*-ben.threadmark.json -o project.threadmark.json
  threadmark export project.threadmark.json --to web-annotation -o annotations.jsonld
  threadmark import-annotations project.threadmark.json labels.jsonl --coder Cleo -o project.threadmark.json
  threadmark segments project.threadmark.json --code "Fallacy" --subcodes --overlap "Derailing" --coder Ada
  threadmark table project.threadmark.json --rows code --cols month --count posts
  threadmark search project.threadmark.json '"false equivalence" derail*' --limit 50
  threadmark cooccur project.threadmark.json --by overlap --measure jaccard --json
  threadmark attributes project.threadmark.json --scope author --identified > authors.csv
  threadmark attributes project.threadmark.json --import authors.csv -o project.threadmark.json
  threadmark export project.threadmark.json --to memos-csv -o memos.csv

Exit status: 0 success, 1 invalid input or file error, 2 usage error.
Formats: docs/formats.md
`;

export const COMMAND_USAGE: Record<string, string> = {
  validate: 'Usage: threadmark validate <bundle> [--json]\n',
  check: 'Usage: threadmark check <bundle> [--json] [--repair -o <repaired.threadmark.json>]\n',
  export:
    'Usage: threadmark export <bundle> --to csv|qdc|codebook-md|codebook-html|codebook-csv -o <file> [--csv-safe formula|raw] [--coder NAME]\n' +
    '       threadmark export <bundle> --to matrix-csv|binary-matrix-csv|thread-matrix-csv|xlsx|parquet|matrix-parquet|relations-csv -o <file> [--coder NAME]\n' +
    '       threadmark export <bundle> --to qdpx -o <file> [--positions code-points|utf16]\n' +
    '       threadmark export <bundle> --to web-annotation|doccano|label-studio -o <file> [--coder NAME]\n' +
    '       threadmark export <bundle> --to memos-csv -o <file> [--csv-safe formula|raw]\n' +
    '       threadmark export <bundle> --to ids -o <file>  (no text, no author: never pseudonymised)\n' +
    '       threadmark export <bundle> --to shareable-bundle -o <file>  (the project to hand on: always pseudonymised)\n' +
    '       CSV cells are written raw by default; --csv-safe formula makes them safe to open in a spreadsheet.\n' +
    '       every export above: [--pseudonymize (the default) | --identified | --no-pseudonymize] [--key-out <key.enc> [--passphrase-file F]]\n',
  rehydrate: 'Usage: threadmark rehydrate <ids-file> --posts <thread file or bundle> [-o <codings.csv>]\n',
  sync:
    'Usage: threadmark sync <bundle> --url U --project P --user X --password-file F [--coder NAME] -o <bundle.threadmark.json>\n' +
    '       threadmark sync --new --url U --project P --user X --password-file F -o <bundle.threadmark.json>\n',
  'delete-posts': 'Usage: threadmark delete-posts <bundle> --ids <file> [--users] -o <bundle.threadmark.json>\n',
  reidentify: 'Usage: threadmark reidentify <key.enc> [--passphrase-file F] [--in <pseudonymised export> -o <file>]\n',
  import:
    'Usage: threadmark import <files...> -o <bundle.threadmark.json> [--into <bundle>] [--format F] [--map field=column,...] [--stats]\n' +
    '       threadmark import <x.qdpx> -o <bundle> [--into <bundle>] [--split source|paragraph]\n' +
    '       threadmark import <file.qdc|file.qdpx|codebook.csv> [--codebook-only] [--format codebook-csv] -o <bundle> [--into <bundle> [--take all|all,removed]]\n',
  search: 'Usage: threadmark search <bundle> "<query>" [--regex] [--case-sensitive] [--diacritics-sensitive] [--json] [--limit N] [--thread ID[,ID]] [--platform NAME[,NAME]] [--author NAME[,NAME]] [--from T] [--to T] [--coded|--uncoded]\n',
  history: 'Usage: threadmark history <bundle> [--json] [--coder NAME] [--operation KIND] [--since ISO] [--until ISO] [--record ID]\n',
  undo: 'Usage: threadmark undo <bundle> [--entry ID|N] -o <bundle.threadmark.json>\n',
  attributes:
    'Usage: threadmark attributes <bundle> [--scope author|thread] [--json | --csv-safe formula|raw] [--identified]\n' +
    '       threadmark attributes <bundle> --import <file.csv> [--scope author|thread] -o <bundle.threadmark.json>\n',
  consensus: 'Usage: threadmark consensus <bundle> --rule majority|coder:NAME [--round N] -o <bundle.threadmark.json>\n',
  agree:
    'Usage: threadmark agree --units <file.csv> [--json] [--bootstrap N --seed S]\n' +
    '       threadmark agree <bundle...> --unit post|char|span|unitized|relation [--code NAME]... [--coders A,B] [--json]\n',
  package:
    'Usage: threadmark package <project> --coders A,B [--threads ID,...] [--sample N --seed S [--unit post|thread] [--stratify thread|platform]]\n' +
    '       [--name NAME] [--instructions TEXT] [--identified] -o <dir>\n',
  merge: 'Usage: threadmark merge <project> <coder-file|file.qdpx>... [--replace <coder>]... -o <out.threadmark.json>\n',
  'import-annotations':
    'Usage: threadmark import-annotations <project> <file> -o <out.threadmark.json> [--format web-annotation|doccano|label-studio]\n' +
    '       [--coder NAME] [--unknown-codes refuse|skip|create] [--replace]\n',
  segments:
    'Usage: threadmark segments <bundle> --code PATH [--subcodes] [--and PATH | --overlap PATH | --near PATH --within N | --not PATH]\n' +
    '       [--coder NAME] [--thread ID,...] [--author NAME] [--platform P,...] [--from T] [--to T] [--month YYYY-MM] [--where SCOPE.ATTRIBUTE=VALUE] [--limit N] [--json | --csv [--csv-safe formula|raw]] [--identified]\n',
  table: 'Usage: threadmark table <bundle> --rows code --cols thread|author|platform|coder|month|attribute:author.NAME|attribute:thread.NAME [--count codings|posts|chars] [--coder NAME[,NAME]] [--json]\n',
  cooccur: 'Usage: threadmark cooccur <bundle> --by overlap|post|thread [--measure count|jaccard] [--coder NAME[,NAME]] [--json]\n',
  server:
    'Usage: threadmark server init --url U --admin-user A --admin-password-file F --project P --leads L[,L2] [--coders a,b,c] --passwords-file users.csv [--json]\n' +
    '       threadmark server add-coder --url U --admin-user A --admin-password-file F --project P --coder NAME --password-file F [--lead] [--json]\n',
};
