/**
 * The server side of a replica's replications (replica.ts), with two requests PouchDB 9 makes at
 * the start of every replication answered on this machine. The replica replicates in short runs
 * (one per local change, one per change on the server), so each request saved here comes off the
 * time a coding takes to reach another machine:
 *
 * - `id()`: PouchDB asks the server (`GET /`) for its uuid on every run, to name the run's
 *   checkpoint documents. A server's uuid does not change, so it is asked once. PouchDB names a
 *   server that did not answer by its URL instead; that name is not kept, so a checkpoint keeps the
 *   name it had (a new name would start replication over from the beginning).
 * - `info()`: asked (`GET /<db>`) before every run's first `_changes`, and after each batch, only to
 *   count `PouchDB.activeTasks` progress, which the app does not read. A database's info is the
 *   server's costliest answer (a cluster asks every shard for its sizes). Answered with the update
 *   sequence the replica last saw: the handle serves replication only. PouchDB leaves the
 *   after-batch ask's failure unhandled, so a page going offline mid-pull raised "Failed to fetch"
 *   as an unhandled rejection (e2e/team-sync.spec.ts); answered here, it cannot fail.
 */
export function forReplication(remote: PouchDB.Database, name: string, lastSeq: () => unknown): PouchDB.Database {
  const handle = remote as PouchDB.Database & { id(): Promise<string>; info(): Promise<object> };
  const askServer = handle.id.bind(handle);
  let id: Promise<string> | null = null;
  handle.id = () => {
    id ??= askServer().then(
      (answer) => {
        if (answer.includes('://')) id = null;
        return answer;
      },
      (error: unknown) => {
        id = null;
        throw error;
      },
    );
    return id;
  };
  handle.info = () => Promise.resolve({ db_name: name, update_seq: lastSeq() ?? 0 });
  return handle;
}
