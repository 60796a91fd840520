import { relationFrequency } from '@shared/analysis/relations/relation-frequency';

import { useServices } from '../../app/services';
import { useProjectQuery } from '../../db/use-project-query';
import './relations.css';

/** Tables & charts: how often each relation code was given, per coder, in how many threads. */
export function RelationFrequencyTable() {
  const { db } = useServices();
  const table = useProjectQuery(db, async (r) => relationFrequency(await r.relationCodes(), await r.relations(), await r.coders()), []);
  if (!table || table.rows.length === 0) return null;
  return (
    <section className="relation-frequency" aria-labelledby="relation-frequency-title">
      <h2 id="relation-frequency-title">Relations between posts</h2>
      <table>
        <caption className="visually-hidden">Relations per relation code and coder</caption>
        <thead>
          <tr>
            <th scope="col">Relation code</th>
            {table.coders.map((c) => (
              <th key={c.id} scope="col">
                {c.name}
              </th>
            ))}
            <th scope="col">Total</th>
            <th scope="col">Threads</th>
            <th scope="col">Post to post</th>
            <th scope="col">With a span</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.relationCodeId}>
              <th scope="row">
                <span className="swatch" style={{ backgroundColor: row.color }} aria-hidden="true" /> {row.name}
              </th>
              {row.byCoder.map((n, i) => (
                <td key={table.coders[i]!.id}>{n}</td>
              ))}
              <td>{row.total}</td>
              <td>{row.threads}</td>
              <td>{row.postToPost}</td>
              <td>{row.withSpan}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
