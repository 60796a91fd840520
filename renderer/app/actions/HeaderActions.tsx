import { memo } from 'react';

import { ACTION_MENUS, actionsIn } from '@shared/actions/action-catalog';

import { MenuButton, type MenuItem } from '../ui/MenuButton';
import { shortcutAria, shortcutText } from './key-display';
import { ACTIONS, runAction } from './registry';
import type { Action, ActionContext } from './types';

/** What the header shows of the actions: computed from the context each Workspace render, compared as data. */
interface HeaderState {
  views: readonly { id: string; label: string; current: boolean }[];
  buttons: readonly { id: string; label: string; disabled: boolean; keys: string | undefined; keyshortcuts: string | undefined }[];
  menus: readonly { id: string; label: string; items: readonly Omit<MenuItem, 'onSelect'>[] }[];
}

interface HeaderProps {
  ctx: ActionContext;
  /** The latest context, for a click: the header re-renders only when what it shows changes, not with every context. */
  getContext: () => ActionContext;
}

const actionById = new Map<string, Action>(ACTIONS.map((action) => [action.id, action]));
const run = (id: string, getContext: () => ActionContext) => runAction(actionById.get(id)!, getContext());

/** Equal when the header would show the same: a coding re-renders the workspace, not its ~35 header pieces. */
const sameShown = <T extends { shown: unknown; getContext: unknown }>(a: T, b: T) =>
  a.getContext === b.getContext && JSON.stringify(a.shown) === JSON.stringify(b.shown);

/** The Views switch (Coding, Agreement): the registry's `view-switch` actions; a view not available here (a blind package's Agreement) is not offered. */
export function ViewSwitch({ ctx, getContext }: HeaderProps) {
  const views = actionsIn('view-switch', ACTIONS.filter((action) => action.enabled(ctx))).map(({ action }) => ({
    id: action.id,
    label: action.shortLabel ?? action.label,
    current: Boolean(action.checked?.(ctx)),
  }));
  return <ShownViewSwitch shown={views} getContext={getContext} />;
}

const ShownViewSwitch = memo(function ShownViewSwitch({ shown, getContext }: { shown: HeaderState['views']; getContext: () => ActionContext }) {
  return (
    <nav className="view-switch" aria-label="Views">
      {shown.map((view) => (
        <button key={view.id} type="button" aria-current={view.current ? 'page' : undefined} onClick={() => run(view.id, getContext)}>
          {view.label}
        </button>
      ))}
    </nav>
  );
}, sameShown);

/** The header toolbar: the registry's `toolbar` actions as buttons, then a menu button per header menu. */
export function ActionToolbar({ ctx, getContext }: HeaderProps) {
  const shown: Omit<HeaderState, 'views'> = {
    buttons: actionsIn('toolbar', ACTIONS).map(({ action }) => ({
      id: action.id,
      label: action.label,
      disabled: !action.enabled(ctx),
      keys: shortcutText(action),
      keyshortcuts: shortcutAria(action),
    })),
    menus: ACTION_MENUS.filter((menu) => menu.header).map((menu) => ({
      id: menu.id,
      label: menu.label,
      items: actionsIn(menu.id, ACTIONS).map(({ action, startsGroup }) => ({
        key: action.id,
        label: action.label,
        disabled: !action.enabled(ctx),
        keys: shortcutText(action),
        keyshortcuts: shortcutAria(action),
        startsGroup,
        // Settings show their state; views show theirs in the Views switch.
        ...(action.checked && action.group !== 'views' ? { checked: action.checked(ctx) } : {}),
      })),
    })),
  };
  return <ShownToolbar shown={shown} getContext={getContext} />;
}

const ShownToolbar = memo(function ShownToolbar({ shown, getContext }: { shown: Omit<HeaderState, 'views'>; getContext: () => ActionContext }) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Project">
      {shown.buttons.map((button) => (
        <button
          key={button.id}
          type="button"
          onClick={() => run(button.id, getContext)}
          disabled={button.disabled}
          aria-keyshortcuts={button.keyshortcuts}
          title={button.keys ? `${button.label} (${button.keys})` : undefined}
        >
          {button.label}
        </button>
      ))}
      {shown.menus.map((menu) => {
        const items: MenuItem[] = menu.items.map((item) => ({ ...item, onSelect: () => run(item.key, getContext) }));
        // "codebook-menu": the codebook dialogs give focus back to this menu's button.
        return <MenuButton key={menu.id} label={menu.label} menuLabel={menu.label} className={`${menu.id}-menu`} items={items} />;
      })}
    </div>
  );
}, sameShown);
