import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { ACTION_CATALOG } from '@shared/actions/action-catalog';

import { buildMenuTemplate, installMenu } from './menu';

const submenu = (template: MenuItemConstructorOptions[], label: string) =>
  (template.find((item) => item.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
const item = (items: MenuItemConstructorOptions[], label: string) => items.find((entry) => entry.label === label);
/** A menu as text: labels, roles, "-" for separators. */
const outline = (items: MenuItemConstructorOptions[]) => items.map((entry) => (entry.type === 'separator' ? '-' : (entry.label ?? `role:${entry.role}`)));

describe('application menu', () => {
  it('has the File commands and sends their action ids as menu:command', () => {
    const sendCommand = vi.fn();
    const template = buildMenuTemplate({ platform: 'linux', isDev: false, sendCommand });
    const file = submenu(template, 'File');
    expect(outline(file)).toEqual([
      'Projects…',
      '-',
      'Import threads…',
      'Import project bundle…',
      'Import a REFI-QDA project (.qdpx)…',
      '-',
      'Export project bundle…',
      'Export as a REFI-QDA project (.qdpx)…',
      'Export coded segments (CSV)…',
      'Export for analysis…',
      'Export annotations…',
      'Export ids only (for publishing)…',
      '-',
      'Platform terms and expiry…',
      'Apply platform deletions…',
      '-',
      'Print thread…',
      '-',
      'Back up now',
      'Back up to a file…',
      'Backups and integrity check…',
      '-',
      'Quit',
    ]);
    expect(item(file, 'Quit')?.role).toBe('quit');
    const cases = [
      ['Projects…', 'show-projects'],
      ['Import threads…', 'import-threads'],
      ['Import project bundle…', 'import-bundle'],
      ['Import a REFI-QDA project (.qdpx)…', 'import-qdpx'],
      ['Export as a REFI-QDA project (.qdpx)…', 'export-qdpx'],
      ['Export project bundle…', 'export-bundle'],
      ['Export coded segments (CSV)…', 'export-csv'],
      ['Export for analysis…', 'export-analysis'],
      ['Export annotations…', 'export-annotations'],
      ['Print thread…', 'print-thread'],
      ['Back up now', 'backup-now'],
      ['Back up to a file…', 'backup-to-file'],
      ['Backups and integrity check…', 'backups'],
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
    expect(outline(edit)).toEqual(['Undo', 'Redo', '-', 'role:cut', 'role:copy', 'role:paste', 'role:selectAll']);
  });

  it('has a Codebook menu after Edit whose items send the codebook commands', () => {
    const sendCommand = vi.fn();
    const template = buildMenuTemplate({ platform: 'linux', isDev: false, sendCommand });
    expect(template.map((entry) => entry.label)).toEqual(['File', 'Edit', 'Codebook', 'View', 'Team']);
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
    expect(codebook.filter((entry) => entry.type === 'separator')).toHaveLength(2);
    for (const [label, command] of cases) {
      (item(codebook, label)?.click as () => void)();
      expect(sendCommand).toHaveBeenLastCalledWith(command);
    }
  });

  it('has a View menu with the views and the command palette (Ctrl+K shown, not registered)', () => {
    const sendCommand = vi.fn();
    const view = submenu(buildMenuTemplate({ platform: 'linux', isDev: false, sendCommand }), 'View');
    expect(outline(view)).toEqual(['Coding view', 'Analysis view', 'Search the corpus…', 'Agreement view', 'Adjudication view', 'History view', 'Rounds view', '-', 'Show code margin', 'Show definition card', 'Show pseudonyms', '-',
      'Quote report…',
      '-', 'Command palette…']);
    expect(item(view, 'Command palette…')).toMatchObject({ accelerator: 'CmdOrCtrl+K', registerAccelerator: false });
    expect(item(view, 'Search the corpus…')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+F' });
    for (const label of ['Coding view', 'Analysis view', 'Search the corpus…', 'Agreement view', 'Adjudication view', 'History view', 'Rounds view', 'Command palette…']) (item(view, label)?.click as () => void)();
    expect(sendCommand.mock.calls).toEqual([['view-coding'], ['view-analysis'], ['search-corpus'], ['view-agreement'], ['view-adjudication'], ['view-history'], ['view-rounds'], ['command-palette']]);
  });

  it('has a Team menu: rounds and packages, returned files, a blind coder’s return, team sync', () => {
    const sendCommand = vi.fn();
    const team = submenu(buildMenuTemplate({ platform: 'linux', isDev: false, sendCommand }), 'Team');
    expect(outline(team)).toEqual(['Reliability sample…', 'Prepare coder packages…', '-', 'Add coder files…', '-', 'Return my codings…', '-', 'Connect project to a team server…', 'Open a team project…', 'Conflict inbox…', 'Disconnect from the team server']);
    for (const label of ['Reliability sample…', 'Prepare coder packages…', 'Add coder files…', 'Return my codings…']) (item(team, label)?.click as () => void)();
    expect(sendCommand.mock.calls).toEqual([['team-sample'], ['team-packages'], ['add-coder-file'], ['team-return']]);
  });

  it('shows every accelerator of the catalog without registering it', () => {
    const template = buildMenuTemplate({ platform: 'linux', isDev: false, sendCommand: vi.fn() });
    const items = template.flatMap((menu) => (menu.submenu ?? []) as MenuItemConstructorOptions[]);
    const withKeys = items.filter((entry) => entry.accelerator !== undefined);
    expect(withKeys.map((entry) => entry.label)).toEqual(ACTION_CATALOG.filter((a) => a.shortcut && a.menus.some((m) => m !== 'toolbar' && m !== 'view-switch')).map((a) => a.label));
    for (const entry of withKeys) expect(entry.registerAccelerator).toBe(false);
  });

  it('puts Quit in the app menu on macOS and reload and DevTools only in development', () => {
    const mac = buildMenuTemplate({ platform: 'darwin', isDev: false, sendCommand: vi.fn() });
    expect(mac[0]?.role).toBe('appMenu');
    expect(item(submenu(mac, 'File'), 'Quit')).toBeUndefined();
    expect(outline(submenu(mac, 'File')).at(-1)).toBe('Backups and integrity check…');
    expect(submenu(mac, 'View').map((entry) => entry.role).filter(Boolean)).toEqual([]);
    const dev = submenu(buildMenuTemplate({ platform: 'linux', isDev: true, sendCommand: vi.fn() }), 'View');
    expect(outline(dev).slice(-3)).toEqual(['-', 'role:reload', 'role:toggleDevTools']);
  });

  it('installs the built menu as the application menu', () => {
    const built = {};
    const menu = { buildFromTemplate: vi.fn(() => built), setApplicationMenu: vi.fn() };
    installMenu(menu as never, { platform: 'linux', isDev: false, sendCommand: vi.fn() });
    expect(menu.setApplicationMenu).toHaveBeenCalledExactlyOnceWith(built);
  });
});
