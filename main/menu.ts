/**
 * The application menu. App commands (bundle import/export, CSV, codebook exchange, undo/redo
 * over the coding history) are not Electron roles: they go to the renderer as `menu:command` events.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';

import type { MenuCommand } from '@shared/ipc/contract';

export type MenuOptions = {
  platform: NodeJS.Platform;
  isDev: boolean;
  sendCommand: (command: MenuCommand) => void;
};

export function buildMenuTemplate({ platform, isDev, sendCommand }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  // Accelerators are shown but not registered: the renderer handles Ctrl+Z itself, so inside a
  // memo or a code's name field the keys keep their native text-editing meaning.
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator, registerAccelerator: false }),
    click: () => sendCommand(name),
  });

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('Import threads…', 'import-threads'),
      command('Import project bundle…', 'import-bundle'),
      command('Export project bundle…', 'export-bundle'),
      command('Export coded segments (CSV)…', 'export-csv'),
      // macOS keeps Quit in the app menu.
      ...(isMac ? [] : [{ type: 'separator' } as const, { label: 'Quit', role: 'quit' } as const]),
    ],
  };

  const codebook: MenuItemConstructorOptions = {
    label: 'Codebook',
    submenu: [
      command('Import codebook…', 'codebook-import'),
      { type: 'separator' },
      command('Export as REFI-QDA (.qdc)…', 'codebook-export-qdc'),
      command('Export as Markdown…', 'codebook-export-markdown'),
      command('Export as printable HTML…', 'codebook-export-html'),
      command('Export as CSV…', 'codebook-export-csv'),
      { type: 'separator' },
      command('Name this version…', 'codebook-name-version'),
      command('Versions and changes…', 'codebook-versions'),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      command('Undo', 'undo', 'CmdOrCtrl+Z'),
      command('Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
      { type: 'separator' },
      // Roles, because on macOS clipboard shortcuts only work through menu items.
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }],
  };

  return [...(isMac ? [{ role: 'appMenu' } as const] : []), file, edit, codebook, ...(isDev ? [view] : [])];
}

export function installMenu(menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>, options: MenuOptions): void {
  menu.setApplicationMenu(menu.buildFromTemplate(buildMenuTemplate(options)));
}
