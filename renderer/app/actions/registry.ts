/**
 * The action registry: every app command once, from the catalog in shared/ (id, label, shortcut,
 * menus, which the Electron menu is built from too) joined with what it does here. The header's
 * toolbar and menus, the keyboard, the desktop menu and the command palette all run actions
 * through it, so a command is enabled, labelled and performed the same way everywhere.
 */
import { ACTION_CATALOG, type ActionId } from '@shared/actions/action-catalog';
import { type KeyPress, matchesShortcut } from '@shared/actions/shortcut';

import { exportProjectBundle, importProjectBundle } from '../../features/files/file-actions';
import { exportIdsOnly } from '../../features/platform/ids-export';
import { relationDraft } from '../../features/relations/relation-draft';
import { backUpNow, backUpToFile } from '../backup/backup-actions';
import type { Action, ActionBehaviour, ActionContext } from './types';

const codebook = (id: keyof ActionContext['codebook']): ActionBehaviour => ({ perform: (ctx) => ctx.codebook[id]() });

/** The lead's side of the team loop: not in a blind coder package. */
const lead = (id: keyof ActionContext['team']): ActionBehaviour => ({
  enabled: (ctx) => !ctx.blind,
  perform: (ctx) => ctx.team[id](),
  unavailable: 'This is a blind coder package: rounds, packages and coder files are the lead’s project’s.',
});

/** The views that compare coders or run rounds: the lead's project only. */
const NOT_BLIND = 'A blind coder package shows only your own codings: agreement, rounds and adjudication are in the lead’s project.';

const NO_BACKUPS = 'Backups are not available in this window.';

/** Every catalog id must have its behaviour: a new catalog entry without one does not compile. */
const BEHAVIOURS: { readonly [K in ActionId]: ActionBehaviour } = {
  'show-projects': { perform: (ctx) => ctx.showProjects() },
  'import-threads': { perform: (ctx) => ctx.openDialog('import-threads') },
  'import-bundle': { perform: (ctx) => void importProjectBundle(ctx.services).then(ctx.showImportReport) },
  'export-bundle': { perform: (ctx) => void exportProjectBundle(ctx.services) },
  'import-qdpx': { perform: (ctx) => ctx.qdpx.import() },
  'export-qdpx': { perform: (ctx) => ctx.qdpx.export() },
  'export-csv': { perform: (ctx) => ctx.openDialog('export-csv') },
  'export-analysis': { perform: (ctx) => ctx.openDialog('export-analysis') },
  'export-annotations': { perform: (ctx) => ctx.openDialog('export-annotations') },
  'export-ids': { perform: (ctx) => void exportIdsOnly(ctx.services) },
  'platform-terms': { perform: (ctx) => ctx.openDialog('platform-terms') },
  'platform-deletions': { enabled: (ctx) => !ctx.blind, perform: (ctx) => ctx.openDialog('platform-deletions'), unavailable: 'Deletion lists are applied in the lead’s project.' },
  'print-thread': { enabled: (ctx) => ctx.printThread !== null, perform: (ctx) => ctx.printThread?.(), unavailable: 'Open a thread to print it.' },
  'backup-now': { enabled: (ctx) => ctx.services.backups !== undefined, perform: (ctx) => void backUpNow(ctx.services), unavailable: NO_BACKUPS },
  'backup-to-file': { enabled: (ctx) => ctx.services.backups !== undefined, perform: (ctx) => void backUpToFile(ctx.services), unavailable: NO_BACKUPS },
  backups: { perform: (ctx) => ctx.openDialog('backups') },
  'switch-coder': { perform: (ctx) => ctx.switchCoder() },
  'relation-start': { enabled: () => relationDraft.canStart(), perform: () => void relationDraft.startFromFocus(), unavailable: 'Open a thread and focus a post to relate it to another.' },
  undo: { enabled: (ctx) => ctx.history.canUndo(), perform: (ctx) => ctx.history.undo(), unavailable: 'Nothing to undo.' },
  redo: { enabled: (ctx) => ctx.history.canRedo(), perform: (ctx) => ctx.history.redo(), unavailable: 'Nothing to redo.' },
  'codebook-import': codebook('codebook-import'),
  'codebook-export-qdc': codebook('codebook-export-qdc'),
  'codebook-export-markdown': codebook('codebook-export-markdown'),
  'codebook-export-html': codebook('codebook-export-html'),
  'codebook-export-csv': codebook('codebook-export-csv'),
  'codebook-name-version': codebook('codebook-name-version'),
  'codebook-versions': codebook('codebook-versions'),
  'view-coding': { checked: (ctx) => ctx.view === 'coding', perform: (ctx) => ctx.showView('coding') },
  'view-agreement': { enabled: (ctx) => !ctx.blind, unavailable: NOT_BLIND, checked: (ctx) => ctx.view === 'agreement', perform: (ctx) => ctx.showView('agreement') },
  'view-adjudication': { enabled: (ctx) => !ctx.blind, unavailable: NOT_BLIND, checked: (ctx) => ctx.view === 'adjudication', perform: (ctx) => ctx.showView('adjudication') },
  'view-history': { checked: (ctx) => ctx.view === 'history', perform: (ctx) => ctx.showView('history') },
  'view-analysis': { enabled: (ctx) => !ctx.blind, checked: (ctx) => ctx.view === 'analysis', perform: (ctx) => ctx.showView('analysis'), unavailable: NOT_BLIND },
  'search-corpus': { enabled: (ctx) => !ctx.blind, perform: (ctx) => ctx.openDialog('search-corpus'), unavailable: NOT_BLIND },
  'view-rounds': { enabled: (ctx) => !ctx.blind, checked: (ctx) => ctx.view === 'rounds', perform: (ctx) => ctx.showView('rounds'), unavailable: NOT_BLIND },
  'toggle-only-mine': { checked: (ctx) => ctx.onlyMine, perform: (ctx) => ctx.setOnlyMine(!ctx.onlyMine) },
  'toggle-code-margin': { checked: (ctx) => ctx.display.codeMargin, perform: (ctx) => ctx.display.toggleCodeMargin() },
  'toggle-definition-card': { checked: (ctx) => ctx.display.definitionCard, perform: (ctx) => ctx.display.toggleDefinitionCard() },
  'toggle-pseudonyms': { checked: (ctx) => ctx.display.pseudonyms, perform: (ctx) => ctx.display.togglePseudonyms() },
  'quote-report': { perform: (ctx) => ctx.openDialog('quote-report') },
  'command-palette': { perform: (ctx) => ctx.openDialog('command-palette'), whileTyping: true },
  'team-sample': lead('team-sample'),
  'team-packages': lead('team-packages'),
  'add-coder-file': lead('add-coder-file'),
  'sync-connect': { enabled: (ctx) => !ctx.blind && !ctx.sync.connected, perform: (ctx) => ctx.sync.commands['sync-connect'](), unavailable: 'This project is already connected to a team server (or is a blind package).' },
  'sync-open': { perform: (ctx) => ctx.sync.commands['sync-open']() },
  'sync-conflicts': { enabled: (ctx) => ctx.sync.connected, perform: (ctx) => ctx.sync.commands['sync-conflicts'](), unavailable: 'Connect the project to a team server first.' },
  'sync-disconnect': { enabled: (ctx) => ctx.sync.connected, perform: (ctx) => ctx.sync.commands['sync-disconnect'](), unavailable: 'This project is not connected to a team server.' },
  'team-return': {
    enabled: (ctx) => ctx.blind,
    perform: (ctx) => ctx.team['team-return'](),
    unavailable: 'Only a blind coder package is returned: open the package file a lead prepared for you.',
  },
};

export const ACTIONS: readonly Action[] = ACTION_CATALOG.map((spec) => ({ enabled: () => true, ...spec, ...BEHAVIOURS[spec.id] }));

const BY_ID = new Map(ACTIONS.map((action) => [action.id, action]));

export function actionById(id: ActionId): Action {
  const action = BY_ID.get(id);
  if (!action) throw new Error(`No action "${id}".`);
  return action;
}

/** What is said when the action is asked for while disabled. */
export const unavailableMessage = (action: Action): string => action.unavailable ?? `“${action.label.replace(/…$/, '')}” is not available now.`;

/** Performs the action when it is enabled, else says why not. Returns whether it ran. */
export function runAction(action: Action, ctx: ActionContext): boolean {
  if (!action.enabled(ctx)) {
    ctx.services.announce(unavailableMessage(action));
    return false;
  }
  action.perform(ctx);
  return true;
}

/** The action whose shortcut the key press is; while typing in a text field only those marked `whileTyping`. */
export function actionForKey(event: KeyPress, typing: boolean, actions: readonly Action[] = ACTIONS): Action | undefined {
  return actions.find(
    (action) =>
      (!typing || action.whileTyping === true) &&
      [action.shortcut, ...(action.moreShortcuts ?? [])].some((chord) => chord !== undefined && matchesShortcut(event, chord)),
  );
}
