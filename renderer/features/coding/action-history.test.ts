import { describe, expect, it } from 'vitest';

import { ActionHistory, type UndoableAction } from './action-history';

function counter() {
  const log: string[] = [];
  const action = (name: string, fail = { undo: false }): UndoableAction => ({
    label: name,
    undo: async () => {
      if (fail.undo) throw new Error(`cannot undo ${name}`);
      log.push(`undo ${name}`);
    },
    redo: async () => {
      log.push(`redo ${name}`);
    },
  });
  return { log, action };
}

describe('ActionHistory', () => {
  it('undoes in reverse order and redoes in order', async () => {
    const { log, action } = counter();
    const history = new ActionHistory();
    history.push(action('a'));
    history.push(action('b'));
    expect(await history.undo()).toBe('b');
    expect(await history.undo()).toBe('a');
    expect(await history.undo()).toBeNull();
    expect(await history.redo()).toBe('a');
    expect(log).toEqual(['undo b', 'undo a', 'redo a']);
    expect(history.state()).toMatchObject({ canUndo: true, canRedo: true, undoLabel: 'a', redoLabel: 'b' });
  });

  it('a new action clears the redo stack', async () => {
    const { action } = counter();
    const history = new ActionHistory();
    history.push(action('a'));
    await history.undo();
    history.push(action('c'));
    expect(history.state().canRedo).toBe(false);
    expect(await history.redo()).toBeNull();
  });

  it('runs rapid undos one after another, never concurrently', async () => {
    const { log, action } = counter();
    const history = new ActionHistory();
    history.push(action('a'));
    history.push(action('b'));
    await Promise.all([history.undo(), history.undo()]);
    expect(log).toEqual(['undo b', 'undo a']);
  });

  it('keeps a step that failed to undo so it can be retried', async () => {
    const { action } = counter();
    const history = new ActionHistory();
    history.push(action('a', { undo: true }));
    await expect(history.undo()).rejects.toThrow('cannot undo a');
    expect(history.state()).toMatchObject({ canUndo: true, canRedo: false });
  });

  it('forgets the oldest steps past its limit', async () => {
    const { action } = counter();
    const history = new ActionHistory(2);
    history.push(action('a'));
    history.push(action('b'));
    history.push(action('c'));
    expect(await history.undo()).toBe('c');
    expect(await history.undo()).toBe('b');
    expect(await history.undo()).toBeNull();
  });
});
