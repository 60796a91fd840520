import { quoted } from './codebook-problem';
import type { Code } from '../model/records';

/**
 * Why a code cannot be applied to a selection, or null when it can: the code panel says it, and the
 * core's coding.add refuses with it (shared/project/operations/codings.ts).
 */
export function notApplicableReason(code: Code): string | null {
  if (!code.codable) return `${quoted(code.name)} is a category: it only groups codes and cannot be applied.`;
  if (code.retired) return `${quoted(code.name)} is retired: it keeps its codings but is no longer applied. Bring it back into use in its editor to code with it.`;
  return null;
}
