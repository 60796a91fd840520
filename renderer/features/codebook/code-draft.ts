/**
 * The code editor's form state and what saving it would change. Pure: the dialog renders it, the
 * repository checks and stores it.
 */
import { describeCodeChange } from '@shared/codebook/describe-code-change';
import { EMPTY_CODE_FIELDS, type Code } from '@shared/model/records';

import { normalizeFields } from '@shared/project/code-rules';
import { changedFrom, type CodePatch } from '@shared/project/operations/codebook';
import { inPresentTense } from './preview-text';

export interface CodeDraft {
  name: string;
  color: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  examples: string[];
  /** "" for no key. */
  shortcut: string;
  /** "Category only": the inverse of `codable`, as the checkbox says it. */
  categoryOnly: boolean;
  retired: boolean;
}

export function draftOf(code: Code): CodeDraft {
  const { name, color, definition, inclusion, exclusion, examples, shortcut, codable, retired } = code;
  return { name, color, definition, inclusion, exclusion, examples: [...examples], shortcut: shortcut ?? '', categoryOnly: !codable, retired };
}

export function blankDraft(color: string): CodeDraft {
  return { name: '', color, definition: '', inclusion: '', exclusion: '', examples: [], shortcut: '', categoryOnly: false, retired: false };
}

/** The fields as the repository takes them (it trims and checks them again). */
export function draftFields(draft: CodeDraft): Required<Omit<CodePatch, 'exemplarCodingIds'>> {
  const { categoryOnly, shortcut, ...rest } = draft;
  return { ...rest, shortcut: shortcut.trim() === '' ? null : shortcut.trim(), codable: !categoryOnly };
}

/**
 * What saving would do, in the present: "Adds “X” under “Y”", "Renames “A” to “B” and changes its
 * definition"; null when an edit changes nothing yet or a new code has no name.
 */
/**
 * What saving will do. `base`: the code as the editor opened it; only the fields changed from it
 * are saved (editCode), onto the code as it is now, so the preview shows exactly that.
 */
export function draftPreview(draft: CodeDraft, code: Code | null, parentId: string | null, codes: readonly Code[], base?: Code): string | null {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const fields = normalizeFields(draftFields(draft));
  if (code === null) {
    if (fields.name === '') return null;
    const added: Code = { ...EMPTY_CODE_FIELDS, id: '', parentId, order: 0, exemplarCodingIds: [], ...fields };
    return inPresentTense(describeCodeChange(null, added, byId));
  }
  const summary = describeCodeChange(code, { ...code, ...(base ? changedFrom(base, fields) : fields) }, byId);
  return summary.startsWith('No change') ? null : inPresentTense(summary);
}
