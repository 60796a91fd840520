/**
 * The database that caches a project's search index: named after the project's own database, so a
 * duplicated project (same project record, new database) never shares its cache, and deleting a
 * project deletes its cache with it (registry/projects.ts).
 */
export const searchCacheDbName = (projectDbName: string): string => `${projectDbName}-search`;
