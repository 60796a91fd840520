import { useState, type ReactNode } from 'react';

import { useServices } from '../../app/services';
import { ExportQdpxDialog } from './ExportQdpxDialog';
import { ImportQdpxDialog } from './ImportQdpxDialog';
import { exportQdpx, importQdpxFile } from './qdpx-files';

export interface QdpxCommands {
  import(): void;
  export(): void;
}

type QdpxDialog = { kind: 'import' } | { kind: 'export' };

/**
 * File → Import / Export a REFI-QDA project: commands and their dialogs. A .qdpx coded in another
 * tool comes back as a coder's layer through Team → Add coder files (add-coder-files.ts).
 */
export function useQdpx(): { commands: QdpxCommands; dialogs: ReactNode } {
  const services = useServices();
  const [dialog, setDialog] = useState<QdpxDialog | null>(null);
  const close = (): void => setDialog(null);
  const commands: QdpxCommands = {
    import: () => setDialog({ kind: 'import' }),
    export: () => setDialog({ kind: 'export' }),
  };

  let dialogs: ReactNode = null;
  if (dialog?.kind === 'import') dialogs = <ImportQdpxDialog onImport={(split) => importQdpxFile(services, split)} onClose={close} />;
  if (dialog?.kind === 'export') {
    dialogs = (
      <ExportQdpxDialog
        onCancel={close}
        onExport={(positions, privacy) => {
          close();
          void exportQdpx(services, positions, privacy);
        }}
      />
    );
  }
  return { commands, dialogs };
}
