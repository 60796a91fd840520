import { MenuButton } from '../../app/ui/MenuButton';
import { useCodingCommands } from './coding-commands';

/** "Code whole post": a menu of codes; the chosen one codes the post's whole text. */
export function WholePostMenu({ postId }: { postId: string }) {
  const { codes, codeWholePost } = useCodingCommands();
  return (
    <MenuButton
      label="Code whole post"
      menuLabel="Code the whole post as"
      tabIndex={-1}
      items={codes.map((code) => ({
        key: code.id,
        name: code.name,
        label: (
          <>
            <span className="swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
            {code.name}
          </>
        ),
        onSelect: () => codeWholePost(postId, code),
      }))}
    />
  );
}
