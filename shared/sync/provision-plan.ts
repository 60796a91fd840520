/**
 * What `threadmark server init` / `add-coder` set up on a team server, as data (docs/sync.md
 * "Provisioning"): the users with the roles this project gives them, and every database with its
 * `_security` and its `_design/threadmark`. node/couch/provision.ts carries it out over HTTP and
 * compares it with what is there, so running it twice changes nothing the second time.
 */
import { problem, type Problem } from '../problem/problem';
import { err, ok, type Result } from '../util/result';
import { databaseName, projectKeyProblem, roleNames, userNameOf, type SyncDatabase } from './names';
import { designDocOf, securityOf, type DesignDoc, type SecurityObject } from './security';

export interface PlannedUser {
  /** The CouchDB user name (names.ts userNameOf). */
  name: string;
  /** The roles this project gives: `tm-<p>-coder`, `tm-<p>-lead` or both. */
  roles: string[];
}

export interface PlannedDatabase {
  db: SyncDatabase;
  name: string;
  security: SecurityObject;
  design: DesignDoc;
}

export interface ProvisionPlan {
  project: string;
  users: PlannedUser[];
  databases: PlannedDatabase[];
}

export interface MembersInput {
  project: string;
  leads: readonly string[];
  coders: readonly string[];
}

/** CouchDB's user document id for a name. */
export const userDocId = (name: string): string => `org.couchdb.user:${name}`;

/** Why `name` cannot be a team member's user name, or null. */
export function userNameProblem(name: string): string | null {
  const user = userNameOf(name);
  if (user === '') return 'a user name cannot be empty';
  if (user.startsWith('_')) return `“${user}” cannot be a user name: names starting with “_” are CouchDB's own`;
  if (/[:,\s]/u.test(user)) return `“${user}” cannot be a user name: no colon, comma or white space`;
  return null;
}

export function plannedDatabase(project: string, db: SyncDatabase): PlannedDatabase {
  return { db, name: databaseName(project, db), security: securityOf(project, db), design: designDocOf(project, db) };
}

/**
 * The users and the databases of a project: corpus, codebook, consensus and a layer for every
 * member (a lead codes too). A name in both lists gets both roles; names are user names (trimmed,
 * case ignored). `requireLead`: `init` needs one, since only leads write the codebook.
 */
export function provisionPlan(input: MembersInput, options: { requireLead?: boolean; shared?: boolean } = {}): Result<ProvisionPlan, Problem[]> {
  const problems: Problem[] = [];
  const keyProblem = projectKeyProblem(input.project);
  if (keyProblem !== null) problems.push(problem(keyProblem, { field: 'project' }));
  const roles = roleNames(input.project);
  const users = new Map<string, Set<string>>();
  for (const [field, names, role] of [
    ['leads', input.leads, roles.lead],
    ['coders', input.coders, roles.coder],
  ] as const) {
    for (const name of names) {
      const why = userNameProblem(name);
      if (why !== null) {
        problems.push(problem(why, { field }));
        continue;
      }
      const user = userNameOf(name);
      users.set(user, (users.get(user) ?? new Set()).add(role));
    }
  }
  if (options.requireLead === true && !input.leads.some((name) => userNameProblem(name) === null)) problems.push(problem('a team project needs at least one lead (only leads change the codebook)', { field: 'leads' }));
  if (problems.length > 0) return err(problems);
  const plannedUsers = [...users].map(([name, set]) => ({ name, roles: [...set].sort() }));
  const shared: SyncDatabase[] = options.shared === false ? [] : [{ kind: 'corpus' }, { kind: 'codebook' }, { kind: 'consensus' }];
  const layers: SyncDatabase[] = plannedUsers.map((u) => ({ kind: 'layer', user: u.name }));
  return ok({ project: input.project, users: plannedUsers, databases: [...shared, ...layers].map((db) => plannedDatabase(input.project, db)) });
}

/** `_security` that lets in everyone `planned` and everyone `existing` already let in (re-running adds, never takes away). */
export function mergeSecurity(existing: unknown, planned: SecurityObject): SecurityObject {
  const part = (which: 'admins' | 'members', key: 'names' | 'roles'): string[] => {
    const had = (existing as Partial<Record<string, Partial<Record<string, unknown>>>> | null)?.[which]?.[key];
    const old = Array.isArray(had) ? had.filter((x): x is string => typeof x === 'string') : [];
    return [...new Set([...old, ...planned[which][key]])];
  };
  return {
    admins: { names: part('admins', 'names'), roles: part('admins', 'roles') },
    members: { names: part('members', 'names'), roles: part('members', 'roles') },
  };
}

/** Whether two security objects let in the same names and roles (order ignored). */
export function sameSecurity(a: SecurityObject, b: SecurityObject): boolean {
  const same = (x: string[], y: string[]) => x.length === y.length && [...x].sort().every((v, i) => v === [...y].sort()[i]);
  return same(a.admins.names, b.admins.names) && same(a.admins.roles, b.admins.roles) && same(a.members.names, b.members.names) && same(a.members.roles, b.members.roles);
}
