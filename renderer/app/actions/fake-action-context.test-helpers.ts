import { vi } from 'vitest';

import { ACTION_CATALOG } from '@shared/actions/action-catalog';

import type { ActionContext } from './types';

/** An ActionContext of spies (Undo enabled, nothing connected, the Coding view), with `overrides` on top. */
export function fakeActionContext(overrides: Partial<ActionContext> = {}): ActionContext {
  const codebook = Object.fromEntries(
    ACTION_CATALOG.filter((a) => a.id.startsWith('codebook-')).map((a) => [a.id, vi.fn()]),
  ) as unknown as ActionContext['codebook'];
  const team = { 'team-sample': vi.fn(), 'team-packages': vi.fn(), 'add-coder-file': vi.fn(), 'team-return': vi.fn() };
  return {
    services: { announce: vi.fn() } as unknown as ActionContext['services'],
    view: 'coding',
    showView: vi.fn(),
    onlyMine: false,
    setOnlyMine: vi.fn(),
    openDialog: vi.fn(),
    showImportReport: vi.fn(),
    switchCoder: vi.fn(),
    showProjects: vi.fn(),
    history: { canUndo: () => true, canRedo: () => false, undo: vi.fn(), redo: vi.fn() },
    codebook,
    blind: false,
    team,
    sync: { connected: false, lead: false, commands: { 'sync-connect': vi.fn(), 'sync-open': vi.fn(), 'sync-conflicts': vi.fn(), 'sync-disconnect': vi.fn() } },
    qdpx: { import: vi.fn(), export: vi.fn() },
    display: { codeMargin: true, definitionCard: false, pseudonyms: false, toggleCodeMargin: vi.fn(), toggleDefinitionCard: vi.fn(), togglePseudonyms: vi.fn() },
    printThread: vi.fn(),
    ...overrides,
  };
}
