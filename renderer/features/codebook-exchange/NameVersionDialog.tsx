import { useRef, useState } from 'react';

import { nameVersion } from '@shared/project/operations/codebook';

import { useServices } from '../../app/services';
import { Dialog } from '../../app/ui/Dialog';
import { runInProject } from '../../db/project-store';
import { useProjectQuery } from '../../db/use-project-query';

interface Props {
  onClose: () => void;
}

/** Keeps the codebook as it is now under a name ("v2, sent to coders 12 March"), to compare with later. */
export function NameVersionDialog({ onClose }: Props) {
  const { db, clock, ids, tracker, announce } = useServices();
  const codeCount = useProjectQuery(db, async (reader) => (await reader.codes()).length, []);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const busy = useRef(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    const result = await tracker.track('name version', runInProject(db, nameVersion, { name }, { clock, ids }));
    busy.current = false;
    if (!result.ok) {
      setProblem(result.error.message.charAt(0).toUpperCase() + result.error.message.slice(1));
      input.current?.focus();
      return;
    }
    const version = result.value.result;
    announce(`Named this version of the codebook “${version.name}” (${version.codes.length} codes).`);
    onClose();
  };

  return (
    <Dialog as="form" labelledBy="name-version-title" describedBy="name-version-desc" onCancel={onClose} onSubmit={(e) => void submit(e)}>
      <h2 id="name-version-title">Name this version</h2>
      <p id="name-version-desc">
        The codebook as it is now{codeCount === undefined ? '' : ` (${codeCount} codes)`} is kept under this name, so you can compare it with later versions.
      </p>
      <label htmlFor="version-name">Version name</label>
      <input
        ref={input}
        id="version-name"
        value={name}
        autoFocus
        required
        maxLength={200}
        placeholder="v2, sent to coders 12 March"
        aria-invalid={problem !== null}
        aria-describedby={problem ? 'version-name-problem' : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setProblem(null);
        }}
      />
      {problem ? (
        <p id="version-name-problem" className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Name version
        </button>
      </div>
    </Dialog>
  );
}
