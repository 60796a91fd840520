/**
 * Project, thread, post and code memos (the memos feature) → REFI-QDA Notes, each referred to from
 * what it is about: the Project (its NoteRefs: "notes that apply to the project as a whole"), a Code,
 * a TextSource, or, for a post, a PlainTextSelection over the post's text with no Coding. The note's
 * creatingUser is the memo's coder, so each coder's memo comes back as theirs (qdpx-extras-import.ts).
 */
import type { Bundle } from '../bundle/bundle';
import { escapeXmlAttribute, escapeXmlText } from '../codebook/refi/xml-text';
import type { Memo, MemoTargetKind } from '../model/records';
import { partGuidOf, refiGuid, xsdDateTime } from './refi-guid';

export interface MemoXml {
  /** `<Note>` lines for the project's Notes. */
  notes: string[];
  /** Note GUIDs by what refers to them. */
  project: string[];
  /** By code id (before it became a GUID). */
  codes: Map<string, string[]>;
  threads: Map<string, string[]>;
  /** Post id → the GUID of the selection over the post and its notes. */
  posts: Map<string, { selection: string; notes: string[] }>;
}

const NAME: Record<MemoTargetKind, string> = { project: 'Project memo', thread: 'Thread memo', post: 'Post memo', code: 'Code memo' };

/** `written`: whether a thread becomes a source (a thread without posts does not: its memos stay out, or they would read back as free notes). */
export function memoXml(bundle: Pick<Bundle, 'memos'>, userOf: ReadonlyMap<string, string>, written: { thread(id: string): boolean; post(id: string): boolean }): MemoXml {
  const out: MemoXml = { notes: [], project: [], codes: new Map(), threads: new Map(), posts: new Map() };
  const push = (map: Map<string, string[]>, id: string, guid: string): void => {
    const list = map.get(id);
    if (list) list.push(guid);
    else map.set(id, [guid]);
  };
  for (const memo of bundle.memos ?? []) {
    if (memo.text === '' || (memo.target.kind === 'thread' && !written.thread(memo.target.id)) || (memo.target.kind === 'post' && !written.post(memo.target.id))) continue;
    const guid = refiGuid('memo', memo.id);
    out.notes.push(...noteLines(memo, guid, userOf.get(memo.coderId)));
    const { kind, id } = memo.target;
    if (kind === 'project') out.project.push(guid);
    else if (kind === 'code') push(out.codes, id, guid);
    else if (kind === 'thread') push(out.threads, id, guid);
    else {
      const post = out.posts.get(id) ?? { selection: partGuidOf('post-memo', id), notes: [] };
      post.notes.push(guid);
      out.posts.set(id, post);
    }
  }
  return out;
}

function noteLines(memo: Memo, guid: string, user: string | undefined): string[] {
  const created = xsdDateTime(memo.createdAt);
  const modified = xsdDateTime(memo.updatedAt);
  const attrs = `${user ? ` creatingUser="${user}"` : ''}${created ? ` creationDateTime="${created}"` : ''}${modified && modified !== created ? ` modifiedDateTime="${modified}"` : ''}`;
  return [`    <Note guid="${guid}" name="${escapeXmlAttribute(NAME[memo.target.kind])}"${attrs}>`, `      <PlainTextContent>${escapeXmlText(memo.text)}</PlainTextContent>`, '    </Note>'];
}
