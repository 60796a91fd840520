/**
 * View → Show pseudonyms: authors on screen shown by the alias every export gives them (for a talk,
 * a screen share or a supervision meeting), from the core's `authorAliases` query over the whole
 * project. Off, or while the aliases are being read, authors show as stored.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

import type { Post } from '@shared/model/records';
import { authorAliases, type AuthorAliases } from '@shared/project/queries/author-aliases';

import { useServices } from '../../app/services';
import { storeOf } from '../../db/project-store';
import { useProjectQuery } from '../../db/use-project-query';
import { ensureSecret } from '../files/export-privacy';

type AuthorName = (post: Pick<Post, 'platform' | 'author'>) => string;

const asStored: AuthorName = (post) => post.author;
const AuthorNames = createContext<AuthorName>(asStored);

/** The author's name as this window shows it: their alias while "Show pseudonyms" is on. */
export const useAuthorName = (): AuthorName => useContext(AuthorNames);

export function AuthorNamesProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const services = useServices();
  const { db } = services;
  const [aliases, setAliases] = useState<AuthorAliases | null>(null);
  // New posts can bring new people (and so move a colliding alias): read again when the post count changes.
  const posts = useProjectQuery(db, async (reader) => [...(await reader.threadStats()).values()].reduce((n, s) => n + s.postCount, 0), []);
  useEffect(() => {
    if (!enabled) {
      setAliases(null);
      return;
    }
    let live = true;
    void (async () => {
      await ensureSecret(services);
      const read = await storeOf(db).read(authorAliases);
      if (live) setAliases(read);
    })();
    return () => {
      live = false;
    };
    // services is one object per window; db and the post count decide what is read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, db, posts]);
  // The same function while the aliases stay: a new context value re-renders every post.
  const name = useMemo<AuthorName>(() => (enabled && aliases ? (post) => aliases.of(post.platform, post.author) : asStored), [enabled, aliases]);
  return <AuthorNames.Provider value={name}>{children}</AuthorNames.Provider>;
}
