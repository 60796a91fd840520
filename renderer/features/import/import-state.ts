/** The import dialog's steps, driven by the Worker's events (import-protocol.ts). */
import type { CsvMapping } from '@shared/import/formats/csv-parser';
import type { Problem } from '@shared/problem/problem';

import type { ImportEvent, ImportPreview, ImportSummary, ReadingProgress, WritingProgress } from './import-protocol';

export type ImportStep =
  | { step: 'choose'; notice: string | null }
  | { step: 'reading'; progress: ReadingProgress | null; cancelling: boolean }
  | { step: 'mapping'; file: string; columns: string[]; sample: string[][]; mapping: CsvMapping }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'writing'; preview: ImportPreview; progress: WritingProgress | null; cancelling: boolean }
  | { step: 'done'; preview: ImportPreview; summary: ImportSummary }
  | { step: 'failed'; problems: Problem[] };

export type ImportAction =
  | { type: 'event'; event: ImportEvent }
  | { type: 'start-reading' }
  | { type: 'start-writing' }
  | { type: 'cancel' }
  | { type: 'map'; field: keyof CsvMapping; column: string | null }
  | { type: 'restart' };

export const initialImportStep: ImportStep = { step: 'choose', notice: null };

export function importReducer(state: ImportStep, action: ImportAction): ImportStep {
  switch (action.type) {
    case 'start-reading':
      return { step: 'reading', progress: null, cancelling: false };
    case 'start-writing':
      return state.step === 'preview' ? { step: 'writing', preview: state.preview, progress: null, cancelling: false } : state;
    case 'cancel':
      return state.step === 'reading' || state.step === 'writing' ? { ...state, cancelling: true } : state;
    case 'map':
      return state.step === 'mapping' ? { ...state, mapping: { ...state.mapping, [action.field]: action.column } } : state;
    case 'restart':
      return initialImportStep;
    case 'event':
      return onEvent(state, action.event);
  }
}

function onEvent(state: ImportStep, event: ImportEvent): ImportStep {
  switch (event.type) {
    case 'progress':
      if (event.phase === 'reading' && state.step === 'reading') return { ...state, progress: event };
      if (event.phase === 'writing' && state.step === 'writing') return { ...state, progress: event };
      return state;
    case 'needs-mapping':
      return { step: 'mapping', file: event.file, columns: event.columns, sample: event.sample, mapping: event.guess };
    case 'preview':
      return { step: 'preview', preview: event.preview };
    case 'failed':
      return { step: 'failed', problems: event.problems };
    case 'cancelled':
      return { step: 'choose', notice: 'Import cancelled. Nothing was written to your project.' };
    case 'committed':
      return state.step === 'writing' ? { step: 'done', preview: state.preview, summary: event.summary } : state;
  }
}
