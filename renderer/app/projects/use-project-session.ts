/**
 * Which project the window shows, if any: boot (who is coding, the project opened last), the
 * project list's commands, and opening and leaving a project. Each project is its own database;
 * leaving one closes it, so the list never holds a connection another window would wait for.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { withoutProject, type ManifestProject } from '@shared/backup/manifest';
import { recoveryMessage, type RecoveryCase } from '@shared/backup/recovery';
import { formatProblem, type Problem } from '@shared/problem/problem';
import type { Clock, IdSource } from '@shared/util/clock';

import type { ManifestKeeper } from '../../db/backup/manifest-keeper';
import { checkAtStart, noteProject, readManifestWhileRegistryOpens, recoveryCaseFor } from '../../db/backup/recovery-check';
import { reopenEmpty, restoreFromBackup } from '../../db/backup/restore-project';
import { ensureCoder } from '../../db/repositories/coders-repository';
import { setCurrentCoderId } from '../../db/repositories/settings-repository';
import {
  closeProject,
  createDemoProject,
  createEmptyProject,
  createTeamProject,
  deleteProject,
  duplicateProject,
  openProject,
  projectCounts,
  renameProject,
  type OpenedProject,
} from '../../db/registry/projects';
import { getMachineCoder, lastOpenedProject, listProjects, setMachineCoder, updateProject, type MachineCoder } from '../../db/registry/registry';
import { ProjectRegistryDB, type ProjectEntry } from '../../db/registry/registry-db';
import type { SyncConnection } from '../../db/sync-state';
import type { SaveTracker } from '../../db/save-tracker';
import { ActionHistory } from '../../features/coding/action-history';
import type { ImportReport } from '../../features/files/file-actions';
import { openBundleProject } from './open-bundle-project';
import type { BackupStore } from '../../platform/backup-store';
import type { Platform } from '../../platform/platform';
import { APP_INFO } from '../app-info';
import { BackupScheduler } from '../backup/project-backups';
import { bootstrap } from '../bootstrap';
import { readFirstScreen, type FirstScreen } from '../first-screen';
import { requestPersistentStorage } from './storage-persistence';

export type Session =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  /** The first run: nobody has said who is coding on this machine. */
  | { kind: 'coder-needed'; projectCount: number }
  | { kind: 'list'; coder: MachineCoder }
  /** Databases the manifest or a backup says existed are missing, empty or broken (docs/storage.md#backups-and-recovery). */
  | { kind: 'recovery'; coder: MachineCoder | null; cases: RecoveryCase[] }
  | { kind: 'project'; coder: MachineCoder; project: OpenedProject; history: ActionHistory; backups: BackupScheduler; first?: FirstScreen };

interface Deps {
  clock: Clock;
  ids: IdSource;
  tracker: SaveTracker;
  platform: Platform;
  announce(message: string, tone?: 'info' | 'error'): void;
  /** Backups and the manifest, outside IndexedDB. */
  backup: { store: BackupStore; manifest: ManifestKeeper };
}

/** What the recovery screen can do with one case. */
export type RecoveryChoice = { kind: 'restore'; backup: string } | { kind: 'empty' };

/** What the project list can do; a refusal comes back as a Problem for the dialog that asked. */
export interface ProjectCommands {
  open(entry: ProjectEntry): Promise<void>;
  create(name: string): Promise<Problem | undefined>;
  openDemo(): Promise<void>;
  /** Null when done or cancelled; the file's problems otherwise. */
  openBundle(): Promise<ImportReport | null>;
  rename(entry: ProjectEntry, name: string): Promise<Problem | undefined>;
  duplicate(entry: ProjectEntry): Promise<void>;
  remove(entry: ProjectEntry): Promise<Problem | undefined>;
  /** A new local project for a team project on a server, opened (docs/sync.md). */
  openTeam(connection: SyncConnection): Promise<Problem | undefined>;
  /** Opens the open project again (after connecting it: the coder becomes the signed-in user). */
  reopen(): Promise<void>;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const sentence = (problem: Problem): string => {
  const text = formatProblem(problem);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
};

export function useProjectSession({ clock, ids, tracker, platform, announce, backup }: Deps) {
  const registry = useMemo(() => new ProjectRegistryDB(), []);
  const [session, setSession] = useState<Session>({ kind: 'loading' });
  const latest = useRef(session);
  latest.current = session;
  const deps = useMemo(() => ({ clock, ids }), [clock, ids]);

  const enter = useCallback(
    async (entry: ProjectEntry, coder: MachineCoder, alive: () => boolean = () => true, checkedAtStart = false) => {
      setSession({ kind: 'loading' });
      try {
        // Never an empty project in silence: a database the manifest or a backup knows, gone or empty, goes to recovery.
        // The start-up check has just looked at every project the manifest holds: not twice before the first frame.
        const lost = checkedAtStart ? null : await recoveryCaseFor((await backup.manifest.read()).projects.find((p) => p.dbName === entry.dbName), entry.dbName, backup.store);
        if (lost) {
          if (alive()) setSession({ kind: 'recovery', coder, cases: [lost] });
          return;
        }
        const project = await openProject(registry, entry, coder, deps);
        // The thread list, codebook and coders read before the Workspace mounts: its first render shows them.
        const first = await readFirstScreen(project.db).catch(() => undefined);
        if (!alive()) {
          project.db.close();
          return;
        }
        void requestPersistentStorage();
        const backups = new BackupScheduler(project.db, { ...backup, clock, app: APP_INFO }, (text) => announce(text, 'error'));
        setSession({ kind: 'project', coder, project, history: new ActionHistory(), backups, first });
        // Noted in the manifest (recovery's memory) after the first frame is asked for, not before
        // it: counting the codings takes IndexedDB seconds at a million posts.
        void projectCounts(project.db)
          .then((counts) => noteProject(backup.manifest, project.entry, counts, clock.now()))
          .catch(() => undefined);
        void backups.start();
      } catch (error) {
        announce(`“${entry.name}” could not be opened: ${message(error)} Nothing was deleted.`, 'error');
        if (alive()) setSession({ kind: 'list', coder });
      }
    },
    [registry, deps, announce, backup, clock],
  );

  /** Start: the manifest's projects checked first (recovery), then who codes and the project opened last. */
  const boot = useCallback(
    async (alive: () => boolean) => {
      const manifest = await readManifestWhileRegistryOpens(registry, backup.manifest);
      const { cases, relisted } = await checkAtStart(registry, manifest, backup.store);
      if (!alive()) return;
      for (const entry of relisted) announce(`“${entry.name}” was missing from the project list and is listed again; its data was all there.`);
      if (cases.length > 0) {
        setSession({ kind: 'recovery', coder: await getMachineCoder(registry), cases });
        return;
      }
      const { coder, reopen, projectCount } = await bootstrap(registry, deps);
      if (!alive()) return;
      if (!coder) setSession({ kind: 'coder-needed', projectCount });
      else if (reopen) await enter(reopen, coder, alive, manifest.projects.some((p) => p.dbName === reopen.dbName));
      else setSession({ kind: 'list', coder });
    },
    [registry, deps, enter, announce, backup],
  );

  useEffect(() => {
    let live = true;
    boot(() => live).catch((error: unknown) => {
      if (live) setSession({ kind: 'failed', message: message(error) });
    });
    return () => {
      live = false;
    };
  }, [boot]);

  /** Says who is coding on this machine (the first run, or Switch coder…). */
  const chooseCoder = useCallback(
    async (name: string) => {
      const trimmed = name.trim();
      const before = await getMachineCoder(registry);
      const same = before !== null && before.name.trim().toLowerCase() === trimmed.toLowerCase();
      const coder: MachineCoder = { id: same ? before.id : ids.newId(), name: trimmed };
      const now = latest.current;
      if (now.kind === 'project') {
        const { db } = now.project;
        const record = await tracker.track('coder', ensureCoder(db, trimmed, ids, clock, coder.id));
        await tracker.track('coder', setCurrentCoderId(db, record.id));
        await setMachineCoder(registry, coder);
        await backup.manifest.update((m) => ({ ...m, coder }));
        setSession({ ...now, coder, project: { ...now.project, coder: record } });
        announce(`Coding as ${record.name}.`);
        return;
      }
      await setMachineCoder(registry, coder);
      await backup.manifest.update((m) => ({ ...m, coder }));
      if (now.kind === 'list') {
        setSession({ kind: 'list', coder });
        announce(`Coding as ${coder.name}.`);
        return;
      }
      const reopen = await lastOpenedProject(registry);
      if (reopen) return enter(reopen, coder);
      if ((await registry.projects.count()) > 0) return setSession({ kind: 'list', coder });
      // The first run: the demo, as a project of its own.
      const demo = await createDemoProject(registry, deps);
      if (!demo.ok) throw new Error(sentence(demo.error));
      return enter(demo.value, coder);
    },
    [registry, ids, clock, tracker, deps, enter, announce, backup],
  );

  /** Back to the project list: the open project is closed (its counts noted for the list). */
  const showProjects = useCallback(async () => {
    const now = latest.current;
    if (now.kind !== 'project') return;
    setSession({ kind: 'list', coder: now.coder });
    // Leaving a project backs up what changed since its last backup, then notes its counts outside IndexedDB.
    now.backups.stop();
    await now.backups.backUpIfChanged(true).catch(() => undefined);
    const counts = now.project.db.reloadRequired ? null : await projectCounts(now.project.db).catch(() => null);
    await closeProject(registry, now.project).catch((error: unknown) => announce(`Closing the project: ${message(error)}`, 'error'));
    if (counts) await noteProject(backup.manifest, now.project.entry, counts, clock.now());
  }, [registry, announce, backup, clock]);

  /** The recovery screen's answer for one project; when none is left, the start goes on. */
  const recover = useCallback(
    async (project: ManifestProject, choice: RecoveryChoice): Promise<string | undefined> => {
      const now = latest.current;
      if (now.kind !== 'recovery') return undefined;
      const found = now.cases.find((c) => c.project.dbName === project.dbName);
      if (!found) return undefined;
      const restoreDeps = { ...deps, ...backup };
      const done =
        choice.kind === 'restore' ? await restoreFromBackup(registry, project, found.state, choice.backup, restoreDeps) : await reopenEmpty(registry, project, restoreDeps);
      if (!done.ok) return `${done.error.charAt(0).toUpperCase()}${done.error.slice(1)}.`;
      if (choice.kind === 'restore') {
        const file = found.backups.find((b) => b.name === choice.backup);
        announce(`Restored “${project.name}” from the backup of ${file ? new Date(file.at).toLocaleString() : choice.backup}: ${done.value.counts?.posts ?? 0} posts, ${done.value.counts?.codings ?? 0} codings.`);
      } else announce(`“${project.name}” opens empty; its backups are kept.`);
      const left = now.cases.filter((c) => c !== found);
      if (left.length > 0) {
        setSession({ ...now, cases: left });
        return undefined;
      }
      setSession({ kind: 'loading' });
      // The project just restored opens next (it is the one the researcher was working in).
      await updateProject(registry, done.value.id, { openedAt: clock.now() });
      await boot(() => true).catch((error: unknown) => setSession({ kind: 'failed', message: message(error) }));
      return undefined;
    },
    [registry, deps, backup, announce, boot, clock],
  );

  /** The recovery screen's sentence for a case (times in the user's locale). */
  const describeCase = useCallback((c: RecoveryCase) => recoveryMessage(c, (iso) => new Date(iso).toLocaleString()), []);

  const coderNow = (): MachineCoder | null => {
    const now = latest.current;
    return now.kind === 'list' || now.kind === 'project' ? now.coder : null;
  };

  const commands: ProjectCommands = {
    open: async (entry) => {
      const coder = coderNow();
      if (coder) await enter(entry, coder);
    },
    create: async (name) => {
      const coder = coderNow();
      if (!coder) return { message: 'say who is coding first' };
      const created = await createEmptyProject(registry, name, coder, deps);
      if (!created.ok) return created.error;
      await enter(created.value, coder);
      return undefined;
    },
    openDemo: async () => {
      const coder = coderNow();
      if (!coder) return;
      const existing = (await listProjects(registry)).find((p) => p.kind === 'demo');
      if (existing) return enter(existing, coder);
      const demo = await createDemoProject(registry, deps);
      if (!demo.ok) return announce(sentence(demo.error), 'error');
      return enter(demo.value, coder);
    },
    openBundle: async () => {
      const coder = coderNow();
      if (!coder) return null;
      const opened = await openBundleProject({ platform, announce }, registry, coder, deps);
      if (opened === null || 'problems' in opened) return opened;
      await enter(opened.entry, coder);
      return null;
    },
    rename: async (entry, name) => {
      const coder = coderNow();
      if (!coder) return { message: 'say who is coding first' };
      const renamed = await renameProject(registry, entry, name, coder, deps);
      if (!renamed.ok) return renamed.error;
      announce(`Renamed “${entry.name}” to “${renamed.value.name}”.`);
      return undefined;
    },
    duplicate: async (entry) => {
      const coder = coderNow();
      if (!coder) return;
      const copy = await duplicateProject(registry, entry, coder, { ...deps, app: APP_INFO });
      if (!copy.ok) announce(sentence(copy.error), 'error');
      else announce(`Duplicated “${entry.name}” as “${copy.value.name}”.`);
    },
    openTeam: async (connection) => {
      const coder = coderNow();
      if (!coder) return { message: 'say who is coding first' };
      const created = await createTeamProject(registry, connection, coder, deps);
      if (!created.ok) return created.error;
      await enter(created.value, coder);
      return undefined;
    },
    reopen: async () => {
      const now = latest.current;
      if (now.kind !== 'project') return;
      setSession({ kind: 'loading' });
      await closeProject(registry, now.project);
      await enter(now.project.entry, now.coder);
    },
    remove: async (entry) => {
      const removed = await deleteProject(registry, entry);
      if (!removed.ok) return removed.error;
      // Deleted on purpose: not a lost database. Its backups stay where they are.
      await backup.manifest.update((m) => withoutProject(m, entry.dbName));
      announce(`Deleted the project “${entry.name}”.`);
      return undefined;
    },
  };

  return { registry, session, chooseCoder, showProjects, commands, recover, describeCase };
}
