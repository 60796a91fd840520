// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';

// The file actions reach the database; the header only needs the registry's other actions.
vi.mock('../../features/files/file-actions', () => ({ importProjectBundle: vi.fn(), exportProjectBundle: vi.fn() }));
// Counts the header's menu buttons' renders: each is one render of the toolbar's menus.
let menuRenders = 0;
vi.mock('../ui/MenuButton', async (original) => {
  const real = await original<typeof MenuButtonModule>();
  return { ...real, MenuButton: (props: Parameters<typeof real.MenuButton>[0]) => (menuRenders++, real.MenuButton(props)) };
});
import { fakeActionContext } from './fake-action-context.test-helpers';
import { ActionToolbar, ViewSwitch } from './HeaderActions';
import type { ActionContext } from './types';
import type * as MenuButtonModule from '../ui/MenuButton';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A context as the workspace makes one each render: new functions, the undo state read live. */
function contextOf(history: { canUndo: boolean }, undo: () => void): ActionContext {
  return fakeActionContext({ history: { canUndo: () => history.canUndo, canRedo: () => false, undo, redo: vi.fn() } });
}

describe('the header re-renders only when what it shows changes', () => {
  it('skips a new but equal context, shows Undo enabled right after the history changes, and a click runs the latest context', async () => {
    const history = { canUndo: false };
    let latest = contextOf(history, vi.fn());
    const getContext = () => latest;
    const host = document.createElement('div');
    const root = createRoot(host);
    const render = async () => {
      await act(async () =>
        root.render(
          <>
            <ViewSwitch ctx={latest} getContext={getContext} />
            <ActionToolbar ctx={latest} getContext={getContext} />
          </>,
        ),
      );
    };
    const undoButton = () => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Undo')!;
    await render();
    const menus = menuRenders;
    expect(menus).toBeGreaterThan(0);
    expect(undoButton().disabled).toBe(true);
    expect(host.querySelector('[aria-current="page"]')?.textContent).toBe('Coding');

    // A workspace render with nothing changed for the header: a new context, no menu re-rendered.
    latest = contextOf(history, vi.fn());
    await render();
    expect(menuRenders).toBe(menus);
    expect(undoButton().disabled).toBe(true);

    // A coding: undo becomes available (read live, as the real history does); the toolbar shows it at once.
    history.canUndo = true;
    const undo = vi.fn();
    latest = contextOf(history, undo);
    await render();
    expect(menuRenders).toBeGreaterThan(menus);
    expect(undoButton().disabled).toBe(false);
    act(() => undoButton().click());
    expect(undo).toHaveBeenCalledOnce();

    // Another view: the switch shows it.
    latest = { ...contextOf(history, undo), view: 'history' };
    await render();
    expect(host.querySelector('[aria-current="page"]')?.textContent).not.toBe('Coding');
    act(() => root.unmount());
  });
});
