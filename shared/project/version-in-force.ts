/**
 * Which named codebook version a new coding is made under: in a blind coder project the package's
 * (the coder codes under what the lead pinned), elsewhere the latest named one. Agreement and
 * adjudication read it to tell codings made under different definitions apart.
 */
import type { CodebookVersion, Project } from '../model/records';
import { compareStrings } from './record-order';

/** The latest named version (by creation time, then id), or undefined when none is named. */
export function latestVersion(versions: readonly CodebookVersion[]): CodebookVersion | undefined {
  let latest: CodebookVersion | undefined;
  for (const v of versions) {
    if (latest === undefined || (compareStrings(v.createdAt, latest.createdAt) || compareStrings(v.id, latest.id)) > 0) latest = v;
  }
  return latest;
}

/** The id a new coding records as its `codebookVersionId`; undefined when no version is named. */
export function versionInForce(project: Project | undefined, versions: readonly CodebookVersion[]): string | undefined {
  return project?.package?.codebookVersionId ?? latestVersion(versions)?.id;
}
