import { formatValue } from '@shared/agreement/report/format';
import { codersByName, versionsNewestFirst } from '@shared/project/queries/codebook-reads';
import { roundSummaries } from '@shared/project/queries/round-summary';

import { useServices } from '../../app/services';
import { useProjectQuery } from '../../db/use-project-query';
import { formatPostTime } from '../threads/format-time';
import { RoundChart } from './RoundChart';
import { roundRows } from './round-rows';
import { codeSeries } from './round-series';
import { Isolated } from '../../app/ui/Isolated';

interface Props {
  onStartRound: () => void;
  onPreparePackages: (roundId: string) => void;
}

/**
 * The team loop's rounds: each one's sample, codebook version, coders and instructions, and how
 * each code's Krippendorff α moved from round to round (the convergence the loop is for).
 */
export function RoundsView({ onStartRound, onPreparePackages }: Props) {
  const { db } = useServices();
  const rows = useProjectQuery(
    db,
    async (reader) => {
      const [rounds, versions, coders] = await Promise.all([reader.rounds(), versionsNewestFirst(reader), codersByName(reader)]);
      return roundRows(rounds, versions, coders);
    },
    [],
  );
  const summaries = useProjectQuery(db, roundSummaries, []);

  if (rows === undefined) return <p className="empty">Reading the rounds…</p>;
  if (rows.length === 0) {
    return (
      <div className="rounds-view">
        <section className="rounds-empty" aria-labelledby="rounds-empty-title">
          <h2 id="rounds-empty-title">No rounds yet</h2>
          <p>
            In a round, two or more coders code the same sample of posts blind, each in a package file of their own, and return their codings to you. Add
            their files, see each code’s agreement, revise the codebook and start the next round, until every code you keep is above .800.
          </p>
          <button type="button" className="primary" onClick={onStartRound}>
            Reliability sample…
          </button>
        </section>
      </div>
    );
  }

  const series = summaries ? codeSeries(summaries) : null;
  const compared = summaries?.some((s) => s.units > 0) ?? false;
  return (
    <div className="rounds-view">
      <div className="rounds-head">
        <h2 id="rounds-title">Rounds</h2>
        <button type="button" onClick={onStartRound}>
          Reliability sample…
        </button>
      </div>
      <div className="table-wrap">
        <table className="agreement-table rounds-table" aria-labelledby="rounds-title">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Round</th>
              <th scope="col">Started</th>
              <th scope="col">Codebook</th>
              <th scope="col">Coders</th>
              <th scope="col" className="num">
                Posts
              </th>
              <th scope="col">Instructions</th>
              <th scope="col">
                <span className="visually-hidden">Packages</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...rows].reverse().map((r) => (
              <tr key={r.id} data-round={r.name}>
                <td className="num">{r.number}</td>
                <th scope="row">
                  <Isolated>{r.name}</Isolated>
                  <div className="muted round-how">{r.how}</div>
                </th>
                <td>
                  <time dateTime={r.createdAt}>{formatPostTime(r.createdAt)}</time>
                </td>
                <td>{r.versionName}</td>
                <td>{r.coderNames.join(', ')}</td>
                <td className="num">{r.posts}</td>
                <td className="round-instructions">{r.instructions || <span className="muted">none</span>}</td>
                <td>
                  <button type="button" aria-label={`Prepare packages for ${r.name}`} onClick={() => onPreparePackages(r.id)}>
                    Prepare packages…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section className="rounds-convergence" aria-labelledby="convergence-title">
        <h2 id="convergence-title">Agreement per round</h2>
        <p className="panel-sub">
          Krippendorff’s α (nominal; is the code in the post?) on each round’s posts that two or more of its coders returned. Dashed lines: .667 and .800.
        </p>
        {series === null ? (
          <p className="muted">Computing…</p>
        ) : !compared ? (
          <p className="muted">α appears here once two coders’ files of a round are added (Team → Add coder files…).</p>
        ) : (
          <>
            <div className="round-charts">
              {series.charted.map((s) => (
                <RoundChart key={s.codeId} series={s} />
              ))}
            </div>
            {series.undefinedEverywhere.length > 0 ? (
              <p className="muted">
                α is not defined in any round for {series.undefinedEverywhere.map((s) => s.path).join(', ')} (no coder applied it, or every coder applied it
                everywhere).
              </p>
            ) : null}
            <details className="rounds-alpha-table">
              <summary>The same numbers as a table</summary>
              <div className="table-wrap">
                <table className="agreement-table">
                  <caption className="visually-hidden">Krippendorff’s α per code and round</caption>
                  <thead>
                    <tr>
                      <th scope="col">Code</th>
                      {summaries!.map((s) => (
                        <th key={s.roundId} scope="col" className="num">
                          <Isolated>{s.name}</Isolated> <span className="muted">({s.units} posts)</span>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {[...series.charted, ...series.undefinedEverywhere].map((s) => (
                      <tr key={s.codeId}>
                        <th scope="row">
                          <Isolated>{s.path}</Isolated>
                        </th>
                        {s.points.map((p) => (
                          <td key={p.number} className="num" title={p.value === null ? s.reasons.get(p.number) : undefined}>
                            {p.value === null ? '—' : formatValue(p.value)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        )}
      </section>
    </div>
  );
}
