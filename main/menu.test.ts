import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { buildMenuTemplate, installMenu } from './menu';

const submenu = (template: MenuItemConstructorOptions[], label: string) =>
  (template.find((item) => item.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
const item = (items: MenuItemConstructorOptions[], label: string) => items.find((entry) => entry.label === label);

describe('application menu', () => {
  it('has the File commands and sends them as menu:command', () => {
    const sendCommand = vi.fn();
    const template = buildMenuTemplate({ platform: 'linux', isDev: false, sendCommand });
    const file = submenu(template, 'File');
    expect(file.filter((entry) => entry.label).map((entry) => entry.label)).toEqual([
      'Import threads…',
      'Import project bundle…',
      'Export project bundle…',
      'Export coded segments (CSV)…',
      'Quit',
    ]);
    expect(item(file, 'Quit')?.role).toBe('quit');
    const cases = [
      ['Import threads…', 'import-threads'],
      ['Import project bundle…', 'import-bundle'],
      ['Export project bundle…', 'export-bundle'],
      ['Export coded segments (CSV)…', 'export-csv'],
    ] as const;
    for (const [label, command] of cases) {
      (item(file, label)?.click as () => void)();
      expect(sendCommand).toHaveBeenLastCalledWith(command);
    }
  });

  it('has Undo and Redo with their accelerators, sent to the renderer', () => {
    const sendCommand = vi.fn();
    const edit = submenu(buildMenuTemplate({ platform: 'win32', isDev: false, sendCommand }), 'Edit');
    // Not registered: the renderer handles the keys, so text fields keep native undo.
    expect(item(edit, 'Undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(item(edit, 'Redo')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false });
    (item(edit, 'Undo')?.click as () => void)();
    (item(edit, 'Redo')?.click as () => void)();
    expect(sendCommand.mock.calls).toEqual([['undo'], ['redo']]);
    expect(edit.map((entry) => entry.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('has a Codebook menu after Edit whose items send the codebook commands', () => {
    const sendCommand = vi.fn();
    const template = buildMenuTemplate({ platform: 'linux', isDev: false, sendCommand });
    expect(template.map((entry) => entry.label)).toEqual(['File', 'Edit', 'Codebook']);
    const codebook = submenu(template, 'Codebook');
    const cases = [
      ['Import codebook…', 'codebook-import'],
      ['Export as REFI-QDA (.qdc)…', 'codebook-export-qdc'],
      ['Export as Markdown…', 'codebook-export-markdown'],
      ['Export as printable HTML…', 'codebook-export-html'],
      ['Export as CSV…', 'codebook-export-csv'],
      ['Name this version…', 'codebook-name-version'],
      ['Versions and changes…', 'codebook-versions'],
    ] as const;
    expect(codebook.filter((entry) => entry.label).map((entry) => entry.label)).toEqual(cases.map(([label]) => label));
    for (const [label, command] of cases) {
      (item(codebook, label)?.click as () => void)();
      expect(sendCommand).toHaveBeenLastCalledWith(command);
    }
  });

  it('puts Quit in the app menu on macOS and DevTools only in development', () => {
    const mac = buildMenuTemplate({ platform: 'darwin', isDev: false, sendCommand: vi.fn() });
    expect(mac[0]?.role).toBe('appMenu');
    expect(item(submenu(mac, 'File'), 'Quit')).toBeUndefined();
    expect(item(mac, 'View')).toBeUndefined();
    expect(item(buildMenuTemplate({ platform: 'linux', isDev: true, sendCommand: vi.fn() }), 'View')).toBeDefined();
  });

  it('installs the built menu as the application menu', () => {
    const built = {};
    const menu = { buildFromTemplate: vi.fn(() => built), setApplicationMenu: vi.fn() };
    installMenu(menu as never, { platform: 'linux', isDev: false, sendCommand: vi.fn() });
    expect(menu.setApplicationMenu).toHaveBeenCalledExactlyOnceWith(built);
  });
});
