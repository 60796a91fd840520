import { useEffect, useRef } from 'react';

import { actionById, runAction } from './actions/registry';
import type { ActionContext } from './actions/types';
import { useServices } from './services';

/** The desktop menu sends an action's id (main/menu.ts builds it from the same catalog); the registry performs it. */
export function useMenuCommands(context: () => ActionContext): void {
  const services = useServices();
  const latest = useRef(context);
  latest.current = context;
  useEffect(() => services.platform.onMenuCommand((id) => void runAction(actionById(id), latest.current())), [services]);
}
