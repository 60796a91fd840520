/** What a coder file's memos and relations would add to the project (planned by shared/project/operations/coder-layer-extras.ts). */
import type { Memo, Relation, RelationCode } from '../model/records';

export interface LayerExtrasPlan {
  /** Project coder id → their memos on this project's targets (ids and targets mapped). */
  memosByCoder: Map<string, Memo[]>;
  /** Project coder id → their relations between this project's posts (ids mapped, none already held). */
  relationsByCoder: Map<string, Relation[]>;
  /** Relation codes the planned relations need that the project lacks (matched by name). */
  relationCodesToAdd: RelationCode[];
  /** Each memo or relation of the file that does not come in, and why. */
  leftOut: string[];
}
