import type { AttributeScope, AttributeType } from '@shared/model/records';
import type { Problem } from '@shared/problem/problem';
import { defineAttribute, deleteAttribute, setAttributeValue } from '@shared/project/operations/attributes';
import { importAttributeCsv } from '@shared/project/operations/attributes-import';
import type { Result } from '@shared/util/result';

import { useUndoableOperation } from '../../coding/use-undoable-operation';

export interface AttributeActions {
  define(scope: AttributeScope, name: string, type: AttributeType): Promise<Result<void, Problem>>;
  remove(attributeId: string): Promise<Result<void, Problem>>;
  /** `base`: the value the cell loaded (null: none); a value changed since is refused, not overwritten. */
  setValue(attributeId: string, subject: string, text: string, base?: string | number | null): Promise<Result<void, Problem>>;
  importCsv(scope: AttributeScope, fileName: string, text: string): Promise<Result<void, Problem>>;
}

/** Attribute changes through the core: tracked, announced, and undoable with Ctrl+Z. */
export function useAttributeActions(): AttributeActions {
  const run = useUndoableOperation('attribute');
  return {
    define: (scope, name, type) => run('adding an attribute', defineAttribute, { scope, name, type }),
    remove: (attributeId) => run('deleting an attribute', deleteAttribute, { attributeId }),
    setValue: (attributeId, subject, text, base) =>
      run('setting an attribute value', setAttributeValue, { attributeId, subject, text, ...(base !== undefined ? { base } : {}) }),
    importCsv: (scope, fileName, text) => run('importing attributes', importAttributeCsv, { scope, fileName, text }),
  };
}
