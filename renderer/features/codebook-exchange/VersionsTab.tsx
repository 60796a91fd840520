import type { Coder, CodebookVersion } from '@shared/model/records';

import { formatPostTime } from '../threads/format-time';

interface Props {
  versions: readonly CodebookVersion[] | undefined;
  coders: ReadonlyMap<string, Coder>;
  onNameVersion: () => void;
  onCompareWithCurrent: (versionId: string) => void;
}

/** The named versions, newest first, each comparable with the codebook as it is now. */
export function VersionsTab({ versions, coders, onNameVersion, onCompareWithCurrent }: Props) {
  return (
    <>
      <div className="row-actions start">
        <button type="button" onClick={onNameVersion}>
          Name this version…
        </button>
      </div>
      {versions === undefined ? (
        <p role="status">Loading the versions…</p>
      ) : versions.length === 0 ? (
        <p className="muted">No version is named yet. Name the codebook as it is now, e.g. before sending it to coders, to compare with it later.</p>
      ) : (
        <table className="codebook-table">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Named</th>
              <th scope="col">By</th>
              <th scope="col" className="num">
                Codes
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.id}>
                <th scope="row">{version.name}</th>
                <td className="nowrap">
                  <time dateTime={version.createdAt} title={version.createdAt}>
                    {formatPostTime(version.createdAt)}
                  </time>
                </td>
                <td>{coders.get(version.coderId)?.name ?? 'an unknown coder'}</td>
                <td className="num">{version.codes.length}</td>
                <td>
                  <button type="button" className="link-button" aria-label={`Compare “${version.name}” with the current codebook`} onClick={() => onCompareWithCurrent(version.id)}>
                    Compare with current
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
