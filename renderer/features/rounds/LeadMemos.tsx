import type { LeadMemo } from '@shared/model/records';

import { useServices } from '../../app/services';
import { Isolated } from '../../app/ui/Isolated';
import { useProjectQuery } from '../../db/use-project-query';

/**
 * In a blind package, the lead's memos on the project and on codes (CoderPackageRef.leadMemos),
 * read-only beside the instructions: they are the lead's, not the coder's, and never go back.
 */
export function LeadMemos({ memos }: { memos: readonly LeadMemo[] }) {
  const { db } = useServices();
  const codeNames = useProjectQuery(db, async (reader) => new Map((await reader.codes()).map((c) => [c.id, c.name])), []);
  return (
    <details className="blind-instructions blind-lead-memos">
      <summary>Lead’s memos ({memos.length})</summary>
      <div role="group" aria-label="The lead’s memos, read-only">
        {memos.map((m, i) => (
          <figure key={i}>
            <figcaption>
              {m.target.kind === 'project' ? 'On the project' : <>On the code “<Isolated>{codeNames?.get(m.target.id) ?? m.target.id}</Isolated>”</>} · <Isolated>{m.by}</Isolated>
            </figcaption>
            <p>{m.text}</p>
          </figure>
        ))}
      </div>
    </details>
  );
}
