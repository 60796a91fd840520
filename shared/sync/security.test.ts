import { describe, expect, it } from 'vitest';

import { DOC_FORMAT } from './doc-mapping';
import { roleNames } from './names';
import { designDocOf, REFUSAL, securityOf, validateDocUpdateSource } from './security';

type Validate = (newDoc: object, oldDoc: object | null, userCtx: { name: string | null; roles: string[] }, secObj: object) => void;

/** The generated source run as CouchDB runs it: a refusal is a thrown `{ forbidden }`. */
function verdict(source: string, newDoc: object, oldDoc: object | null, user: { name: string | null; roles: string[] }): string {
  const validate = new Function(`return (${source});`)() as Validate;
  try {
    validate(newDoc, oldDoc, user, {});
    return 'accepted';
  } catch (e) {
    return (e as { forbidden?: string }).forbidden ?? `threw ${String(e)}`;
  }
}

const roles = roleNames('p');
const alice = { name: 'alice', roles: [roles.coder] };
const bob = { name: 'bob', roles: [roles.coder] };
const lead = { name: 'lea', roles: [roles.lead] };
const admin = { name: 'root', roles: ['_admin'] };
const otherLead = { name: 'olga', roles: [roleNames('q').lead] };

const coding = (owner: string, id = 'c-1') => ({ _id: `codings:${id}`, tm: DOC_FORMAT, table: 'codings', record: { id }, owner });
const aliceLayer = validateDocUpdateSource('p', { kind: 'layer', user: 'Alice' });
const codebook = validateDocUpdateSource('p', { kind: 'codebook' });

describe('securityOf', () => {
  it('lets in every member to corpus and codebook, a layer its owner and the leads, the consensus the leads', () => {
    expect(securityOf('p', { kind: 'corpus' }).members).toEqual({ names: [], roles: [roles.coder, roles.lead] });
    expect(securityOf('p', { kind: 'codebook' }).members).toEqual({ names: [], roles: [roles.coder, roles.lead] });
    expect(securityOf('p', { kind: 'layer', user: ' Alice ' }).members).toEqual({ names: ['alice'], roles: [roles.lead] });
    expect(securityOf('p', { kind: 'consensus' }).members).toEqual({ names: [], roles: [roles.lead] });
    expect(securityOf('p', { kind: 'consensus' }).admins).toEqual({ names: [], roles: [] });
  });
});

describe('validate_doc_update of a layer', () => {
  it('accepts the owner writing and deleting their own coding, and a lead writing it', () => {
    expect(verdict(aliceLayer, coding('alice'), null, alice)).toBe('accepted');
    expect(verdict(aliceLayer, { _id: 'codings:c-1', _deleted: true }, coding('alice'), alice)).toBe('accepted');
    expect(verdict(aliceLayer, coding('alice'), null, lead)).toBe('accepted');
  });

  it('refuses another owner on the document, whoever writes it', () => {
    expect(verdict(aliceLayer, coding('bob'), null, alice)).toBe(REFUSAL.layerOwner('alice'));
    expect(verdict(aliceLayer, coding('bob'), null, lead)).toBe(REFUSAL.layerOwner('alice'));
    expect(verdict(aliceLayer, { ...coding('alice'), owner: undefined }, null, alice)).toBe(REFUSAL.layerOwner('alice'));
  });

  it('refuses another coder, a lead of another project and an anonymous writer', () => {
    expect(verdict(aliceLayer, coding('alice'), null, bob)).toBe(REFUSAL.layerWriter('alice'));
    expect(verdict(aliceLayer, coding('alice'), null, otherLead)).toBe(REFUSAL.layerWriter('alice'));
    expect(verdict(aliceLayer, coding('alice'), null, { name: null, roles: [] })).toBe(REFUSAL.layerWriter('alice'));
    expect(verdict(aliceLayer, { _id: 'codings:c-1', _deleted: true }, coding('alice'), bob)).toBe(REFUSAL.layerWriter('alice'));
  });

  it('refuses tables the layer does not hold and ids that do not name their record', () => {
    expect(verdict(aliceLayer, { ...coding('alice'), _id: 'codes:c-1', table: 'codes' }, null, alice)).toContain('holds no "codes" documents');
    expect(verdict(aliceLayer, { ...coding('alice'), _id: 'codings:c-2' }, null, alice)).toContain('does not name its record');
    expect(verdict(aliceLayer, { ...coding('alice'), _id: 'memos:c-1' }, null, alice)).toContain('does not start with its table');
    expect(verdict(aliceLayer, { ...coding('alice'), tm: 2 }, null, alice)).toContain('is not a Threadmark document');
  });

  it('lets only the server admin change the design', () => {
    expect(verdict(aliceLayer, { _id: '_design/threadmark' }, null, lead)).toBe(REFUSAL.design);
    expect(verdict(aliceLayer, { _id: '_design/threadmark' }, null, admin)).toBe('accepted');
  });
});

describe('validate_doc_update of the shared databases', () => {
  const code = { _id: 'codes:k-1', tm: DOC_FORMAT, table: 'codes', record: { id: 'k-1' } };
  const journal = { _id: 'journal:e-1', tm: DOC_FORMAT, table: 'journal', entry: { id: 'e-1' } };

  it('lets leads and the admin change the codebook, not coders', () => {
    expect(verdict(codebook, code, null, lead)).toBe('accepted');
    expect(verdict(codebook, code, null, admin)).toBe('accepted');
    expect(verdict(codebook, code, null, alice)).toBe(REFUSAL.leadsOnly('codebook'));
    expect(verdict(codebook, code, null, otherLead)).toBe(REFUSAL.leadsOnly('codebook'));
  });

  it("lets a coder create and update their own coder record in the codebook, nothing else there", () => {
    const coderDoc = (id: string, name: string) => ({ _id: `coders:${id}`, tm: DOC_FORMAT, table: 'coders', record: { id, name } });
    expect(verdict(codebook, coderDoc('c-a', ' Alice '), null, alice)).toBe('accepted');
    expect(verdict(codebook, coderDoc('c-a', 'alice'), coderDoc('c-a', 'Alice'), alice)).toBe('accepted');
    // Someone else's record, renaming someone else's record to oneself, deleting one's own record.
    expect(verdict(codebook, coderDoc('c-b', 'bob'), null, alice)).toBe(REFUSAL.leadsOnly('codebook'));
    expect(verdict(codebook, coderDoc('c-b', 'alice'), coderDoc('c-b', 'bob'), alice)).toBe(REFUSAL.leadsOnly('codebook'));
    expect(verdict(codebook, { _id: 'coders:c-a', _deleted: true }, coderDoc('c-a', 'alice'), alice)).toBe(REFUSAL.leadsOnly('codebook'));
    // Not a member of this project: a coder of another one.
    expect(verdict(codebook, coderDoc('c-a', 'alice'), null, { name: 'alice', roles: [roleNames('q').coder] })).toBe(REFUSAL.leadsOnly('codebook'));
    // Only in the codebook.
    expect(verdict(validateDocUpdateSource('p', { kind: 'corpus' }), coderDoc('c-a', 'alice'), null, alice)).toBe(REFUSAL.leadsOnly('corpus'));
  });

  it('keeps journal documents as first written: no update, no deletion, not even by the admin', () => {
    expect(verdict(codebook, journal, null, lead)).toBe('accepted');
    expect(verdict(codebook, { ...journal, entry: { id: 'e-1', label: 'x' } }, journal, lead)).toBe(REFUSAL.journal);
    expect(verdict(codebook, { _id: 'journal:e-1', _deleted: true }, journal, admin)).toBe(REFUSAL.journal);
  });

  it('holds only its own tables: posts pages in the corpus, decisions and consensus codings in the consensus', () => {
    const corpus = validateDocUpdateSource('p', { kind: 'corpus' });
    const consensus = validateDocUpdateSource('p', { kind: 'consensus' });
    expect(verdict(corpus, { _id: 'posts:t-1:p-1', tm: DOC_FORMAT, table: 'posts', threadId: 't-1', posts: [] }, null, lead)).toBe('accepted');
    expect(verdict(corpus, code, null, lead)).toContain('holds no "codes" documents');
    expect(verdict(corpus, journal, null, lead)).toContain('holds no "journal" documents');
    expect(verdict(consensus, { _id: 'decisions:d-1', tm: DOC_FORMAT, table: 'decisions', record: { id: 'd-1' } }, null, lead)).toBe('accepted');
    expect(verdict(consensus, { ...coding('x'), owner: undefined }, null, lead)).toBe('accepted');
    expect(verdict(consensus, { ...coding('x'), owner: undefined }, null, alice)).toBe(REFUSAL.leadsOnly('consensus'));
  });
});

describe('designDocOf', () => {
  it('names the database it guards and carries its function', () => {
    const design = designDocOf('p', { kind: 'layer', user: 'Alice' });
    expect(design).toMatchObject({ _id: '_design/threadmark', language: 'javascript', threadmark: { project: 'p', kind: 'layer', owner: 'alice' } });
    expect(design.validate_doc_update).toBe(aliceLayer);
  });

  it('writes names into the source as JSON strings, so a quote cannot break out', () => {
    const source = validateDocUpdateSource('p', { kind: 'layer', user: 'o"brien' });
    expect(verdict(source, coding('o"brien'), null, { name: 'o"brien', roles: [] })).toBe('accepted');
  });
});
