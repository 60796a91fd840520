import type { LexicalEditor } from 'lexical';

/** The mounted per-post editors, so a DOM selection can be read through its post's editor. */
class EditorRegistry {
  private readonly editors = new Map<string, LexicalEditor>();

  register(postId: string, editor: LexicalEditor): () => void {
    this.editors.set(postId, editor);
    return () => {
      if (this.editors.get(postId) === editor) this.editors.delete(postId);
    };
  }

  get(postId: string): LexicalEditor | undefined {
    return this.editors.get(postId);
  }
}

export const editorRegistry = new EditorRegistry();
