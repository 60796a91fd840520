/**
 * Who may read and write which database of a team project (docs/sync.md). The server enforces the
 * same rules (`_security` for reading, `validate_doc_update` for writing); the clients ask here first
 * so that they pull only what they may read and report what they may not write instead of pushing
 * what the server would refuse.
 */
import { CONSENSUS_CODER_ID, type Coder } from '../model/records';
import type { SyncDoc } from './doc-mapping';
import { userNameOf, type SyncDatabase } from './names';

/** The person signed in to the team server: a CouchDB user name and whether they have the lead role. */
export interface SyncUser {
  name: string;
  lead: boolean;
}

const isOwnLayer = (user: SyncUser, db: SyncDatabase): boolean => db.kind === 'layer' && userNameOf(db.user) === userNameOf(user.name);

/** Every member reads the corpus and the codebook; a layer its owner and the leads; the consensus the leads. */
export function mayRead(user: SyncUser, db: SyncDatabase): boolean {
  if (db.kind === 'corpus' || db.kind === 'codebook') return true;
  return user.lead || isOwnLayer(user, db);
}

/** Leads write everything; a coder writes only their own layer. */
export function mayWrite(user: SyncUser, db: SyncDatabase): boolean {
  return user.lead || isOwnLayer(user, db);
}

/**
 * Whether `user` may write this document into `db`: what mayWrite allows, and besides, a coder's
 * own coder record in the codebook (created or updated, never deleted), so that a coder who joins
 * and codes makes themselves known to the team (the codebook's validate_doc_update allows the same).
 */
export function mayWriteDoc(user: SyncUser, db: SyncDatabase, doc: Pick<SyncDoc, 'table'> & { record?: unknown }): boolean {
  if (mayWrite(user, db)) return true;
  if (db.kind !== 'codebook' || doc.table !== 'coders') return false;
  const name = (doc.record as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && userNameOf(name) === userNameOf(user.name);
}

/**
 * The databases a user reads, given the project's coders: corpus, codebook, their own layer, and for
 * a lead every coder's layer and the consensus. The user's own layer is listed even before they are
 * a coder of the project (their first coding creates them). Sorted corpus, codebook, layers by name,
 * consensus: what must arrive before what.
 */
export function readableDatabases(user: SyncUser, coders: readonly Pick<Coder, 'id' | 'name'>[]): SyncDatabase[] {
  const layerUsers = new Set<string>([userNameOf(user.name)]);
  if (user.lead) for (const c of coders) if (c.id !== CONSENSUS_CODER_ID && userNameOf(c.name) !== '') layerUsers.add(userNameOf(c.name));
  const layers: SyncDatabase[] = [...layerUsers].sort().map((name) => ({ kind: 'layer', user: name }));
  const all: SyncDatabase[] = [{ kind: 'corpus' }, { kind: 'codebook' }, ...layers, { kind: 'consensus' }];
  return all.filter((db) => mayRead(user, db));
}
