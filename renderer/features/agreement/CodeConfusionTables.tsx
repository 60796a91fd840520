import type { CodeConfusion, ConfusionDirection } from '@shared/agreement/report/confusion';
import { formatShare } from '@shared/agreement/report/format';
import { Isolated } from '../../app/ui/Isolated';

interface Props {
  confusion: CodeConfusion;
  codePathText: string;
  /** Code id → path, for the codes counted. */
  codePaths: ReadonlyMap<string, string>;
  coderNames: ReadonlyMap<string, string>;
}

/**
 * "What B used where A used X", both ways round, for one code and one pair of coders: the counts
 * of shared/agreement/report/confusion.ts as two small tables.
 */
export function CodeConfusionTables({ confusion, codePathText, codePaths, coderNames }: Props) {
  const names = confusion.directions.map((d) => coderNames.get(d.coderId) ?? d.coderId);
  return (
    <div className="confusion">
      <p className="panel-sub">
        Post as unit, over the {confusion.compared} {confusion.compared === 1 ? 'post' : 'posts'} both {names[0]} and {names[1]} had. A post counts
        once for each code applied in it, so the counts can add up to more than the posts.
      </p>
      <div className="confusion-tables">
        {confusion.directions.map((direction) => (
          <DirectionTable
            key={direction.coderId}
            direction={direction}
            codeId={confusion.codeId}
            codePathText={codePathText}
            codePaths={codePaths}
            coderNames={coderNames}
          />
        ))}
      </div>
    </div>
  );
}

function DirectionTable({
  direction,
  codeId,
  codePathText,
  codePaths,
  coderNames,
}: {
  direction: ConfusionDirection;
  codeId: string;
  codePathText: string;
  codePaths: ReadonlyMap<string, string>;
  coderNames: ReadonlyMap<string, string>;
}) {
  const coder = coderNames.get(direction.coderId) ?? direction.coderId;
  const other = coderNames.get(direction.otherId) ?? direction.otherId;
  const caption = `What ${other} applied where ${coder} applied ${codePathText}`;
  if (direction.posts === 0) {
    return (
      <p className="confusion-empty" data-coder={coder}>
        <Isolated>{coder}</Isolated> did not apply <Isolated>{codePathText}</Isolated> to any post both coders had.
      </p>
    );
  }
  const share = (n: number) => formatShare(n / direction.posts);
  return (
    <table className="agreement-table confusion-table" data-coder={coder} data-other={other}>
      <caption>
        {caption} <span className="muted">({direction.posts} {direction.posts === 1 ? 'post' : 'posts'})</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <Isolated>{other}</Isolated> applied
          </th>
          <th scope="col" className="num">
            Posts
          </th>
          <th scope="col" className="num">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {direction.used.map((used) => (
          <tr key={used.codeId} data-code={codePaths.get(used.codeId) ?? used.codeId} className={used.codeId === codeId ? 'same-code' : undefined}>
            <th scope="row">
              {codePaths.get(used.codeId) ?? used.codeId}
              {used.codeId === codeId ? <span className="muted"> (the same code)</span> : null}
            </th>
            <td className="num" data-count="">
              {used.posts}
            </td>
            <td className="num">{share(used.posts)}</td>
          </tr>
        ))}
        {direction.nothing > 0 ? (
          <tr data-code="">
            <th scope="row">
              <em>no code at all</em>
            </th>
            <td className="num" data-count="">
              {direction.nothing}
            </td>
            <td className="num">{share(direction.nothing)}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
