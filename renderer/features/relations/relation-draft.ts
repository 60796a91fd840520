/**
 * The relation being drawn: its source end, picked by "Start relation from here" (the action, a
 * post's Relate button), waiting for a target post. One per window, kept outside React so the
 * action registry can start one and every post row can show "Relate here" while it waits.
 */
import { useSyncExternalStore } from 'react';

import type { RelationEndInput } from '@shared/project/operations/relations';

export interface RelationDraft {
  from: RelationEndInput;
  /** How the source is named to the user: "“quote…” in Ana’s post". */
  fromLabel: string;
}

/** A chosen pair, waiting for its relation code in the dialog. */
export interface RelationPair extends RelationDraft {
  to: RelationEndInput;
  toLabel: string;
}

type Listener = () => void;

let draft: RelationDraft | null = null;
let pair: RelationPair | null = null;
/** Set by the mounted thread view: starts a draft from its focused post (or the selection in it). */
let starter: (() => boolean) | null = null;
const listeners = new Set<Listener>();

const tell = (): void => {
  for (const listener of [...listeners]) listener();
};

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const relationDraft = {
  get: (): RelationDraft | null => draft,
  pair: (): RelationPair | null => pair,
  start(next: RelationDraft): void {
    draft = next;
    pair = null;
    tell();
  },
  /** The target is chosen: the draft becomes a pair for the dialog. */
  choose(to: RelationEndInput, toLabel: string): void {
    if (!draft) return;
    pair = { ...draft, to, toLabel };
    draft = null;
    tell();
  },
  cancel(): void {
    if (draft === null && pair === null) return;
    draft = null;
    pair = null;
    tell();
  },
  /** The thread view registers how to start from its focus; null when it unmounts. */
  setStarter(fn: (() => boolean) | null): void {
    starter = fn;
    tell();
  },
  canStart: (): boolean => starter !== null,
  /** Runs the mounted thread view's starter; false when no thread is open. */
  startFromFocus: (): boolean => starter?.() ?? false,
};

export function useRelationDraft(): RelationDraft | null {
  return useSyncExternalStore(subscribe, relationDraft.get);
}

export function useRelationPair(): RelationPair | null {
  return useSyncExternalStore(subscribe, relationDraft.pair);
}
