/**
 * The tables of a project as the application core sees them, whichever store holds them (Dexie in
 * the app, a bundle file in the CLI). Settings such as "who is coding on this machine" are not
 * project data and live outside.
 */
import type { Assignment, Attribute, AttributeValue, Code, CodebookVersion, Coder, Coding, Decision, Memo, Post, Project, Relation, RelationCode, Round, Thread } from '../model/records';

export interface ProjectRecords {
  projects: Project;
  threads: Thread;
  posts: Post;
  codes: Code;
  coders: Coder;
  codings: Coding;
  codebookVersions: CodebookVersion;
  assignments: Assignment;
  rounds: Round;
  decisions: Decision;
  memos: Memo;
  attributes: Attribute;
  attributeValues: AttributeValue;
  relationCodes: RelationCode;
  relations: Relation;
}

export type TableName = keyof ProjectRecords;

/** Every table, in the order a change-set is applied: parents before the records that point at them. */
export const TABLES: readonly TableName[] = ['projects', 'threads', 'posts', 'coders', 'codes', 'codings', 'codebookVersions', 'rounds', 'assignments', 'decisions', 'memos', 'attributes', 'attributeValues', 'relationCodes', 'relations'];

export type AnyRecord = ProjectRecords[TableName];
