import type { ActionId, ActionSpec, CodebookActionId, SyncActionId, TeamActionId } from '@shared/actions/action-catalog';

import type { ImportReport } from '../../features/files/file-actions';
import type { QdpxCommands } from '../../features/files/use-qdpx';
import type { Services } from '../services';

export type WorkspaceView = 'coding' | 'analysis' | 'agreement' | 'history' | 'rounds' | 'adjudication';
/** `search-corpus`: the Analysis view opened afresh on its Search tab. */
export type WorkspaceDialog = 'import-threads' | 'export-csv' | 'export-analysis' | 'export-annotations' | 'command-palette' | 'search-corpus' | 'backups' | 'platform-terms' | 'platform-deletions' | 'quote-report';

/** What actions act on: the workspace's state and the doors it opens, built by Workspace each render. */
export interface ActionContext {
  services: Services;
  view: WorkspaceView;
  showView(view: WorkspaceView): void;
  onlyMine: boolean;
  setOnlyMine(value: boolean): void;
  openDialog(dialog: WorkspaceDialog): void;
  showImportReport(report: ImportReport | null): void;
  switchCoder(): void;
  /** Leaves the project for the project list. */
  showProjects(): void;
  /** Undo and redo over the coding and codebook history. */
  history: { canUndo(): boolean; canRedo(): boolean; undo(): void; redo(): void };
  /** The Codebook menu's commands (use-codebook-exchange). */
  codebook: Readonly<Record<CodebookActionId, () => void>>;
  /** A blind coder package is open (project.package): the coder's own layer only, no team views. */
  blind: boolean;
  /** The Team menu's commands (features/rounds/use-team-loop). */
  team: Readonly<Record<TeamActionId, () => void>>;
  /** Team sync (features/sync/use-team-sync): whether the project is connected, and the commands. */
  sync: { connected: boolean; lead: boolean; commands: Readonly<Record<SyncActionId, () => void>> };
  /** REFI-QDA projects in and out (features/files/use-qdpx). */
  qdpx: QdpxCommands;
  /** The Coding view's reading aids, remembered (features/threads/use-thread-display). */
  display: { codeMargin: boolean; definitionCard: boolean; pseudonyms: boolean; toggleCodeMargin(): void; toggleDefinitionCard(): void; togglePseudonyms(): void };
  /** Prints the open thread; null when no thread is open. */
  printThread: (() => void) | null;
}

/** What an action does, added in the renderer to its catalog entry. */
export interface ActionBehaviour {
  /** Default: always. A disabled action is shown disabled and never performed. */
  enabled?(ctx: ActionContext): boolean;
  /** An on/off action's state (the current view, a filter). */
  checked?(ctx: ActionContext): boolean;
  perform(ctx: ActionContext): void;
  /** Its shortcut works inside text fields too; the others leave text fields their native keys (Ctrl+Z). */
  whileTyping?: boolean;
  /** Said when it is asked for while disabled (a key, the desktop menu); default "… is not available now." */
  unavailable?: string;
}

/** One app command: the catalog's data (id, label, shortcut, menus) and what it does. */
export interface Action extends ActionSpec, Omit<ActionBehaviour, 'enabled'> {
  readonly id: ActionId;
  enabled(ctx: ActionContext): boolean;
}
