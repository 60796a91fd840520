import { ANNOTATION_FORMAT_LABELS, ANNOTATION_FORMATS, type AnnotationFormat } from '@shared/exchange/exchange-annotation';

import { useState } from 'react';

import { ChoiceDialog } from '../../app/ui/ChoiceDialog';
import type { PrivacyChoice } from './export-privacy';
import { PseudonymiseOption } from './PseudonymiseOption';

interface Props {
  onExport: (format: AnnotationFormat, privacy: PrivacyChoice) => void;
  onCancel: () => void;
}

/** What each standard is for, in the dialog's order (docs/formats.md, "Annotation standards"). */
const HINTS: Record<AnnotationFormat, string> = {
  'web-annotation': 'JSON-LD for annotation servers and the web: each coding with its quote, position, coder, code and memo.',
  doccano: 'One line per post with its labelled spans, for doccano and NLP training data.',
  'label-studio': 'One task per post with each coder’s labels, for Label Studio.',
};

/** Picks the annotation standard to write every coder's codings in. */
export function AnnotationExportDialog({ onExport, onCancel }: Props) {
  const [pseudonymize, setPseudonymize] = useState(true);
  return (
    <ChoiceDialog
      id="annotation-export"
      title="Export annotations"
      description="Every coder’s codings in an annotation standard. Offsets are Unicode code points."
      choices={ANNOTATION_FORMATS.map((format) => ({ key: format, label: ANNOTATION_FORMAT_LABELS[format], hint: HINTS[format] }))}
      note={<PseudonymiseOption checked={pseudonymize} onChange={setPseudonymize} />}
      onChoose={(format) => onExport(format, { pseudonymize })}
      onCancel={onCancel}
    />
  );
}
