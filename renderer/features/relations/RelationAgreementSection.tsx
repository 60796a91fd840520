import { useMemo } from 'react';

import { relationAgreement } from '@shared/agreement/units/relation-unit';
import { relationAgreementInput } from '@shared/project/queries/relation-agreement-input';

import { useServices } from '../../app/services';
import { useProjectQuery } from '../../db/use-project-query';
import './relations.css';

const fixed = (x: number | null): string => (x === null ? '—' : x.toFixed(3));

/**
 * Agreement on relations between posts (the same computation as `threadmark agree --unit
 * relation`): a unit per ordered pair of posts someone related, valued by relation code or none;
 * α (nominal) and F1, overall and per relation code, between every coder who drew relations.
 */
export function RelationAgreementSection() {
  const { db } = useServices();
  const input = useProjectQuery(db, relationAgreementInput, []);
  const result = useMemo(() => (input && input.relations.length > 0 ? relationAgreement(input) : null), [input]);
  if (!result) return null;
  return (
    <section className="relation-agreement" aria-labelledby="relation-agreement-title">
      <h2 id="relation-agreement-title">Agreement on relations</h2>
      {'error' in result ? (
        <p className="empty">{result.error[0]!.toUpperCase() + result.error.slice(1)}.</p>
      ) : (
        <>
          <p className="note">
            Coders: {result.coders.map((c) => c.name).join(', ')}. A unit is an ordered pair of posts one of them related; its value is the relation code, or none.
          </p>
          <table className="relation-agreement-table">
            <caption className="visually-hidden">Agreement on relations, overall and per relation code</caption>
            <thead>
              <tr>
                <th scope="col">Relation code</th>
                <th scope="col">Units</th>
                <th scope="col">α (nominal)</th>
                <th scope="col">F1</th>
                {result.coders.map((c) => (
                  <th key={c.id} scope="col">
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">All relations</th>
                <td>{result.overall.units}</td>
                <td title={result.overall.alphaReason}>{fixed(result.overall.alpha)}</td>
                <td>{fixed(result.overall.f1)}</td>
                {result.coders.map((c) => (
                  <td key={c.id}>{result.perCode.reduce((n, code) => n + (code.byCoder[result.coders.indexOf(c)] ?? 0), 0)}</td>
                ))}
              </tr>
              {result.perCode.map((code) => (
                <tr key={code.relationCodeId}>
                  <th scope="row">{code.name}</th>
                  <td>{code.units}</td>
                  <td title={code.alphaReason}>{fixed(code.alpha)}</td>
                  <td>{fixed(code.f1)}</td>
                  {code.byCoder.map((n, i) => (
                    <td key={result.coders[i]!.id}>{n}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
