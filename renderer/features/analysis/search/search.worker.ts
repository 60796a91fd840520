/// <reference lib="webworker" />
/**
 * The Search tab's Worker: holds the project's index (search-session.ts), built or brought up to
 * date here from the project database it opens itself, and answers searches off the UI thread.
 * A search pauses every few thousand checked posts so a Cancel can reach it.
 */
import { serveWorker } from '@shared/rpc/rpc';

import type { SearchProtocol } from './search-protocol';
import { searchHandlers } from './search-worker-handlers';

serveWorker<SearchProtocol>(self, searchHandlers());
