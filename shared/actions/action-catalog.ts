/**
 * Every app command once, as data: its id, label, keyboard shortcut and where it appears. The
 * renderer adds what each one does (renderer/app/actions/registry.ts); the Electron menu
 * (main/menu.ts) is built from the same list and sends the id back over `menu:command`.
 * Pure data (no zod, no React): the sandboxed preload bundles it through ipc/channels.ts.
 */

/** The menus, in menu-bar order. `header`: a menu button in the workspace header; `desktop`: the Electron menu bar. */
export const ACTION_MENUS = [
  { id: 'file', label: 'File', header: true, desktop: true },
  // The header has Undo and Redo as toolbar buttons instead.
  { id: 'edit', label: 'Edit', header: false, desktop: true },
  { id: 'codebook', label: 'Codebook', header: true, desktop: true },
  { id: 'view', label: 'View', header: true, desktop: true },
  { id: 'team', label: 'Team', header: true, desktop: true },
] as const;
export type ActionMenuId = (typeof ACTION_MENUS)[number]['id'];
export type ActionMenu = (typeof ACTION_MENUS)[number];

/** A menu, or a place in the header: `toolbar` (a button of its own), `view-switch` (the Views switch). */
export type ActionPlace = ActionMenuId | 'toolbar' | 'view-switch';

export interface ActionSpec {
  readonly id: string;
  /** Menu and palette label; "…" when the action asks for more before it does anything. */
  readonly label: string;
  /** Where space is tight (the Views switch). */
  readonly shortLabel?: string;
  /** One key chord in shortcut.ts notation ("Mod+Shift+Z"); shown in menus and the palette. */
  readonly shortcut?: string;
  /** More chords that do the same, not shown ("Mod+Y" for redo). */
  readonly moreShortcuts?: readonly string[];
  /** Where it appears, besides the command palette. */
  readonly menus: readonly ActionPlace[];
  /** Inside a menu, a change of group draws a separator. */
  readonly group?: string;
  /** More words the command palette finds it by. */
  readonly keywords?: readonly string[];
  /** false: not listed in the command palette (the palette itself). */
  readonly inPalette?: boolean;
}

const CATALOG = [
  { id: 'show-projects', label: 'Projects…', menus: ['file'], group: 'projects', keywords: ['project list', 'open project', 'switch project', 'new project', 'rename project', 'duplicate', 'delete project', 'close'] },
  { id: 'import-threads', label: 'Import threads…', menus: ['file'], group: 'import', keywords: ['reddit', 'twitter', 'mastodon', 'bluesky', 'youtube', 'posts', 'open'] },
  { id: 'import-bundle', label: 'Import project bundle…', menus: ['file'], group: 'import', keywords: ['open', 'threadmark.json', 'load'] },
  { id: 'import-qdpx', label: 'Import a REFI-QDA project (.qdpx)…', menus: ['file'], group: 'import', keywords: ['refi-qda', 'qdpx', 'nvivo', 'atlas.ti', 'maxqda', 'qualcoder', 'taguette'] },
  { id: 'export-bundle', label: 'Export project bundle…', menus: ['file'], group: 'export', keywords: ['save', 'backup', 'threadmark.json'] },
  { id: 'export-qdpx', label: 'Export as a REFI-QDA project (.qdpx)…', menus: ['file'], group: 'export', keywords: ['refi-qda', 'qdpx', 'nvivo', 'atlas.ti', 'maxqda', 'qualcoder'] },
  { id: 'export-csv', label: 'Export coded segments (CSV)…', menus: ['file'], group: 'export', keywords: ['spreadsheet', 'r', 'spss', 'python', 'codings'] },
  { id: 'export-analysis', label: 'Export for analysis…', menus: ['file'], group: 'export', keywords: ['xlsx', 'excel', 'parquet', 'matrix', 'case by code', 'pandas', 'arrow', 'workbook'] },
  { id: 'export-annotations', label: 'Export annotations…', menus: ['file'], group: 'export', keywords: ['w3c', 'web annotation', 'json-ld', 'doccano', 'label studio', 'jsonl', 'nlp', 'training data'] },
  { id: 'export-ids', label: 'Export ids only (for publishing)…', menus: ['file'], group: 'export', keywords: ['ids-only', 'hydrate', 'rehydrate', 'publish dataset', 'share', 'terms', 'no text', 'sha-256'] },
  { id: 'platform-terms', label: 'Platform terms and expiry…', menus: ['file'], group: 'platform', keywords: ['terms of service', 'tos', 'instance', 'collection', 'expiry', 'expires', 'retention', 'compliance'] },
  { id: 'platform-deletions', label: 'Apply platform deletions…', menus: ['file'], group: 'platform', keywords: ['deleted posts', 'deleted users', 'compliance', 'gdpr', 'remove', 'tombstone', 'reddit', 'twitter', 'x'] },
  { id: 'print-thread', label: 'Print thread…', menus: ['file'], group: 'print', keywords: ['pdf', 'paper', 'save as pdf', 'highlights', 'memos', 'margin'] },
  { id: 'backup-now', label: 'Back up now', menus: ['file'], group: 'backup', keywords: ['backup', 'save', 'snapshot', 'restore'] },
  { id: 'backup-to-file', label: 'Back up to a file…', menus: ['file'], group: 'backup', keywords: ['backup', 'download', 'gzip', 'copy'] },
  { id: 'backups', label: 'Backups and integrity check…', menus: ['file'], group: 'backup', keywords: ['restore', 'check integrity', 'repair', 'orphans', 'damaged', 'recovery'] },
  { id: 'switch-coder', label: 'Switch coder…', menus: [], keywords: ['coding as', 'name', 'user'] },
  { id: 'relation-start', label: 'Start relation from here…', shortcut: 'Mod+Shift+L', menus: [], keywords: ['relate', 'link posts', 'arc', 'reply to', 'deflects', 'equates', 'answers', 'quotes', 'relation code'] },

  { id: 'undo', label: 'Undo', shortcut: 'Mod+Z', menus: ['toolbar', 'edit'], group: 'history' },
  { id: 'redo', label: 'Redo', shortcut: 'Mod+Shift+Z', moreShortcuts: ['Mod+Y'], menus: ['toolbar', 'edit'], group: 'history' },

  { id: 'codebook-import', label: 'Import codebook…', menus: ['codebook'], group: 'import', keywords: ['refi-qda', 'qdc', 'qdpx', 'nvivo', 'atlas.ti', 'csv'] },
  { id: 'codebook-export-qdc', label: 'Export as REFI-QDA (.qdc)…', menus: ['codebook'], group: 'export', keywords: ['codebook', 'nvivo', 'atlas.ti'] },
  { id: 'codebook-export-markdown', label: 'Export as Markdown…', menus: ['codebook'], group: 'export', keywords: ['codebook'] },
  { id: 'codebook-export-html', label: 'Export as printable HTML…', menus: ['codebook'], group: 'export', keywords: ['codebook', 'print'] },
  { id: 'codebook-export-csv', label: 'Export as CSV…', menus: ['codebook'], group: 'export', keywords: ['codebook', 'spreadsheet'] },
  { id: 'codebook-name-version', label: 'Name this version…', menus: ['codebook'], group: 'versions', keywords: ['codebook', 'snapshot'] },
  { id: 'codebook-versions', label: 'Versions and changes…', menus: ['codebook'], group: 'versions', keywords: ['codebook', 'change log', 'history', 'compare'] },

  { id: 'view-coding', label: 'Coding view', shortLabel: 'Coding', menus: ['view-switch', 'view'], group: 'views', keywords: ['threads', 'show'] },
  { id: 'view-analysis', label: 'Analysis view', shortLabel: 'Analysis', menus: ['view-switch', 'view'], group: 'views', keywords: ['search', 'find', 'retrieve', 'segments', 'frequencies', 'matrix', 'co-occurrence', 'charts', 'memos', 'attributes', 'show'] },
  { id: 'search-corpus', label: 'Search the corpus…', shortcut: 'Mod+Shift+F', menus: ['view'], group: 'views', keywords: ['find', 'full text', 'grep', 'regex', 'keyword in context', 'kwic', 'auto-code', 'code all hits'] },
  { id: 'view-agreement', label: 'Agreement view', shortLabel: 'Agreement', menus: ['view-switch', 'view'], group: 'views', keywords: ['kappa', 'alpha', 'reliability', 'compare coders', 'show'] },
  { id: 'view-adjudication', label: 'Adjudication view', shortLabel: 'Adjudication', menus: ['view-switch', 'view'], group: 'views', keywords: ['disagreements', 'consensus', 'curation', 'decide', 'resolve', 'gold standard', 'show'] },
  { id: 'view-history', label: 'History view', shortLabel: 'History', menus: ['view-switch', 'view'], group: 'views', keywords: ['journal', 'log', 'revert', 'who changed what', 'activity', 'show'] },
  { id: 'view-rounds', label: 'Rounds view', shortLabel: 'Rounds', menus: ['view-switch', 'view'], group: 'views', keywords: ['team', 'reliability', 'convergence', 'alpha per round', 'show'] },
  { id: 'toggle-only-mine', label: 'Only my codings', menus: [], group: 'filters', keywords: ['filter', 'hide other coders', 'show'] },
  { id: 'toggle-code-margin', label: 'Show code margin', menus: ['view'], group: 'reading', keywords: ['brackets', 'coding stripes', 'code names', 'labels', 'hide'] },
  { id: 'toggle-definition-card', label: 'Show definition card', menus: ['view'], group: 'reading', keywords: ['definition', 'inclusion', 'exclusion', 'criteria', 'examples', 'exemplars', 'hide'] },
  { id: 'toggle-pseudonyms', label: 'Show pseudonyms', menus: ['view'], group: 'reading', keywords: ['aliases', 'anonymise', 'anonymize', 'pseudonymise', 'pseudonymize', 'authors', 'privacy', 'screen sharing', 'hide names'] },
  { id: 'quote-report', label: 'Quote report…', menus: ['view'], group: 'reports', keywords: ['quotes', 'publication', 'paper', 'verbatim', 'paraphrase', 'searchable', 'identifiable', 'ethics'] },
  { id: 'command-palette', label: 'Command palette…', shortcut: 'Mod+K', menus: ['view'], group: 'palette', keywords: ['actions', 'commands', 'search'], inPalette: false },

  { id: 'team-sample', label: 'Reliability sample…', menus: ['team'], group: 'round', keywords: ['round', 'draw', 'sample', 'coders', 'team', 'start'] },
  { id: 'team-packages', label: 'Prepare coder packages…', menus: ['team'], group: 'round', keywords: ['round', 'blind', 'package', 'send', 'coders'] },
  { id: 'add-coder-file', label: 'Add coder files…', menus: ['team'], group: 'return', keywords: ['second coder', 'layer', 'agreement', 'compare', 'returned', 'merge', 'package', 'qdpx', 'refi-qda', 'nvivo', 'atlas.ti', 'maxqda', 'doccano', 'label studio', 'web annotation'] },
  { id: 'team-return', label: 'Return my codings…', menus: ['team'], group: 'blind', keywords: ['blind', 'package', 'send back', 'lead'] },
  { id: 'sync-connect', label: 'Connect project to a team server…', menus: ['team'], group: 'sync', keywords: ['couchdb', 'server', 'sync', 'share', 'online', 'collaborate', 'sign in'] },
  { id: 'sync-open', label: 'Open a team project…', menus: ['team'], group: 'sync', keywords: ['couchdb', 'server', 'sync', 'join', 'download', 'sign in'] },
  { id: 'sync-conflicts', label: 'Conflict inbox…', menus: ['team'], group: 'sync', keywords: ['couchdb', 'sync', 'conflicts', 'two versions', 'resolve'] },
  { id: 'sync-disconnect', label: 'Disconnect from the team server', menus: ['team'], group: 'sync', keywords: ['couchdb', 'sync', 'offline', 'sign out', 'leave'] },
] as const satisfies readonly ActionSpec[];

export type ActionId = (typeof CATALOG)[number]['id'];

/** The Codebook menu's actions (codebook exchange, versions and the change log). */
export type CodebookActionId = Extract<ActionId, `codebook-${string}`>;

/** The Team menu's actions (the team loop: rounds, packages, returned files; docs/team-loop.md). */
export type TeamActionId = Extract<ActionId, `team-${string}` | 'add-coder-file'>;

/** Team sync's actions (docs/sync.md): connect, open a team project, the conflict inbox, disconnect. */
export type SyncActionId = Extract<ActionId, `sync-${string}`>;

/** Every action, in menu order. */
export const ACTION_CATALOG: readonly (ActionSpec & { readonly id: ActionId })[] = CATALOG;

/** The ids, as a non-empty tuple (what `z.enum` takes). */
export const ACTION_IDS = CATALOG.map((action) => action.id) as unknown as readonly [ActionId, ...ActionId[]];

export const isActionId = (value: unknown): value is ActionId => (ACTION_IDS as readonly unknown[]).includes(value);

/** The actions placed in `place`, in order; `startsGroup` marks where a menu draws a separator. */
export function actionsIn<A extends ActionSpec>(place: ActionPlace, actions: readonly A[]): { action: A; startsGroup: boolean }[] {
  const placed = actions.filter((action) => action.menus.includes(place));
  return placed.map((action, i) => ({ action, startsGroup: i > 0 && action.group !== placed[i - 1]?.group }));
}
