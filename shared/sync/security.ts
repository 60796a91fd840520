/**
 * What the team server enforces for each database of a project (docs/sync.md "Security"): who may
 * read it (`_security` members) and who may write what (`validate_doc_update`, a JavaScript function
 * CouchDB runs on every write, replicated ones included). The same rules as permissions.ts, but held
 * by the server, so a coder's client cannot get round them. The function is generated here with the
 * project's role and the layer's owner written into it, in ES5, which every CouchDB 3.x JavaScript
 * engine runs.
 */
import { DOC_FORMAT, tablesIn } from './doc-mapping';
import { roleNames, userNameOf, type SyncDatabase } from './names';

export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

export const DESIGN_DOC_ID = '_design/threadmark';

export interface DesignDoc {
  _id: typeof DESIGN_DOC_ID;
  _rev?: string;
  language: 'javascript';
  validate_doc_update: string;
  /** For whoever looks at the server: what this database is. */
  threadmark: { project: string; kind: SyncDatabase['kind']; owner?: string };
}

/**
 * Readers: corpus and codebook every member (both roles); a layer its owner and the leads; the
 * consensus the leads. No database admins: only the server admin changes design and security.
 */
export function securityOf(project: string, db: SyncDatabase): SecurityObject {
  const roles = roleNames(project);
  const admins = { names: [], roles: [] };
  if (db.kind === 'corpus' || db.kind === 'codebook') return { admins, members: { names: [], roles: [roles.coder, roles.lead] } };
  if (db.kind === 'layer') return { admins, members: { names: [userNameOf(db.user)], roles: [roles.lead] } };
  return { admins, members: { names: [], roles: [roles.lead] } };
}

/** The refusal messages, so that clients and tests can name them. */
export const REFUSAL = {
  leadsOnly: (kind: string) => `only leads may change the ${kind}`,
  layerWriter: (owner: string) => `only ${owner} and the leads may write ${owner}'s layer`,
  layerOwner: (owner: string) => `a document in ${owner}'s layer must have owner "${owner}"`,
  journal: 'journal entries are never changed once written',
  design: 'only a server admin may change a design document',
} as const;

/**
 * The validate_doc_update source for one database. Rules, in order: design documents only by the
 * server admin; a journal document is never updated or deleted; the writer (corpus, codebook,
 * consensus: a lead, except that a coder of the project may create or update their own coder record
 * in the codebook, the one whose name is their user name, and never delete it; a layer: its owner or
 * a lead); then, for anything but a deletion, the shape
 * (format marker, a table this kind of database holds, `_id` = `<table>:…` and for a record
 * `<table>:<record.id>`) and, in a layer, `owner` = the layer's owner.
 */
export function validateDocUpdateSource(project: string, db: SyncDatabase): string {
  const owner = db.kind === 'layer' ? userNameOf(db.user) : null;
  const constants = {
    KIND: db.kind,
    OWNER: owner,
    LEAD: roleNames(project).lead,
    CODER: roleNames(project).coder,
    FORMAT: DOC_FORMAT,
    TABLES: db.kind === 'codebook' ? [...tablesIn(db.kind), 'journal'] : tablesIn(db.kind),
    LEADS_ONLY: REFUSAL.leadsOnly(db.kind),
    LAYER_WRITER: owner === null ? '' : REFUSAL.layerWriter(owner),
    LAYER_OWNER: owner === null ? '' : REFUSAL.layerOwner(owner),
    JOURNAL: REFUSAL.journal,
    DESIGN: REFUSAL.design,
  };
  const declarations = Object.entries(constants)
    .map(([name, value]) => `  var ${name} = ${JSON.stringify(value)};`)
    .join('\n');
  return `function (newDoc, oldDoc, userCtx, secObj) {
${declarations}
  var roles = userCtx.roles || [];
  var admin = roles.indexOf('_admin') !== -1;
  var lead = admin || roles.indexOf(LEAD) !== -1;
  function refuse(message) { throw({ forbidden: message }); }
  function ownCoderRecord(doc) {
    return !!doc && doc.table === 'coders' && !!doc.record && typeof doc.record.name === 'string' && doc.record.name.trim().toLowerCase() === userCtx.name;
  }
  var id = newDoc._id;
  if (id.indexOf('_design/') === 0) {
    if (!admin) refuse(DESIGN);
    return;
  }
  if (oldDoc && !oldDoc._deleted && oldDoc.table === 'journal') refuse(JOURNAL);
  if (KIND === 'layer') {
    if (!lead && userCtx.name !== OWNER) refuse(LAYER_WRITER);
  } else if (!lead) {
    var ownCoder = KIND === 'codebook' && roles.indexOf(CODER) !== -1 && !newDoc._deleted && ownCoderRecord(newDoc) && (!oldDoc || oldDoc._deleted || ownCoderRecord(oldDoc));
    if (!ownCoder) refuse(LEADS_ONLY);
  }
  if (newDoc._deleted) return;
  if (newDoc.tm !== FORMAT) refuse(id + ' is not a Threadmark document (no "tm": ' + FORMAT + ')');
  if (TABLES.indexOf(newDoc.table) === -1) refuse('a ' + KIND + ' database holds no "' + newDoc.table + '" documents (' + id + ')');
  if (id.indexOf(newDoc.table + ':') !== 0) refuse(id + ' does not start with its table "' + newDoc.table + ':"');
  if (newDoc.record !== undefined && (newDoc.record === null || id !== newDoc.table + ':' + newDoc.record.id)) refuse(id + ' does not name its record (' + newDoc.table + ':<record.id>)');
  if (KIND === 'layer' && newDoc.owner !== OWNER) refuse(LAYER_OWNER);
}`;
}

export function designDocOf(project: string, db: SyncDatabase): DesignDoc {
  const threadmark: DesignDoc['threadmark'] = { project, kind: db.kind };
  if (db.kind === 'layer') threadmark.owner = userNameOf(db.user);
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: validateDocUpdateSource(project, db), threadmark };
}
