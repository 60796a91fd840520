/**
 * The one decision every export makes before it writes: pseudonymised (the default) or identified.
 * The app's export dialogs and `threadmark export` both call this on the bundle they are about to
 * write, so one project gives the same aliases in every file, from either front end.
 */
import type { Bundle } from '../bundle/bundle';
import type { DeidentificationReport } from './deidentification-report';
import { pseudonymiseBundle, type AliasKeyEntry } from './pseudonymise-bundle';

export interface ExportPrivacy {
  bundle: Bundle;
  /** Null for an identified export. */
  report: DeidentificationReport | null;
  key: AliasKeyEntry[];
  /** The project had no secret: aliases were made with a one-off secret and match no other export. */
  oneOffSecret: boolean;
}

/** `newSecret` is called only when the project has no secret of its own (an old or shareable bundle). */
export function prepareExport(bundle: Bundle, pseudonymize: boolean, newSecret: () => string): ExportPrivacy {
  if (!pseudonymize) return { bundle, report: null, key: [], oneOffSecret: false };
  const own = bundle.project.pseudonymSecret;
  const done = pseudonymiseBundle(bundle, own ?? newSecret());
  return { ...done, oneOffSecret: own === undefined };
}
