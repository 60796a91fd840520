import { type ReactNode, useEffect, useRef, useState } from 'react';

import { CODEBOOK_MENU_COMMANDS, type CodebookMenuCommand } from '@shared/ipc/channels';

import { useServices } from '../../app/services';
import { MenuButton, type MenuItem } from '../../app/ui/MenuButton';
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

const MENU_CLASS = 'codebook-menu';

const isCodebookCommand = (command: string): command is CodebookMenuCommand => (CODEBOOK_MENU_COMMANDS as readonly string[]).includes(command);

/**
 * The Codebook menu (header button and desktop menu alike) and the dialogs it opens: import,
 * the four exports, naming a version, the versions and change log.
 */
export function useCodebookExchange(projectName: string): { menu: ReactNode; dialogs: ReactNode } {
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

  const commands: Record<CodebookMenuCommand, () => void> = {
    'codebook-import': () => void importCodebook(),
    'codebook-export-qdc': () => void exportCodebook(services, projectName, 'qdc'),
    'codebook-export-markdown': () => void exportCodebook(services, projectName, 'markdown'),
    'codebook-export-html': () => void exportCodebook(services, projectName, 'html'),
    'codebook-export-csv': () => void exportCodebook(services, projectName, 'csv'),
    'codebook-name-version': () => setDialog({ kind: 'name-version', returnTo: null }),
    'codebook-versions': () => setDialog({ kind: 'versions', tab: 'changes' }),
  };
  // The desktop menu sends the same commands; the latest closure runs them.
  const latest = useRef(commands);
  latest.current = commands;
  useEffect(
    () =>
      services.platform.onMenuCommand((command) => {
        if (isCodebookCommand(command)) latest.current[command]();
      }),
    [services.platform],
  );

  const items: MenuItem[] = [
    { key: 'import', label: 'Import codebook…', onSelect: commands['codebook-import'] },
    { key: 'qdc', label: 'Export as REFI-QDA (.qdc)…', onSelect: commands['codebook-export-qdc'] },
    { key: 'markdown', label: 'Export as Markdown…', onSelect: commands['codebook-export-markdown'] },
    { key: 'html', label: 'Export as printable HTML…', onSelect: commands['codebook-export-html'] },
    { key: 'csv', label: 'Export as CSV…', onSelect: commands['codebook-export-csv'] },
    { key: 'name', label: 'Name this version…', onSelect: commands['codebook-name-version'] },
    { key: 'versions', label: 'Versions and changes…', onSelect: commands['codebook-versions'] },
  ];

  let dialogs: ReactNode = null;
  if (dialog?.kind === 'import') dialogs = <ImportCodebookDialog opened={dialog.file} onClose={close} />;
  if (dialog?.kind === 'name-version') {
    const back = dialog.returnTo;
    dialogs = <NameVersionDialog onClose={() => (back === null ? close() : setDialog({ kind: 'versions', tab: back }))} />;
  }
  if (dialog?.kind === 'versions') {
    dialogs = <VersionsDialog initialTab={dialog.tab} onClose={close} onNameVersion={() => setDialog({ kind: 'name-version', returnTo: 'versions' })} />;
  }

  return { menu: <MenuButton label="Codebook" menuLabel="Codebook" className={MENU_CLASS} items={items} />, dialogs };
}
