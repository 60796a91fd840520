import type { Problem } from '@shared/problem/problem';
import { MAX_PROJECT_NAME } from '@shared/project/operations/project';

import type { ProjectEntry } from '../../db/registry/registry-db';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { NameDialog } from '../ui/NameDialog';
import { countsText } from './project-text';

const capitalized = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

interface NameProps {
  title: string;
  initialName?: string;
  confirmLabel: string;
  /** Resolves with the reason when the name is refused; the dialog stays open and says it. */
  onSubmit: (name: string) => Promise<Problem | undefined>;
  onCancel: () => void;
}

/** Asks for a project's name: New project…, Rename…. */
export function ProjectNameDialog({ title, initialName = '', confirmLabel, onSubmit, onCancel }: NameProps) {
  return (
    <NameDialog
      title={title}
      label="Project name"
      confirmLabel={confirmLabel}
      initialValue={initialName}
      maxLength={MAX_PROJECT_NAME}
      selectOnFocus
      onCancel={onCancel}
      onSubmit={async (name) => {
        // A rename to the same name changes nothing: it only closes the dialog.
        if (initialName !== '' && name.trim() === initialName) {
          onCancel();
          return undefined;
        }
        const problem = await onSubmit(name);
        return problem && capitalized(problem.message);
      }}
    />
  );
}

interface DeleteProps {
  entry: ProjectEntry;
  onConfirm: () => Promise<Problem | undefined>;
  onCancel: () => void;
}

/** Names the project and what goes with it before its database is deleted. */
export function DeleteProjectDialog({ entry, onConfirm, onCancel }: DeleteProps) {
  const what = entry.counts ? `Its ${countsText(entry.counts)} are` : 'Everything in it is';
  return (
    <ConfirmDialog
      title={`Delete the project “${entry.name}”?`}
      description={`${what} deleted, with the project’s history. This cannot be undone: export a project bundle first if you may need it again.`}
      confirmLabel={`Delete “${entry.name}”`}
      onCancel={onCancel}
      onConfirm={async () => {
        const problem = await onConfirm();
        return problem && capitalized(problem.message);
      }}
    />
  );
}
