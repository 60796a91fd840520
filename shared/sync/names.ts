/**
 * How a Threadmark project is laid out on a team server (Apache CouchDB, docs/sync.md): database
 * names, the two roles, and the CouchDB user a coder is. Database names follow CouchDB's rule
 * (lower case, starting with a letter), so a coder's name is written in hex in their layer's name,
 * the way CouchDB's own per-user databases do.
 */

/** The four kinds of database a project has: a layer per coder. */
export type SyncDatabase = { kind: 'corpus' } | { kind: 'codebook' } | { kind: 'consensus' } | { kind: 'layer'; user: string };

/** A project's key on the server: what `--project` names. */
export const PROJECT_KEY_PATTERN = /^[a-z][a-z0-9_-]{0,62}$/;

/** Why `key` cannot name a project on the server, or null when it can. */
export function projectKeyProblem(key: string): string | null {
  return PROJECT_KEY_PATTERN.test(key) ? null : `“${key}” cannot name a team project: use 1–63 lower-case letters, digits, “-” or “_”, starting with a letter`;
}

/** The CouchDB user name a coder signs in as: their name, trimmed, case ignored. */
export const userNameOf = (coderName: string): string => coderName.trim().toLowerCase();

/** A team member's coder id, the same on every machine (the app's team projects code under it). */
export const teamCoderId = (user: string): string => `coder-${userNameOf(user)}`;

const hex = (text: string): string => Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('');

export function databaseName(project: string, db: SyncDatabase): string {
  if (db.kind === 'layer') return `tm-${project}-layer-${hex(userNameOf(db.user))}`;
  return `tm-${project}-${db.kind}`;
}

/** The roles `_security` lets in: every member is a coder; leads read every layer and write the corpus and codebook. */
export function roleNames(project: string): { coder: string; lead: string } {
  return { coder: `tm-${project}-coder`, lead: `tm-${project}-lead` };
}

/** A stable key for a database, for maps and checkpoints: "corpus", "layer:alice". */
export function databaseKey(db: SyncDatabase): string {
  return db.kind === 'layer' ? `layer:${userNameOf(db.user)}` : db.kind;
}
