/**
 * The application menu, built from the action catalog (shared/actions/action-catalog.ts) that
 * also feeds the header menus, the shortcuts and the command palette. App commands are not
 * Electron roles: a click sends the action's id to the renderer as a `menu:command` event, and
 * the renderer performs it. Electron's own roles (clipboard, Quit, reload) are added here.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';

import { ACTION_CATALOG, ACTION_MENUS, type ActionMenuId, actionsIn } from '@shared/actions/action-catalog';
import { toAccelerator } from '@shared/actions/shortcut';
import type { MenuCommand } from '@shared/ipc/contract';

export type MenuOptions = {
  platform: NodeJS.Platform;
  isDev: boolean;
  sendCommand: (command: MenuCommand) => void;
};

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate({ platform, isDev, sendCommand }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';

  const actionItems = (menu: ActionMenuId): MenuItemConstructorOptions[] =>
    actionsIn(menu, ACTION_CATALOG).flatMap(({ action, startsGroup }) => [
      ...(startsGroup ? [separator] : []),
      {
        label: action.label,
        // Accelerators are shown but not registered: the renderer handles the keys itself, so
        // inside a memo or a code's name field Ctrl+Z keeps its native text-editing meaning.
        ...(action.shortcut === undefined ? {} : { accelerator: toAccelerator(action.shortcut), registerAccelerator: false }),
        click: () => sendCommand(action.id),
      },
    ]);

  // Electron's roles, after the menu's actions.
  const roles: Record<ActionMenuId, MenuItemConstructorOptions[]> = {
    // macOS keeps Quit in the app menu.
    file: isMac ? [] : [{ label: 'Quit', role: 'quit' }],
    // Roles, because on macOS clipboard shortcuts only work through menu items.
    edit: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    codebook: [],
    view: isDev ? [{ role: 'reload' }, { role: 'toggleDevTools' }] : [],
    team: [],
  };

  const menus = ACTION_MENUS.filter((menu) => menu.desktop).map((menu): MenuItemConstructorOptions => {
    const actions = actionItems(menu.id);
    const extra = roles[menu.id];
    return { label: menu.label, submenu: [...actions, ...(actions.length > 0 && extra.length > 0 ? [separator] : []), ...extra] };
  });

  return [...(isMac ? [{ role: 'appMenu' } as const] : []), ...menus];
}

export function installMenu(menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>, options: MenuOptions): void {
  menu.setApplicationMenu(menu.buildFromTemplate(buildMenuTemplate(options)));
}
