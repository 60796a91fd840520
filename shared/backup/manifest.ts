/**
 * The manifest remembers, outside IndexedDB, that a project's database existed and what it held:
 * its list entry, its last known counts and its last verified backup. It is kept twice (the
 * renderer's localStorage and a file beside the backups: OPFS on the web, the user data folder on
 * the desktop), so a database the system wiped (reliability.md §0, finding 1) is noticed at start
 * instead of opening as an empty project.
 */
import { z } from 'zod';

import type { BackupFile } from './backup-name';

export const MANIFEST_FORMAT = 'threadmark-manifest';

const counts = z.object({ threads: z.number().int().nonnegative(), posts: z.number().int().nonnegative(), codings: z.number().int().nonnegative() });
const backup = z.object({ name: z.string(), at: z.string(), posts: z.number().int().nonnegative(), codings: z.number().int().nonnegative() });
const project = z.object({
  /** The project's database: the key of everything here. */
  dbName: z.string().min(1),
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(['project', 'demo']),
  mode: z.enum(['lead', 'blind']).optional(),
  createdAt: z.string(),
  counts,
  countedAt: z.string(),
  lastBackup: backup.nullable(),
});
const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(1),
  coder: z.object({ id: z.string(), name: z.string() }).nullable(),
  projects: z.array(project),
});

export type ManifestProject = z.infer<typeof project>;
export type Manifest = z.infer<typeof manifestSchema>;

export const emptyManifest = (): Manifest => ({ format: MANIFEST_FORMAT, version: 1, coder: null, projects: [] });

/** The manifest in a text, or null when the text is missing, not JSON or not a manifest. */
export function parseManifest(text: string | null | undefined): Manifest | null {
  if (!text) return null;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const serializeManifest = (m: Manifest): string => JSON.stringify(m);

const later = (a: string | undefined, b: string | undefined): boolean => (a ?? '') > (b ?? '');

/**
 * Two copies as one: every project either copy knows, each with its later counts and its later
 * backup. Losing one copy (localStorage cleared, OPFS cleared) loses nothing the other has.
 */
export function mergeManifests(a: Manifest | null, b: Manifest | null): Manifest {
  const out = emptyManifest();
  out.coder = a?.coder ?? b?.coder ?? null;
  const byDb = new Map<string, ManifestProject>();
  for (const p of [...(a?.projects ?? []), ...(b?.projects ?? [])]) {
    const seen = byDb.get(p.dbName);
    if (!seen) {
      byDb.set(p.dbName, p);
      continue;
    }
    const newer = later(p.countedAt, seen.countedAt) ? p : seen;
    const lastBackup = later(p.lastBackup?.at, seen.lastBackup?.at) ? p.lastBackup : seen.lastBackup;
    byDb.set(p.dbName, { ...newer, lastBackup });
  }
  out.projects = [...byDb.values()];
  return out;
}

/** The manifest with one project's entry put in (or replaced). */
export function withProject(m: Manifest, p: ManifestProject): Manifest {
  return { ...m, projects: [...m.projects.filter((x) => x.dbName !== p.dbName), p] };
}

export function withoutProject(m: Manifest, dbName: string): Manifest {
  return { ...m, projects: m.projects.filter((x) => x.dbName !== dbName) };
}

/** A verified backup noted on its project (nothing changes for a project the manifest does not list). */
export function withBackup(m: Manifest, dbName: string, file: BackupFile, countedAt: string): Manifest {
  return {
    ...m,
    projects: m.projects.map((p) => (p.dbName === dbName ? { ...p, lastBackup: file, counts: { ...p.counts, posts: file.posts, codings: file.codings }, countedAt } : p)),
  };
}
