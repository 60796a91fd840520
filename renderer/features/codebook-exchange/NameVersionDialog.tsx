import { nameVersion } from '@shared/project/operations/codebook';

import { useServices } from '../../app/services';
import { NameDialog } from '../../app/ui/NameDialog';
import { runInProject } from '../../db/project-store';
import { useProjectQuery } from '../../db/use-project-query';

interface Props {
  onClose: () => void;
}

/** Keeps the codebook as it is now under a name ("v2, sent to coders 12 March"), to compare with later. */
export function NameVersionDialog({ onClose }: Props) {
  const { db, clock, ids, tracker, announce } = useServices();
  const codeCount = useProjectQuery(db, async (reader) => (await reader.codes()).length, []);

  const submit = async (name: string): Promise<string | undefined> => {
    const result = await tracker.track('name version', runInProject(db, nameVersion, { name }, { clock, ids }));
    if (!result.ok) return result.error.message.charAt(0).toUpperCase() + result.error.message.slice(1);
    const version = result.value.result;
    announce(`Named this version of the codebook “${version.name}” (${version.codes.length} codes).`);
    onClose();
    return undefined;
  };

  return (
    <NameDialog
      title="Name this version"
      description={
        <>The codebook as it is now{codeCount === undefined ? '' : ` (${codeCount} codes)`} is kept under this name, so you can compare it with later versions.</>
      }
      label="Version name"
      confirmLabel="Name version"
      maxLength={200}
      placeholder="v2, sent to coders 12 March"
      refocusOnError
      submitBlank
      onCancel={onClose}
      onSubmit={submit}
    />
  );
}
