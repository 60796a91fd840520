import { useState, type ReactNode } from 'react';

import { useServices } from '../../app/services';
import { exportAnnotations } from './annotation-files';
import { AnnotationExportDialog } from './AnnotationExportDialog';

/** File → "Export annotations…": the command and its dialog. */
export function useAnnotationExport(): { open: () => void; dialog: ReactNode } {
  const services = useServices();
  const [open, setOpen] = useState(false);
  const dialog = open ? (
    <AnnotationExportDialog
      onCancel={() => setOpen(false)}
      onExport={(format, privacy) => {
        setOpen(false);
        void exportAnnotations(services, format, privacy);
      }}
    />
  ) : null;
  return { open: () => setOpen(true), dialog };
}
