/**
 * Which namespace a REFI-QDA root element declares. Elements are matched by local name whatever
 * the namespace, because files in the wild use `…codebook:1:0` and `…codebook:0:4`
 * (docs/refi-qda.md, "What other tools write"); anything but the 1.0 namespaces is read anyway and
 * reported as a warning.
 */
import type { Problem } from '../../problem/problem';
import { declaredNamespace, type XmlElement } from './xml-element';

export const REFI_CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
export const REFI_PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

const OTHER_REFI_VERSION = /^urn:QDA-XML:(codebook|project):/i;

export function namespaceWarning(root: XmlElement, file: string): Problem | null {
  const namespace = declaredNamespace(root);
  const record = root.name;
  if (namespace === REFI_CODEBOOK_NAMESPACE || namespace === REFI_PROJECT_NAMESPACE) return null;
  if (namespace === null) return { file, record, field: 'xmlns', message: 'no REFI-QDA namespace is declared; the elements were read by name' };
  const what = OTHER_REFI_VERSION.test(namespace) ? 'is not the REFI-QDA 1.0 namespace' : 'is not a REFI-QDA namespace';
  return { file, record, field: 'xmlns', message: `namespace "${namespace}" ${what}; the elements were read by name` };
}
