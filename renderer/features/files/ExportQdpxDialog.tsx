import type { PositionUnit } from '@shared/refi/write-project-qde';

import { useState } from 'react';

import { ChoiceDialog } from '../../app/ui/ChoiceDialog';
import type { PrivacyChoice } from './export-privacy';
import { PseudonymiseOption } from './PseudonymiseOption';

interface Props {
  onExport: (positions: PositionUnit, privacy: PrivacyChoice) => void;
  onCancel: () => void;
}

/** The standard counts positions in code points; NVivo reads UTF-16 units, so it gets its own choice. */
export function ExportQdpxDialog({ onExport, onCancel }: Props) {
  const [pseudonymize, setPseudonymize] = useState(true);
  return (
    <ChoiceDialog<PositionUnit>
      id="qdpx-export"
      title="Export as a REFI-QDA project (.qdpx)"
      description="Each thread becomes one text document (its posts in reading order, each under an author and time line), with every coding, coder, memo and code."
      choices={[
        { key: 'code-points', label: 'For ATLAS.ti, MAXQDA, QualCoder (the standard)' },
        { key: 'utf16', label: 'NVivo-compatible (UTF-16 positions)' },
      ]}
      note={
        <>
          Coded in another tool, the file comes back through Team → Add coder files… as that coder’s codings, memos and relations.
          <PseudonymiseOption checked={pseudonymize} onChange={setPseudonymize} />
        </>
      }
      onChoose={(positions) => onExport(positions, { pseudonymize })}
      onCancel={onCancel}
    />
  );
}
