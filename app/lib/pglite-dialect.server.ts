import type { PGlite, Transaction } from "@electric-sql/pglite";
import {
  type CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from "kysely";

/**
 * A Kysely dialect for an embedded PGlite. (kysely-pglite does not run on
 * kysely 0.29; see shared/STACK.md.) PGlite has one connection, so a Kysely
 * transaction runs inside `PGlite.transaction()`: while it is open, every other
 * user of the same instance (other requests, the pg-boss worker) waits instead
 * of running inside it.
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class Rollback extends Error {}

class PGliteConnection implements DatabaseConnection {
  private tx: Transaction | null = null;
  private finish: ((commit: boolean) => void) | null = null;
  private done: Promise<unknown> | null = null;

  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const target = this.tx ?? this.pglite;
    const result = await target.query<R>(query.sql, query.parameters as unknown[]);
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      numAffectedRows: affected === undefined ? undefined : BigInt(affected),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("PGliteDialect does not support streaming");
  }

  async begin(): Promise<void> {
    let started!: () => void;
    const ready = new Promise<void>((resolve) => (started = resolve));
    const decision = new Promise<boolean>((resolve) => (this.finish = resolve));
    this.done = this.pglite
      .transaction(async (tx) => {
        this.tx = tx;
        started();
        if (!(await decision)) throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      })
      .finally(() => {
        this.tx = null;
        this.finish = null;
      });
    // If BEGIN itself fails, `done` rejects before `ready` resolves.
    await Promise.race([ready, this.done]);
  }

  async end(commit: boolean): Promise<void> {
    const done = this.done;
    this.finish?.(commit);
    this.done = null;
    await done;
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private queue: Promise<void> = Promise.resolve();

  constructor(pglite: PGlite) {
    this.connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {}

  // One logical connection: Kysely holds it for a whole transaction, so other
  // callers queue here until it is released.
  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.releaseCurrent = release;
    return this.connection;
  }

  private releaseCurrent: (() => void) | null = null;

  async releaseConnection(): Promise<void> {
    const release = this.releaseCurrent;
    this.releaseCurrent = null;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).end(true);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).end(false);
  }

  async destroy(): Promise<void> {}
}
