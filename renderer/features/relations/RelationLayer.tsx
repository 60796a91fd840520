import { RelationDetailsDialog } from './RelationDetailsDialog';
import { RelationDialog } from './RelationDialog';
import type { ThreadRelationsView } from './use-thread-relations-view';
import './relations.css';

/** The thread view's relation chrome: the waiting relation's banner and the relation dialogs. */
export function RelationLayer({ view, onJump }: { view: ThreadRelationsView; onJump: (postId: string) => void }) {
  return (
    <>
      {view.draft ? (
        <p className="relation-banner" role="note">
          <span>
            Relating from {view.draft.fromLabel}: move to the target post (select text in it for a span) and press Enter, or click its “Relate here”.
          </span>
          <button type="button" onClick={view.cancel}>
            Cancel relation
          </button>
        </p>
      ) : null}
      {view.pair ? <RelationDialog pair={view.pair} /> : null}
      {view.opened ? (
        <RelationDetailsDialog relation={view.opened} code={view.codesById.get(view.opened.relationCodeId)} postsById={view.postsById} onJump={onJump} onClose={view.close} />
      ) : null}
    </>
  );
}
