import { useId, useRef, useState } from 'react';

import { Dialog } from '../../app/ui/Dialog';
import { FormDialogActions } from '../../app/ui/NameDialog';
import { signIn, type ServerSignIn, type SignedIn, type SignInProblem } from './server-session';

interface Props {
  /** `connect`: this project to the server; `open`: a new local project from the server; `sign-in`: the password again. */
  mode: 'connect' | 'open' | 'sign-in';
  initial: Partial<ServerSignIn>;
  /** Where the password is kept, said under its field. */
  passwordNote: string;
  /** Resolves with a sentence when it could not finish (the dialog stays open and says it). */
  onSignedIn: (signedIn: SignedIn, password: string) => Promise<string | undefined>;
  onCancel: () => void;
}

const TITLES = { connect: 'Connect project to a team server', open: 'Open a team project', 'sign-in': 'Sign in to the team server' } as const;
const DESCRIPTIONS = {
  connect: 'This project will sync with the team project on the server. It keeps working offline and syncs when the server is back.',
  open: 'A new project on this computer, filled from the team project on the server. You see the corpus, the codebook and your own codings.',
  'sign-in': 'This project syncs with a team server. Enter your password to sync again; your work here is kept either way.',
} as const;
const CONFIRM = { connect: 'Connect', open: 'Open', 'sign-in': 'Sign in' } as const;

/** Server address, project key, user and password; the server is asked before anything is stored. */
export function ConnectDialog({ mode, initial, passwordNote, onSignedIn, onCancel }: Props) {
  const id = useId();
  const [form, setForm] = useState<ServerSignIn>({ serverUrl: initial.serverUrl ?? '', projectKey: initial.projectKey ?? '', user: initial.user ?? '', password: '' });
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = useRef<Partial<Record<keyof ServerSignIn, HTMLInputElement | null>>>({});
  const locked = mode === 'sign-in';

  const field = (name: keyof ServerSignIn, label: string, props: React.InputHTMLAttributes<HTMLInputElement>) => {
    const invalid = problem?.field === name;
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input
          ref={(el) => {
            fields.current[name] = el;
          }}
          id={`${id}-${name}`}
          name={name}
          value={form[name]}
          readOnly={locked && name !== 'password'}
          onChange={(e) => {
            setForm({ ...form, [name]: e.target.value });
            setProblem(null);
          }}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-error` : name === 'password' ? `${id}-password-note` : undefined}
          {...props}
        />
      </div>
    );
  };

  return (
    <Dialog
      as="form"
      labelledBy={`${id}-title`}
      describedBy={`${id}-desc`}
      onCancel={onCancel}
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        setBusy(true);
        void (async () => {
          const signed = await signIn(form);
          let refusal: SignInProblem | null = signed.ok ? null : signed.error;
          if (signed.ok) {
            const message = await onSignedIn(signed.value, form.password);
            if (message !== undefined) refusal = { field: null, message };
          }
          if (refusal === null) return;
          setProblem(refusal);
          setBusy(false);
          if (refusal.field) fields.current[refusal.field]?.focus();
        })();
      }}
    >
      <h2 id={`${id}-title`}>{TITLES[mode]}</h2>
      <p id={`${id}-desc`}>{DESCRIPTIONS[mode]}</p>
      <div className="connect-fields">
        {field('serverUrl', 'Server address', { type: 'url', placeholder: 'https://couch.example.org', autoFocus: !locked, required: true, autoComplete: 'url', spellCheck: false })}
        {field('projectKey', 'Project key', { placeholder: 'vaccine-study', required: true, spellCheck: false, autoCapitalize: 'none' })}
        {field('user', 'User name', { required: true, autoComplete: 'username', spellCheck: false, autoCapitalize: 'none' })}
        {field('password', 'Password', { type: 'password', required: true, autoComplete: 'current-password', autoFocus: locked })}
        <p id={`${id}-password-note`} className="field-hint">
          {passwordNote}
        </p>
      </div>
      <FormDialogActions error={problem?.message ?? null} errorId={`${id}-error`} confirmLabel={busy ? 'Checking…' : CONFIRM[mode]} confirmDisabled={busy} onCancel={onCancel} />
    </Dialog>
  );
}
