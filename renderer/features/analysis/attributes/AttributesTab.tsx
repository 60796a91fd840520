import { useId, useMemo, useState } from 'react';

import { attributesOf, type AttributeTable } from '@shared/analysis/attributes/attributes-of';
import type { AttributeScope, AttributeType } from '@shared/model/records';
import { formatProblem, type Problem } from '@shared/problem/problem';
import { attributeCsvProblems } from '@shared/project/operations/attributes-import';

import { useServices } from '../../../app/services';
import { ConfirmDialog } from '../../../app/ui/ConfirmDialog';
import { storeOf } from '../../../db/project-store';
import { useProjectQuery } from '../../../db/use-project-query';
import { PseudonymiseOption } from '../../files/PseudonymiseOption';
import type { AnalysisTabProps } from '../AnalysisView';
import { AttributeCell } from './AttributeCell';
import { exportAttributesCsv } from './export-attributes';
import { useAttributeActions } from './use-attribute-actions';
import './attributes.css';

const SCOPES: ReadonlyArray<{ scope: AttributeScope; label: string; one: string }> = [
  { scope: 'author', label: 'Authors', one: 'Author' },
  { scope: 'thread', label: 'Threads', one: 'Thread' },
];
const TYPES: ReadonlyArray<{ type: AttributeType; label: string }> = [
  { type: 'text', label: 'Text' },
  { type: 'number', label: 'Number' },
  { type: 'date', label: 'Date (YYYY-MM-DD)' },
];
/** Cases drawn at once: the filter narrows a longer table. */
const SHOWN = 300;
const sentence = (p: Problem): string => `${p.message.charAt(0).toUpperCase()}${p.message.slice(1)}.`;

/**
 * Analysis → Attributes: authors and threads as cases, their platform attributes (derived from the
 * corpus, read-only) and user attributes (edited in place), with CSV import and export.
 */
export function AttributesTab(_props: AnalysisTabProps) {
  const services = useServices();
  const id = useId();
  const tables = useProjectQuery(services.db, attributesOf, []);
  const projectName = useProjectQuery(services.db, async (r) => (await r.project())?.name ?? 'project', []);
  const actions = useAttributeActions();
  const [scope, setScope] = useState<AttributeScope>('author');
  const [filter, setFilter] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('text');
  const [problems, setProblems] = useState<string[]>([]);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const [pseudonymize, setPseudonymize] = useState(true);
  const table: AttributeTable | undefined = tables?.[scope];
  const cases = useMemo(() => {
    if (!table) return [];
    const words = filter.trim().toLowerCase();
    return words === '' ? table.cases : table.cases.filter((c) => c.label.toLowerCase().includes(words) || Object.values(c.values).some((v) => String(v).toLowerCase().includes(words)));
  }, [table, filter]);
  if (!tables || !table) return <p className="empty">Loading attributes…</p>;
  const one = SCOPES.find((s) => s.scope === scope)!.one;

  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await actions.define(scope, name, type);
    if (!result.ok) setProblems([sentence(result.error)]);
    else {
      setProblems([]);
      setName('');
    }
  };
  const exportCsv = () => exportAttributesCsv(services, scope, projectName ?? 'project', { pseudonymize });
  const importCsv = async () => {
    const opened = await services.platform.openTextFile(`Import ${scope} attributes`, [{ name: 'CSV', extensions: ['csv', 'tsv', 'txt'] }]);
    if (!opened.ok) return setProblems([`Could not open the file: ${opened.error}`]);
    if (!opened.value) return;
    const input = { scope, fileName: opened.value.name, text: opened.value.content };
    const found = await storeOf(services.db).read((reader) => attributeCsvProblems(reader, input));
    if (found.length > 0) return setProblems([`Nothing was imported from ${opened.value.name}:`, ...found.map((p) => formatProblem(p, { field: 'column' }))]);
    const result = await actions.importCsv(scope, input.fileName, input.text);
    setProblems(result.ok ? [] : [formatProblem(result.error, { field: 'column' })]);
  };

  return (
    <div className="attributes-tab">
      <div className="attributes-controls">
        <fieldset className="attributes-scope">
          <legend className="visually-hidden">Cases</legend>
          {SCOPES.map((s) => (
            <label key={s.scope}>
              <input type="radio" name={`${id}-scope`} value={s.scope} checked={scope === s.scope} onChange={() => setScope(s.scope)} /> {s.label}
            </label>
          ))}
        </fieldset>
        <form className="attributes-add" onSubmit={(e) => void add(e)} aria-label={`Add an ${scope} attribute`}>
          <label htmlFor={`${id}-name`}>New {scope} attribute</label>
          <input id={`${id}-name`} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
          <label htmlFor={`${id}-type`} className="visually-hidden">
            Type
          </label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as AttributeType)}>
            {TYPES.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
          <button type="submit" disabled={name.trim() === ''}>
            Add attribute
          </button>
        </form>
        <div className="toolbar">
          <button type="button" onClick={() => void importCsv()}>
            Import CSV…
          </button>
          <button type="button" onClick={() => void exportCsv()}>
            Export CSV
          </button>
          <PseudonymiseOption checked={pseudonymize} onChange={setPseudonymize} />
          <span className="choice-hint">A pseudonymised file is for leaving the project; Import CSV takes the identified one (untick to export it), since its authors are the real names.</span>
        </div>
      </div>
      {problems.length > 0 ? (
        <div className="field-error" role="alert">
          {problems.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      ) : null}
      <div className="attributes-filter">
        <label htmlFor={`${id}-filter`}>Filter {scope}s</label>
        <input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="hint" aria-live="polite">
          {cases.length === table.cases.length ? `${cases.length} ${scope}s` : `${cases.length} of ${table.cases.length} ${scope}s`}
          {cases.length > SHOWN ? `; showing the first ${SHOWN}` : ''}
        </span>
      </div>
      <p id={`${id}-keys`} className="hint">
        Platform attributes come from the imported posts and cannot be edited. Edit your own attributes in place: Enter or ↓ stores and goes down, ↑ goes up, Escape undoes the typing, an empty cell clears the value.
      </p>
      <div className="attributes-scroll">
        <table className="attributes-table" aria-describedby={`${id}-keys`}>
          <caption className="visually-hidden">{SCOPES.find((s) => s.scope === scope)!.label} and their attributes</caption>
          <thead>
            <tr>
              <th scope="col">{one}</th>
              {table.columns.map((c) => (
                <th key={c.name} scope="col" data-source={c.source}>
                  {c.name}
                  <span className="attribute-type">{c.source === 'platform' ? ' (platform)' : ` (${c.type})`}</span>
                  {c.source === 'user' && c.attributeId ? (
                    <button
                      type="button"
                      className="link"
                      aria-label={`Delete the attribute ${c.name}`}
                      onClick={() => setDeleting({ id: c.attributeId!, name: c.name })}
                    >
                      ×
                    </button>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cases.slice(0, SHOWN).map((c, row) => (
              <tr key={c.subject}>
                <th scope="row">{c.label}</th>
                {table.columns.map((col, column) => (
                  <td key={col.name}>
                    {col.source === 'user' && col.attributeId ? (
                      <AttributeCell
                        value={c.values[col.name]}
                        type={col.type}
                        label={`${col.name} of ${c.label}`}
                        row={row}
                        column={column}
                        onCommit={async (text, base) => {
                          const result = await actions.setValue(col.attributeId!, c.subject, text, base);
                          setProblems(result.ok ? [] : [sentence(result.error)]);
                          return result.ok ? null : sentence(result.error);
                        }}
                      />
                    ) : (
                      <span>{c.values[col.name] ?? ''}</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {deleting ? (
        <ConfirmDialog
          title={`Delete the ${scope} attribute “${deleting.name}”?`}
          description="Its values go with it. Ctrl+Z brings both back."
          confirmLabel={`Delete “${deleting.name}”`}
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            const result = await actions.remove(deleting.id);
            if (!result.ok) return sentence(result.error);
            setDeleting(null);
            return undefined;
          }}
        />
      ) : null}
    </div>
  );
}
