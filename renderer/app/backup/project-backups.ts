/**
 * The open project's backups (reliability.md §2.8): automatic ones, every 10 minutes while it
 * changes (checked each minute), right after it is opened when it has none yet, and when it is
 * left; and the ones asked for (File → Back up now, Back up to a file…). Every backup is made in
 * the backup Worker, never in the window (renderer/db/backup/backup-worker-client.ts), and verified
 * before it counts (renderer/db/backup/backup-project.ts).
 */
import type { BackupFile } from '@shared/backup/backup-name';
import { err, type Result } from '@shared/util/result';

import { backUpWith, type BackupDeps, type BackupMaker } from '../../db/backup/backup-project';
import { workerBackupMaker, type SpawnBackupWorker } from '../../db/backup/backup-worker-client';
import type { ThreadmarkDB } from '../../db/database';
import { storeOf } from '../../db/run-in-project';
import type { Platform } from '../../platform/platform';

export const BACKUP_EVERY_MS = 10 * 60 * 1000;
export const CHECK_EVERY_MS = 60 * 1000;
/** The first backup of a project that has none, soon after it opens. */
export const FIRST_BACKUP_AFTER_MS = 5 * 1000;

export interface ProjectBackups {
  where: string;
  list(): Promise<BackupFile[]>;
  /** A verified backup now, whether or not anything changed. */
  backUpNow(): Promise<Result<BackupFile, string>>;
  /** The same backup saved where the user says (a download on the web): a file that outlives this browser profile. */
  saveToFile(platform: Platform): Promise<Result<string | null, string>>;
}

export class BackupScheduler implements ProjectBackups {
  private timer: ReturnType<typeof setInterval> | null = null;
  private first: ReturnType<typeof setTimeout> | null = null;
  /** The journal's last seq at the last backup; null before any backup of this session. */
  private backedUpSeq: number | null = null;
  private lastAt = 0;
  private running: Promise<Result<BackupFile, string>> | null = null;
  private readonly maker: BackupMaker;

  /** `spawnWorker`: the backup Worker (tests serve its handlers over a MessageChannel). */
  constructor(
    private readonly db: ThreadmarkDB,
    private readonly deps: BackupDeps & { spawnWorker?: SpawnBackupWorker },
    private readonly report: (error: string) => void,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.maker = workerBackupMaker(db.name, deps, deps.spawnWorker);
  }

  get where(): string {
    return this.deps.store.where;
  }

  list(): Promise<BackupFile[]> {
    return this.deps.store.list(this.db.name);
  }

  /** Starts the schedule. With a backup already on disk, the project as opened counts as backed up. */
  async start(): Promise<void> {
    const existing = await this.list();
    if (existing.length > 0) {
      this.backedUpSeq = await this.seq();
      this.lastAt = this.now();
    } else {
      this.first = setTimeout(() => void this.backUpIfChanged(true), FIRST_BACKUP_AFTER_MS);
    }
    this.timer = setInterval(() => void this.backUpIfChanged(false), CHECK_EVERY_MS);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    if (this.first !== null) clearTimeout(this.first);
    this.timer = null;
    this.first = null;
  }

  backUpNow(): Promise<Result<BackupFile, string>> {
    // One at a time: a second request while one runs gets its result.
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** A backup when something changed since the last one: `whenever` ignores the 10 minutes (leaving the project). */
  async backUpIfChanged(whenever: boolean): Promise<void> {
    if (this.db.reloadRequired) return;
    if (!whenever && this.now() - this.lastAt < BACKUP_EVERY_MS) return;
    const seq = await this.seq().catch(() => null);
    if (seq === null || seq === this.backedUpSeq) return;
    const done = await this.backUpNow();
    if (!done.ok) this.report(`The automatic backup failed: ${done.error}.`);
  }

  async saveToFile(platform: Platform): Promise<Result<string | null, string>> {
    try {
      const made = await this.maker.make();
      if (!made.ok) return made;
      const saved = await platform.saveBinaryFile(made.value.name, made.value.bytes, [{ name: 'Threadmark backup (gzipped bundle)', extensions: ['gz'] }]);
      return saved.ok ? saved : err(saved.error);
    } catch (e) {
      return err(e instanceof Error ? e.message : String(e));
    }
  }

  private async run(): Promise<Result<BackupFile, string>> {
    const seq = await this.seq();
    const done = await backUpWith(this.maker, this.db.name, this.deps.manifest);
    if (done.ok) this.backedUpSeq = seq;
    // A failure is tried again in 10 minutes, not every minute (a store that cannot write says so once per try).
    this.lastAt = this.now();
    return done;
  }

  private seq(): Promise<number> {
    return storeOf(this.db).read((r) => r.lastSeq());
  }
}
