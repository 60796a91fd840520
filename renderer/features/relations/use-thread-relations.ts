import { useMemo } from 'react';

import type { Relation, RelationCode } from '@shared/model/records';
import { sortRelationCodes } from '@shared/project/queries/relation-order';

import { useServices } from '../../app/services';
import { useProjectQuery } from '../../db/use-project-query';

export interface ThreadRelations {
  codes: RelationCode[];
  codesById: ReadonlyMap<string, RelationCode>;
  /** Per post id, the relations with an end in it (a relation is listed under both its posts). */
  byPost: ReadonlyMap<string, readonly Relation[]>;
  all: readonly Relation[];
}

const EMPTY: ThreadRelations = { codes: [], codesById: new Map(), byPost: new Map(), all: [] };

/** The relation codebook, live. */
export function useRelationCodes(): RelationCode[] {
  const { db } = useServices();
  return useProjectQuery(db, async (reader) => sortRelationCodes(await reader.relationCodes()), []) ?? [];
}

/** A thread's relations and the relation codebook, kept live. */
export function useThreadRelations(threadId: string | undefined): ThreadRelations {
  const { db } = useServices();
  const data = useProjectQuery(
    db,
    async (reader) => {
      const [codes, relations] = await Promise.all([reader.relationCodes(), threadId ? reader.relationsOfThread(threadId) : Promise.resolve([])]);
      return { codes: sortRelationCodes(codes), relations };
    },
    [threadId],
  );
  return useMemo(() => {
    if (!data) return EMPTY;
    const byPost = new Map<string, Relation[]>();
    const add = (postId: string, r: Relation) => {
      const list = byPost.get(postId);
      if (list) list.push(r);
      else byPost.set(postId, [r]);
    };
    const ordered = [...data.relations].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
    for (const r of ordered) {
      add(r.from.postId, r);
      add(r.to.postId, r);
    }
    return { codes: data.codes, codesById: new Map(data.codes.map((c) => [c.id, c])), byPost, all: ordered };
  }, [data]);
}
