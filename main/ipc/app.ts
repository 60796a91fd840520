import type { App } from 'electron';

import { ok } from '@shared/util/result';

import type { OpenExternal } from '../open-external';
import type { Handle } from './handle';

export type AppDeps = {
  app: Pick<App, 'getName' | 'getVersion'>;
  platform: NodeJS.Platform;
  openExternal: OpenExternal;
};

export function registerAppHandlers(handle: Handle, deps: AppDeps): void {
  handle('app:info', () => ok({ name: deps.app.getName(), version: deps.app.getVersion(), platform: deps.platform }));
  handle('shell:open-external', ({ url }) => deps.openExternal(url));
}
