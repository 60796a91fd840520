import { useMemo, useState, type ReactNode } from 'react';

import { DeletionsDialog } from './DeletionsDialog';
import { ExpiryNotice } from './ExpiryNotice';
import { PlatformTermsDialog } from './PlatformTermsDialog';
import { QuoteReportDialog } from './QuoteReportDialog';
import './platform.css';

export type PlatformDialog = 'platform-terms' | 'platform-deletions' | 'quote-report';



/** The platform-terms features' dialogs and the expiry reminder, for the workspace to place. */
export function usePlatformDialogs(): { open: (dialog: PlatformDialog) => void; dialogs: ReactNode; notice: ReactNode } {
  const [shown, setShown] = useState<PlatformDialog | null>(null);
  const close = () => setShown(null);
  const dialogs =
    shown === 'platform-terms' ? (
      <PlatformTermsDialog onClose={close} onApplyDeletions={() => setShown('platform-deletions')} />
    ) : shown === 'platform-deletions' ? (
      <DeletionsDialog onClose={close} />
    ) : shown === 'quote-report' ? (
      <QuoteReportDialog onClose={close} />
    ) : null;
  // The same element while nothing changes, so the notice does not re-render with the workspace.
  const notice = useMemo(() => <ExpiryNotice onOpenTerms={() => setShown('platform-terms')} onApplyDeletions={() => setShown('platform-deletions')} />, []);
  return { open: setShown, dialogs, notice };
}
