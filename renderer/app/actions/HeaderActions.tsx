import { ACTION_MENUS, actionsIn } from '@shared/actions/action-catalog';

import { MenuButton, type MenuItem } from '../ui/MenuButton';
import { shortcutAria, shortcutText } from './key-display';
import { ACTIONS, runAction } from './registry';
import type { ActionContext } from './types';

/** The Views switch (Coding, Agreement): the registry's `view-switch` actions; a view not available here (a blind package's Agreement) is not offered. */
export function ViewSwitch({ ctx }: { ctx: ActionContext }) {
  return (
    <nav className="view-switch" aria-label="Views">
      {actionsIn('view-switch', ACTIONS.filter((action) => action.enabled(ctx))).map(({ action }) => (
        <button key={action.id} type="button" aria-current={action.checked?.(ctx) ? 'page' : undefined} onClick={() => runAction(action, ctx)}>
          {action.shortLabel ?? action.label}
        </button>
      ))}
    </nav>
  );
}

/** The header toolbar: the registry's `toolbar` actions as buttons, then a menu button per header menu. */
export function ActionToolbar({ ctx }: { ctx: ActionContext }) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Project">
      {actionsIn('toolbar', ACTIONS).map(({ action }) => {
        const keys = shortcutText(action);
        return (
          <button
            key={action.id}
            type="button"
            onClick={() => runAction(action, ctx)}
            disabled={!action.enabled(ctx)}
            aria-keyshortcuts={shortcutAria(action)}
            title={keys ? `${action.label} (${keys})` : undefined}
          >
            {action.label}
          </button>
        );
      })}
      {ACTION_MENUS.filter((menu) => menu.header).map((menu) => {
        const items: MenuItem[] = actionsIn(menu.id, ACTIONS).map(({ action, startsGroup }) => ({
          key: action.id,
          label: action.label,
          onSelect: () => runAction(action, ctx),
          disabled: !action.enabled(ctx),
          keys: shortcutText(action),
          keyshortcuts: shortcutAria(action),
          startsGroup,
          // Settings show their state; views show theirs in the Views switch.
          ...(action.checked && action.group !== 'views' ? { checked: action.checked(ctx) } : {}),
        }));
        // "codebook-menu": the codebook dialogs give focus back to this menu's button.
        return <MenuButton key={menu.id} label={menu.label} menuLabel={menu.label} className={`${menu.id}-menu`} items={items} />;
      })}
    </div>
  );
}
