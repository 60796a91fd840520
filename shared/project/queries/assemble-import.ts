/**
 * Parsed thread files → the threads and posts to add, rebuilt against what the project already
 * holds: posts already stored are skipped, and replies to a thread imported earlier join it under
 * the stored post they answer. The app's import Worker and the CLI both assemble through here.
 */
import { assembleThreads, type AssembleDeps, type AssembledImport, type ExistingPosts } from '../../import/assemble-threads';
import type { ParsedFile } from '../../import/raw-post';
import type { ProjectReader } from '../project-store';


const key = (platform: string, id: string): string => `${platform}\u0000${id}`;

/** The two lookups assembling needs: any ProjectReader has them, and so does the import Worker's target. */
export type StoredPostLookup = Pick<ProjectReader, 'storedPlatformIds' | 'locatePosts'>;

/** Which of the files' posts are stored, and where the stored posts their replies answer are. */
export async function existingPostsFor(reader: StoredPostLookup, files: readonly ParsedFile[]): Promise<ExistingPosts> {
  const platforms = [...new Set(files.flatMap((f) => f.posts.map((p) => p.platform)))];
  const existing = await reader.storedPlatformIds(platforms);
  const inImport = new Set(files.flatMap((f) => f.posts.map((p) => key(p.platform, p.platformId))));
  const wanted = new Set<string>();
  for (const file of files) {
    for (const post of file.posts) {
      for (const id of [post.parentPlatformId, post.threadKey]) {
        if (id === null) continue;
        const k = key(post.platform, id);
        if (!inImport.has(k) && existing.hasPost(post.platform, id)) wanted.add(k);
      }
    }
  }
  if (wanted.size === 0) return existing;
  const located = await reader.locatePosts([...wanted]);
  return { hasPost: existing.hasPost, locate: (platform, id) => located.get(key(platform, id)) ?? null };
}

export async function assembleAgainstProject(
  reader: StoredPostLookup,
  files: ReadonlyArray<{ fileName: string; parsed: ParsedFile }>,
  deps: AssembleDeps,
): Promise<AssembledImport> {
  const existing = await existingPostsFor(reader, files.map((f) => f.parsed));
  return assembleThreads([...files], existing, deps);
}
