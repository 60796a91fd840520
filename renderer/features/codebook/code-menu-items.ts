import type { Code } from '@shared/model/records';

import type { CodeMenuItem } from './CodeActionsMenu';

/** What a code's actions menu (and its keys) can ask the panel to open. */
export type CodeCommand = 'edit' | 'add-child' | 'rename' | 'move' | 'merge' | 'split' | 'delete' | 'memo';

/** The actions of one code; `ownCount` is its own codings (a code without any has nothing to split). */
export function codeMenuItems(code: Code, ownCount: number, run: (command: CodeCommand) => void): CodeMenuItem[] {
  return [
    { key: 'edit', label: 'Edit…', onSelect: () => run('edit') },
    { key: 'rename', label: 'Rename…', keys: 'F2', onSelect: () => run('rename') },
    { key: 'add-child', label: 'Add sub-code…', onSelect: () => run('add-child') },
    { key: 'move', label: 'Move to…', onSelect: () => run('move') },
    { key: 'merge', label: 'Merge into…', onSelect: () => run('merge') },
    { key: 'split', label: ownCount === 0 ? 'Split… (it has no codings)' : 'Split…', disabled: ownCount === 0 || !code.codable, onSelect: () => run('split') },
    { key: 'delete', label: 'Delete…', keys: 'Delete', onSelect: () => run('delete') },
    { key: 'memo', label: 'Memo…', onSelect: () => run('memo') },
  ];
}
