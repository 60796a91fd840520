import { type ReactNode, useState } from 'react';

import type { CodebookActionId } from '@shared/actions/action-catalog';

import { useServices } from '../../app/services';
import type { OpenedBinaryFile } from '../../platform/platform';
import { exportCodebook } from './export-codebook';
import { ImportCodebookDialog } from './ImportCodebookDialog';
import { NameVersionDialog } from './NameVersionDialog';
import { VersionsDialog, type VersionsTabId } from './VersionsDialog';

type OpenDialog =
  | { kind: 'import'; file: OpenedBinaryFile }
  | { kind: 'name-version'; returnTo: VersionsTabId | null }
  | { kind: 'versions'; tab: VersionsTabId };

const IMPORT_FILTERS = [
  { name: 'Codebooks (REFI-QDA, CSV)', extensions: ['qdc', 'qdpx', 'csv'] },
  { name: 'All files', extensions: ['*'] },
];

/** The header's Codebook menu (renderer/app/actions/HeaderActions.tsx names it so). */
const MENU_CLASS = 'codebook-menu';

/**
 * What the Codebook menu's actions do (the action registry runs them from the header menu, the
 * desktop menu and the command palette) and the dialogs they open: import, the four exports,
 * naming a version, the versions and change log.
 */
export function useCodebookExchange(projectName: string): { commands: Record<CodebookActionId, () => void>; dialogs: ReactNode } {
  const services = useServices();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);

  const close = (): void => {
    setDialog(null);
    // The menu item that opened the dialog is gone: focus goes back to the menu's button.
    document.querySelector<HTMLElement>(`.${MENU_CLASS} > button`)?.focus();
  };
  const importCodebook = async (): Promise<void> => {
    const opened = await services.platform.openBinaryFile('Import a codebook', IMPORT_FILTERS);
    if (!opened.ok) services.announce(opened.error, 'error');
    else if (opened.value) setDialog({ kind: 'import', file: opened.value });
  };

  const commands: Record<CodebookActionId, () => void> = {
    'codebook-import': () => void importCodebook(),
    'codebook-export-qdc': () => void exportCodebook(services, projectName, 'qdc'),
    'codebook-export-markdown': () => void exportCodebook(services, projectName, 'markdown'),
    'codebook-export-html': () => void exportCodebook(services, projectName, 'html'),
    'codebook-export-csv': () => void exportCodebook(services, projectName, 'csv'),
    'codebook-name-version': () => setDialog({ kind: 'name-version', returnTo: null }),
    'codebook-versions': () => setDialog({ kind: 'versions', tab: 'changes' }),
  };

  let dialogs: ReactNode = null;
  if (dialog?.kind === 'import') dialogs = <ImportCodebookDialog opened={dialog.file} onClose={close} />;
  if (dialog?.kind === 'name-version') {
    const back = dialog.returnTo;
    dialogs = <NameVersionDialog onClose={() => (back === null ? close() : setDialog({ kind: 'versions', tab: back }))} />;
  }
  if (dialog?.kind === 'versions') {
    dialogs = <VersionsDialog initialTab={dialog.tab} onClose={close} onNameVersion={() => setDialog({ kind: 'name-version', returnTo: 'versions' })} />;
  }

  return { commands, dialogs };
}
