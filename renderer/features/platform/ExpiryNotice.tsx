import { memo } from 'react';

import { expiryNotice } from '@shared/platform/expiry';

import { useServices } from '../../app/services';
import { useProjectQuery } from '../../db/use-project-query';

/**
 * The dataset-expiry reminder under the header: from 14 days before the project's or a thread's
 * expiry date, and louder once it has passed, with the way to act on it.
 */
export const ExpiryNotice = memo(function ExpiryNotice({ onOpenTerms, onApplyDeletions }: { onOpenTerms: () => void; onApplyDeletions: () => void }) {
  const { db, clock } = useServices();
  const today = clock.now().slice(0, 10);
  const notice = useProjectQuery(db, async (r) => expiryNotice(await r.project(), await r.threads(), today), [today]);
  if (!notice) return null;
  const what = notice.project ? 'This dataset' : `${notice.threadIds.length} ${notice.threadIds.length === 1 ? 'thread' : 'threads'}`;
  const when = notice.state === 'past' ? `expired on ${notice.date}` : `expires on ${notice.date} (in ${notice.days} ${notice.days === 1 ? 'day' : 'days'})`;
  return (
    <div className={`expiry-notice expiry-${notice.state}`} role={notice.state === 'past' ? 'alert' : 'status'}>
      <span>
        {what} {when}: delete it, renew the permission, or set a new date.
      </span>
      <button type="button" onClick={onOpenTerms}>
        Platform terms and expiry…
      </button>
      <button type="button" onClick={onApplyDeletions}>
        Apply platform deletions…
      </button>
    </div>
  );
});
