import { createContext, useContext } from 'react';

import type { Clock, IdSource } from '@shared/util/clock';

import type { ThreadmarkDB } from '../db/database';
import type { SaveTracker } from '../db/save-tracker';
import type { ActionHistory } from '../features/coding/action-history';
import type { Platform } from '../platform/platform';
import type { ProjectBackups } from './backup/project-backups';

/** Long-lived collaborators of the UI, created once per window. */
export interface Services {
  db: ThreadmarkDB;
  tracker: SaveTracker;
  history: ActionHistory;
  platform: Platform;
  clock: Clock;
  ids: IdSource;
  /** The open project's backups (absent in tests that need none). */
  backups?: ProjectBackups;
  /** Speaks a short message in the status line (an ARIA live region). */
  announce(message: string, tone?: 'info' | 'error'): void;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <ServicesContext.Provider>');
  return services;
}
