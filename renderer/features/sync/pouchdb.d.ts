/**
 * The part of PouchDB 9's API the sync engine uses, declared here: @types/pouchdb-core declares a
 * global `Buffer` that clashes with Node's and breaks the type check of every Node file.
 */
declare namespace PouchDB {
  type Plugin = object;

  namespace Core {
    interface Document {
      _id: string;
      _rev?: string;
      _deleted?: boolean;
      _conflicts?: string[];
      [field: string]: unknown;
    }
    interface ChangesResponseChange<T extends object = object> {
      id: string;
      seq: number | string;
      changes: Array<{ rev: string }>;
      deleted?: boolean;
      doc?: T & Document;
    }
    interface Changes<T extends object = object> extends PromiseLike<unknown> {
      on(event: 'change', listener: (change: ChangesResponseChange<T>) => void): this;
      on(event: 'complete' | 'error', listener: (info: unknown) => void): this;
      cancel(): void;
    }
    interface ChangesOptions {
      live?: boolean;
      since?: number | string;
      include_docs?: boolean;
      conflicts?: boolean;
    }
    interface AllDocsOptions {
      keys?: string[];
      startkey?: string;
      endkey?: string;
      include_docs?: boolean;
    }
    interface AllDocsResponse {
      total_rows: number;
      rows: Array<{ id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: Document | null; error?: string }>;
    }
    type BulkResult = { ok: true; id: string; rev: string } | { error: true | string; id?: string; name?: string; status?: number; message?: string; reason?: string };
  }

  namespace Configuration {
    interface LocalDatabaseConfiguration {
      adapter?: string;
      auto_compaction?: boolean;
      revs_limit?: number;
    }
    interface RemoteDatabaseConfiguration {
      skip_setup?: boolean;
      auth?: { username: string; password: string };
      fetch?: (url: string | Request, init?: RequestInit) => Promise<Response>;
    }
  }

  namespace Replication {
    interface Options {
      live?: boolean;
      retry?: boolean;
      batch_size?: number;
      back_off_function?: (delay: number) => number;
    }
    interface Replication<T extends object = object> extends PromiseLike<unknown> {
      on(event: 'active' | 'paused' | 'denied' | 'error' | 'complete' | 'change', listener: (info?: any) => void): this; // eslint-disable-line @typescript-eslint/no-explicit-any -- PouchDB's events carry different shapes
      cancel(): void;
      readonly __docs?: T;
    }
    type Sync<T extends object = object> = Replication<T>;
  }

  interface Database<T extends object = object> {
    readonly name: string;
    get(id: string, options?: { conflicts?: boolean; rev?: string }): Promise<Core.Document & T>;
    bulkDocs(docs: ReadonlyArray<object>): Promise<Core.BulkResult[]>;
    allDocs(options?: Core.AllDocsOptions): Promise<Core.AllDocsResponse>;
    changes(options: Core.ChangesOptions): Core.Changes<T>;
    replicate: { from(source: Database, options?: Replication.Options): Replication.Replication<T>; to(target: Database, options?: Replication.Options): Replication.Replication<T> };
    close(): Promise<void>;
    destroy(): Promise<void>;
  }

  interface Static {
    new <T extends object = object>(name: string, options?: Configuration.LocalDatabaseConfiguration | Configuration.RemoteDatabaseConfiguration): Database<T>;
    sync<T extends object = object>(a: Database, b: Database, options?: Replication.Options): Replication.Sync<T>;
    fetch(url: string | Request, init?: RequestInit): Promise<Response>;
    plugin(plugin: Plugin): Static;
  }
}

declare module 'pouchdb-browser' {
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}
