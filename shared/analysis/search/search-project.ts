/**
 * A search over a whole project in one call: the index built from the reader's posts, the coded
 * filter read, the search run. `threadmark search` and the parity test use it; the app's Worker
 * keeps its index between searches instead (renderer/features/analysis/search/).
 */
import type { Post } from '../../model/records';
import type { Problem } from '../../problem/problem';
import type { ProjectReader } from '../../project/project-store';
import type { Result } from '../../util/result';
import { codedPostIds } from './coded-posts';
import { runSearch, type SearchEnv, type SearchResult } from './run-search';
import type { SearchRequest } from './search-request';
import { SearchIndex } from './search-index';

/** Every thread's posts, grouped as the index takes them. */
export async function indexProject(reader: ProjectReader): Promise<SearchIndex> {
  const [threads, posts] = await Promise.all([reader.threads(), reader.allPosts()]);
  const byThread = new Map<string, Post[]>();
  for (const post of posts) {
    const list = byThread.get(post.threadId);
    if (list) list.push(post);
    else byThread.set(post.threadId, [post]);
  }
  const index = new SearchIndex();
  index.addThreads(threads.map((thread) => ({ thread, posts: byThread.get(thread.id) ?? [] })));
  return index;
}

/** The coded filter's posts read from the project, then the search. */
export async function searchWithReader(index: SearchIndex, reader: ProjectReader, request: SearchRequest, env: SearchEnv = {}): Promise<Result<SearchResult, Problem>> {
  const coded = request.filters?.coded;
  if (coded) {
    const ids = await codedPostIds(reader, coded);
    if (!ids.ok) return ids;
    return runSearch(index, request, { ...env, codedPostIds: ids.value });
  }
  return runSearch(index, request, env);
}

export async function searchProject(reader: ProjectReader, request: SearchRequest): Promise<Result<SearchResult, Problem>> {
  return searchWithReader(await indexProject(reader), reader, request);
}
