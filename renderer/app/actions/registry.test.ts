import { describe, expect, it, vi } from 'vitest';

import { ACTION_CATALOG } from '@shared/actions/action-catalog';

// The file actions reach the database; here only that the registry calls them matters.
vi.mock('../../features/files/file-actions', () => ({
  importProjectBundle: vi.fn(async () => ({ title: 'report' })),
  exportProjectBundle: vi.fn(async () => undefined),
}));
import { exportProjectBundle, importProjectBundle } from '../../features/files/file-actions';
import { fakeActionContext } from './fake-action-context.test-helpers';
import { ACTIONS, actionById, actionForKey, runAction } from './registry';
import type { ActionContext } from './types';

const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean }> = {}) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: false,
});

describe('action registry', () => {
  it('has one action per catalog entry, in catalog order', () => {
    expect(ACTIONS.map((a) => a.id)).toEqual(ACTION_CATALOG.map((a) => a.id));
    expect(actionById('undo').label).toBe('Undo');
    expect(() => actionById('nope' as never)).toThrow();
  });

  it('performs each action through the context', () => {
    const ctx = fakeActionContext();
    runAction(actionById('import-threads'), ctx);
    runAction(actionById('export-csv'), ctx);
    runAction(actionById('export-analysis'), ctx);
    runAction(actionById('export-annotations'), ctx);
    runAction(actionById('command-palette'), ctx);
    runAction(actionById('search-corpus'), ctx);
    expect(vi.mocked(ctx.openDialog).mock.calls).toEqual([['import-threads'], ['export-csv'], ['export-analysis'], ['export-annotations'], ['command-palette'], ['search-corpus']]);
    runAction(actionById('view-agreement'), ctx);
    expect(ctx.showView).toHaveBeenCalledWith('agreement');
    runAction(actionById('toggle-only-mine'), ctx);
    expect(ctx.setOnlyMine).toHaveBeenCalledWith(true);
    runAction(actionById('switch-coder'), ctx);
    expect(ctx.switchCoder).toHaveBeenCalledOnce();
    runAction(actionById('show-projects'), ctx);
    expect(ctx.showProjects).toHaveBeenCalledOnce();
    runAction(actionById('undo'), ctx);
    expect(ctx.history.undo).toHaveBeenCalledOnce();
    for (const id of Object.keys(ctx.codebook) as (keyof ActionContext['codebook'])[]) {
      runAction(actionById(id), ctx);
      expect(ctx.codebook[id]).toHaveBeenCalledOnce();
    }
  });

  it('runs the file actions and hands their outcome to the workspace', async () => {
    const ctx = fakeActionContext();
    runAction(actionById('export-bundle'), ctx);
    expect(exportProjectBundle).toHaveBeenCalledWith(ctx.services);
    runAction(actionById('import-bundle'), ctx);
    expect(importProjectBundle).toHaveBeenCalledWith(ctx.services);
    await vi.waitFor(() => expect(ctx.showImportReport).toHaveBeenCalledWith({ title: 'report' }));
  });

  it('runs the Team menu through the context; a blind package has only its return, and no team views', () => {
    const lead = fakeActionContext();
    for (const id of ['team-sample', 'team-packages', 'add-coder-file'] as const) {
      expect(runAction(actionById(id), lead)).toBe(true);
      expect(lead.team[id]).toHaveBeenCalledOnce();
    }
    expect(runAction(actionById('team-return'), lead)).toBe(false);
    expect(lead.team['team-return']).not.toHaveBeenCalled();

    const blind = fakeActionContext({ blind: true });
    expect(runAction(actionById('team-return'), blind)).toBe(true);
    expect(blind.team['team-return']).toHaveBeenCalledOnce();
    for (const id of ['team-sample', 'team-packages', 'add-coder-file', 'view-analysis', 'search-corpus', 'view-agreement', 'view-rounds', 'view-adjudication'] as const) {
      expect(runAction(actionById(id), blind), id).toBe(false);
    }
    expect(blind.showView).not.toHaveBeenCalled();
    expect(vi.mocked(blind.services.announce).mock.calls.at(-1)?.[0]).toMatch(/blind coder package/);
    expect(actionById('view-history').enabled(blind)).toBe(true);
    expect(actionById('view-coding').enabled(blind)).toBe(true);
  });

  it('connects a project once, and offers the conflict inbox and disconnect only while connected', () => {
    const alone = fakeActionContext();
    expect(runAction(actionById('sync-connect'), alone)).toBe(true);
    expect(alone.sync.commands['sync-connect']).toHaveBeenCalledOnce();
    expect(runAction(actionById('sync-open'), alone)).toBe(true);
    for (const id of ['sync-conflicts', 'sync-disconnect'] as const) {
      expect(runAction(actionById(id), alone), id).toBe(false);
      expect(alone.sync.commands[id]).not.toHaveBeenCalled();
    }
    const connected = fakeActionContext();
    connected.sync = { ...connected.sync, connected: true };
    expect(runAction(actionById('sync-connect'), connected)).toBe(false);
    for (const id of ['sync-conflicts', 'sync-disconnect'] as const) {
      expect(runAction(actionById(id), connected), id).toBe(true);
      expect(connected.sync.commands[id]).toHaveBeenCalledOnce();
    }
    expect(runAction(actionById('sync-connect'), fakeActionContext({ blind: true }))).toBe(false);
  });

  it('toggles the code margin and the definition card, and prints the open thread only', () => {
    const ctx = fakeActionContext();
    expect(actionById('toggle-code-margin').checked?.(ctx)).toBe(true);
    expect(actionById('toggle-definition-card').checked?.(ctx)).toBe(false);
    runAction(actionById('toggle-code-margin'), ctx);
    runAction(actionById('toggle-definition-card'), ctx);
    expect(ctx.display.toggleCodeMargin).toHaveBeenCalledOnce();
    expect(ctx.display.toggleDefinitionCard).toHaveBeenCalledOnce();
    expect(actionById('toggle-pseudonyms').checked?.(ctx)).toBe(false);
    runAction(actionById('toggle-pseudonyms'), ctx);
    expect(ctx.display.togglePseudonyms).toHaveBeenCalledOnce();
    expect(runAction(actionById('print-thread'), ctx)).toBe(true);
    expect(ctx.printThread).toHaveBeenCalledOnce();
    const none = fakeActionContext({ printThread: null });
    expect(runAction(actionById('print-thread'), none)).toBe(false);
    expect(none.services.announce).toHaveBeenCalledWith('Open a thread to print it.');
  });

  it('never performs a disabled action, and says why', () => {
    const ctx = fakeActionContext();
    expect(actionById('redo').enabled(ctx)).toBe(false);
    expect(runAction(actionById('redo'), ctx)).toBe(false);
    expect(ctx.history.redo).not.toHaveBeenCalled();
    expect(ctx.services.announce).toHaveBeenCalledWith('Nothing to redo.');
  });

  it('knows which view and filter are on', () => {
    const ctx = fakeActionContext({ view: 'agreement', onlyMine: true });
    expect(actionById('view-agreement').checked?.(ctx)).toBe(true);
    expect(actionById('view-coding').checked?.(ctx)).toBe(false);
    expect(actionById('toggle-only-mine').checked?.(ctx)).toBe(true);
  });

  it('finds the action of a key press; in a text field only the palette', () => {
    expect(actionForKey(key('z', { ctrl: true }), false)?.id).toBe('undo');
    expect(actionForKey(key('Z', { ctrl: true, shift: true }), false)?.id).toBe('redo');
    expect(actionForKey(key('y', { meta: true }), false)?.id).toBe('redo');
    expect(actionForKey(key('k', { ctrl: true }), false)?.id).toBe('command-palette');
    expect(actionForKey(key('z'), false)).toBeUndefined();
    // Text fields keep their native Ctrl+Z; Ctrl+K still opens the palette.
    expect(actionForKey(key('z', { ctrl: true }), true)).toBeUndefined();
    expect(actionForKey(key('k', { ctrl: true }), true)?.id).toBe('command-palette');
  });
});
