import { initialMigration } from './0001-initial';
import { structuredCodebookMigration } from './0002-structured-codebook';
import { postPagesMigration } from './0003-post-pages';
import { projectJournalMigration } from './0004-project-journal';
import { teamLoopMigration } from './0005-team-loop';
import { memosAttributesMigration } from './0006-memos-attributes';
import { relationsMigration } from './0007-relations';
import { platformTermsMigration } from './0008-platform-terms';
import { teamSyncMigration } from './0009-team-sync';
import { postMetadataMigration } from './0010-post-metadata';
import { codingCountsMigration } from './0011-coding-counts';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every schema step ever released, oldest first. Append; never edit or remove a released one. */
export const MIGRATIONS: readonly Migration[] = [initialMigration, structuredCodebookMigration, postPagesMigration, projectJournalMigration, teamLoopMigration, memosAttributesMigration, relationsMigration, platformTermsMigration, teamSyncMigration, postMetadataMigration, codingCountsMigration];
