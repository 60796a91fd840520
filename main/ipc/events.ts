import type { WebContents } from 'electron';

import type { EventName, EventPayload } from '@shared/ipc/contract';

/** Typed main → renderer event; the payload type comes from the contract. */
export function sendEvent<E extends EventName>(
  contents: Pick<WebContents, 'send'>,
  event: E,
  payload: EventPayload<E>,
): void {
  contents.send(event, payload);
}
