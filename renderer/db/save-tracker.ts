export interface SaveState {
  /** Writes started and not yet settled. */
  pending: number;
  /** Some pending write is older than the threshold: show "saving is stuck", keep edits in memory. */
  stuck: boolean;
  /** "<label>: <message>" of the last failed write, until a later write succeeds or `dismissError()`. */
  lastError: string | null;
  /** `now()` when a write last succeeded. */
  lastSavedAt: number | null;
}

export type SaveListener = () => void;

export interface SaveTrackerOptions {
  now?: () => number;
  /** A full disk makes IndexedDB writes hang without an error (docs/storage.md, "Quota and a full disk"; docs/reliability.md, "Storage"). */
  stuckAfterMs?: number;
}

const describe = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  // Keep names that tell the cause (QuotaExceededError, AbortError…); a plain Error adds nothing.
  return error.name === 'Error' ? error.message : `${error.name}: ${error.message}`;
};

const sameState = (a: SaveState, b: SaveState): boolean =>
  a.pending === b.pending &&
  a.stuck === b.stuck &&
  a.lastError === b.lastError &&
  a.lastSavedAt === b.lastSavedAt;

/**
 * Save watchdog: follows every write promise so the UI can show "saving…", "saved", a failure, or
 * "saving is stuck" when a write has not settled in time. `stuck` depends on the clock, so the UI
 * also polls `state()`; an unchanged state keeps its identity (fit for useSyncExternalStore).
 */
export class SaveTracker {
  private readonly now: () => number;
  private readonly stuckAfterMs: number;
  private readonly pending = new Map<number, { label: string; startedAt: number }>();
  private readonly listeners = new Set<SaveListener>();
  private nextId = 0;
  private lastError: string | null = null;
  private lastSavedAt: number | null = null;
  private snapshot: SaveState = { pending: 0, stuck: false, lastError: null, lastSavedAt: null };

  constructor(options: SaveTrackerOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.stuckAfterMs = options.stuckAfterMs ?? 15_000;
  }

  /** Follows `p` and returns it unchanged, so callers still see its value or its rejection. */
  track<T>(label: string, p: Promise<T>): Promise<T> {
    const id = this.nextId++;
    this.pending.set(id, { label, startedAt: this.now() });
    this.changed();
    p.then(
      () => {
        this.pending.delete(id);
        this.lastSavedAt = this.now();
        this.lastError = null;
        this.changed();
      },
      (error: unknown) => {
        this.pending.delete(id);
        this.lastError = `${label}: ${describe(error)}`;
        this.changed();
      },
    );
    return p;
  }

  state(): SaveState {
    const now = this.now();
    let stuck = false;
    for (const write of this.pending.values()) {
      if (now - write.startedAt >= this.stuckAfterMs) stuck = true;
    }
    const next: SaveState = {
      pending: this.pending.size,
      stuck,
      lastError: this.lastError,
      lastSavedAt: this.lastSavedAt,
    };
    if (!sameState(next, this.snapshot)) this.snapshot = next;
    return this.snapshot;
  }

  /** Labels of the writes still pending, oldest first (for the "stuck" message). */
  pendingLabels(): string[] {
    return [...this.pending.values()].map((w) => w.label);
  }

  /** The user has seen the failure. */
  dismissError(): void {
    if (this.lastError === null) return;
    this.lastError = null;
    this.changed();
  }

  /** Called after every change; returns an unsubscribe function. */
  subscribe(listener: SaveListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
