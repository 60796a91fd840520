import { useEffect, useRef } from 'react';

import type { CodingActions } from '../features/coding/use-coding-actions';
import { exportProjectBundle, importProjectBundle, type ImportReport } from '../features/files/file-actions';
import { useServices } from './services';

/** The desktop menu runs the same actions as the toolbar. */
export function useMenuCommands(
  actions: CodingActions,
  onImportReport: (report: ImportReport | null) => void,
  onExportCsv: () => void,
  onImportThreads: () => void,
): void {
  const services = useServices();
  const latest = useRef({ actions, onImportReport, onExportCsv, onImportThreads });
  latest.current = { actions, onImportReport, onExportCsv, onImportThreads };
  useEffect(
    () =>
      services.platform.onMenuCommand((command) => {
        const { actions: act, onImportReport: report, onExportCsv: exportCsv } = latest.current;
        if (command === 'undo') void act.undo();
        else if (command === 'redo') void act.redo();
        else if (command === 'export-bundle') void exportProjectBundle(services);
        else if (command === 'export-csv') exportCsv();
        else if (command === 'import-threads') latest.current.onImportThreads();
        else if (command === 'import-bundle') void importProjectBundle(services).then(report);
      }),
    [services],
  );
}
