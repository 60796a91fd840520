/**
 * The screen's "Show pseudonyms": each author's alias exactly as the project's exports give it
 * (shared/privacy), read through the port so the app's Dexie store and the bundle store agree.
 * Null while the project has no secret yet (the app makes one with `project.pseudonym-secret`).
 */
import { authorKey } from '../../privacy/handles';
import { peopleOf, projectAliases, type People, type PeopleSource } from '../../privacy/pseudonymise-bundle';
import type { Platform } from '../../model/records';
import type { ProjectReader } from '../project-store';

export interface AuthorAliases {
  /** The alias shown for an author as stored; the stored name for placeholders ("[deleted]"). */
  of(platform: Platform, author: string): string;
}

/** The project's people as every export sees them (the whole project read), or null without a secret. */
export async function projectPeople(reader: ProjectReader): Promise<People | null> {
  const source = await peopleSource(reader);
  return source && peopleOf(source.source, source.secret);
}

async function peopleSource(reader: ProjectReader): Promise<{ source: PeopleSource; secret: string } | null> {
  const project = await reader.project();
  const secret = project?.pseudonymSecret;
  if (secret === undefined) return null;
  const [threads, posts, codings, memos, decisions, relations] = await Promise.all([reader.threads(), reader.allPosts(), reader.allCodings(), reader.memos(), reader.decisions(), reader.relations()]);
  return { source: { threads, posts, codings, memos, decisions, relations }, secret };
}

export async function authorAliases(reader: ProjectReader): Promise<AuthorAliases | null> {
  const read = await peopleSource(reader);
  if (read === null) return null;
  const aliases = projectAliases(read.source, read.secret);
  return {
    of: (platform, author) => {
      const key = authorKey(platform, author);
      return (key === null ? undefined : aliases.get(key)) ?? author;
    },
  };
}
