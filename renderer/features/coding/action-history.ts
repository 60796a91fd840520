/** One undoable step. `undo` and `redo` re-apply the step through the repositories (Dexie is the truth). */
export interface UndoableAction {
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

/**
 * The undo/redo stack of coding actions. Steps run one at a time, in order, so a fast Ctrl+Z,
 * Ctrl+Z never races two writes against each other.
 */
export class ActionHistory {
  private done: UndoableAction[] = [];
  private undone: UndoableAction[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly limit = 500) {}

  /** Records a step that has already been applied. */
  push(action: UndoableAction): void {
    this.done.push(action);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
    this.emit();
  }

  undo(): Promise<string | null> {
    return this.step(this.done, this.undone, (a) => a.undo());
  }

  redo(): Promise<string | null> {
    return this.step(this.undone, this.done, (a) => a.redo());
  }

  state(): HistoryState {
    const lastDone = this.done.at(-1);
    const lastUndone = this.undone.at(-1);
    return {
      canUndo: lastDone !== undefined,
      canRedo: lastUndone !== undefined,
      undoLabel: lastDone?.label ?? null,
      redoLabel: lastUndone?.label ?? null,
    };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the label of the step run, or null when there was nothing to run. */
  private step(
    from: UndoableAction[],
    to: UndoableAction[],
    run: (a: UndoableAction) => Promise<void>,
  ): Promise<string | null> {
    const result = this.queue.then(async () => {
      const action = from.pop();
      if (!action) return null;
      try {
        await run(action);
      } catch (error) {
        // The step did not apply: keep it where it was so the user can try again.
        from.push(action);
        this.emit();
        throw error;
      }
      to.push(action);
      this.emit();
      return action.label;
    });
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
