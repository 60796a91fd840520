import { useId, useState } from 'react';

import type { RelationCode } from '@shared/model/records';
import { defineRelationCode, deleteRelationCode, editRelationCode, moveRelationCode } from '@shared/project/operations/relations';
import { sortRelationCodes } from '@shared/project/queries/relation-order';

import { useServices } from '../../app/services';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { Dialog } from '../../app/ui/Dialog';
import { FormDialogActions } from '../../app/ui/NameDialog';
import { useProjectQuery } from '../../db/use-project-query';
import { useRelationRun } from './use-relation-run';
import './relations.css';

/**
 * The relation codebook beside the code tree: named, directed relation codes ("deflects to",
 * "equates with") with a definition and colour, each with its count of relations; add, edit,
 * reorder and delete (its relations go with it, and undo brings them back).
 */
export function RelationCodebook() {
  const id = useId();
  const { db, announce } = useServices();
  const run = useRelationRun();
  const data = useProjectQuery(
    db,
    async (reader) => {
      const [codes, relations] = await Promise.all([reader.relationCodes(), reader.relations()]);
      const counts = new Map<string, number>();
      for (const r of relations) counts.set(r.relationCodeId, (counts.get(r.relationCodeId) ?? 0) + 1);
      return { codes: sortRelationCodes(codes), counts };
    },
    [],
  );
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<RelationCode | null>(null);
  const [deleting, setDeleting] = useState<RelationCode | null>(null);
  const codes = data?.codes ?? [];

  return (
    <section className="relation-codebook" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Relations</h2>
      {codes.length === 0 ? <p className="panel-sub">Directed relations between posts, such as “deflects to” or “answers”.</p> : null}
      <ul aria-label="Relation codes">
        {codes.map((code, i) => (
          <li key={code.id} title={code.definition || undefined}>
            <span className="swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
            <span>{code.name}</span>
            <span className="relation-count" aria-label={`${data?.counts.get(code.id) ?? 0} relations`}>
              {data?.counts.get(code.id) ?? 0}
            </span>
            <button type="button" aria-label={`Move “${code.name}” up`} disabled={i === 0} onClick={() => void run('move relation code', moveRelationCode, { relationCodeId: code.id, by: -1 })}>
              ↑
            </button>
            <button type="button" aria-label={`Edit “${code.name}”`} onClick={() => setEditing(code)}>
              Edit
            </button>
            <button type="button" aria-label={`Delete “${code.name}”`} onClick={() => setDeleting(code)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run('add relation code', defineRelationCode, { name }).then((r) => (r.ok ? setName('') : announce(r.error.message, 'error')));
        }}
      >
        <input aria-label="New relation code" placeholder="New relation code" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={name.trim() === ''}>
          Add relation code
        </button>
      </form>
      {editing ? <RelationCodeDialog code={editing} onClose={() => setEditing(null)} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete the relation code “${deleting.name}”?`}
          description={`Its ${data?.counts.get(deleting.id) ?? 0} relations are deleted with it. Undo brings them back.`}
          confirmLabel={`Delete “${deleting.name}”`}
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            const r = await run('delete relation code', deleteRelationCode, { relationCodeId: deleting.id });
            if (!r.ok) return r.error.message;
            setDeleting(null);
            return undefined;
          }}
        />
      ) : null}
    </section>
  );
}

function RelationCodeDialog({ code, onClose }: { code: RelationCode; onClose: () => void }) {
  const id = useId();
  const run = useRelationRun();
  const [name, setName] = useState(code.name);
  const [definition, setDefinition] = useState(code.definition);
  const [color, setColor] = useState(code.color);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      as="form"
      labelledBy={`${id}-title`}
      onCancel={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        void run('edit relation code', editRelationCode, { relationCodeId: code.id, name, definition, color }).then((r) => (r.ok ? onClose() : setError(r.error.message)));
      }}
    >
      <h2 id={`${id}-title`}>Edit the relation code “{code.name}”</h2>
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} value={name} maxLength={100} autoFocus onChange={(e) => setName(e.target.value)} />
      <label htmlFor={`${id}-definition`}>Definition</label>
      <textarea id={`${id}-definition`} rows={3} value={definition} onChange={(e) => setDefinition(e.target.value)} />
      <label htmlFor={`${id}-color`}>Colour</label>
      <input id={`${id}-color`} type="color" value={color} onChange={(e) => setColor(e.target.value)} />
      <FormDialogActions error={error} confirmLabel="Save" confirmDisabled={name.trim() === ''} onCancel={onClose} />
    </Dialog>
  );
}
