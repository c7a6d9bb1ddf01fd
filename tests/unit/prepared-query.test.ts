import {
  CamelCasePlugin,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type CompiledQuery,
  type DatabaseConnection,
  type QueryResult,
} from "kysely";
import { describe, expect, it } from "vitest";

import { namePreparedStatements, preparedQuery, preparedStatementName } from "~/lib/prepared-query.server";

interface Tables {
  contracts: { id: string; account_id: string; term_end: string; status: string };
}

/** A Kysely on a driver that records what it is asked to run and answers with one snake_case row. */
function recordingDb() {
  const executed: CompiledQuery[] = [];
  class RecordingDriver extends DummyDriver {
    override async acquireConnection(): Promise<DatabaseConnection> {
      return {
        async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
          executed.push(query);
          return { rows: [{ term_end: "2027-01-31" } as R] };
        },
        // eslint-disable-next-line require-yield -- never streamed
        async *streamQuery() {
          throw new Error("not streamed");
        },
      };
    }
  }
  const db = new Kysely<Tables>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new RecordingDriver(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    plugins: [new CamelCasePlugin()],
  });
  return { db, executed };
}

const build = (db: Kysely<Tables>, accountId: string, today: string) =>
  db
    .selectFrom("contracts")
    .select(["id", "termEnd" as never])
    .where("account_id", "=", accountId)
    .where("status", "=", "active")
    .where((eb) => eb.or([eb("term_end", ">=", today), eb("account_id", "=", accountId)]))
    .limit(50);

describe("preparedQuery", () => {
  it("runs the SQL the builder compiles, with each call's own values in their places", async () => {
    const { db, executed } = recordingDb();
    const run = preparedQuery("test", build);
    await run(db, "account-1", "2026-11-25");
    await run(db, "account-2", "2027-01-01");

    const direct = build(db, "account-2", "2027-01-01").compile();
    expect(executed).toHaveLength(2);
    expect(executed[0]!.sql).toBe(direct.sql);
    expect(executed[0]!.parameters).toEqual(["account-1", "active", "2026-11-25", "account-1", 50]);
    expect(executed[1]!.parameters).toEqual(direct.parameters);
    expect(executed[0]!.queryId).not.toBe(executed[1]!.queryId);
  });

  it("keeps the plugins' result transforms", async () => {
    const { db } = recordingDb();
    const rows = await preparedQuery("test", build)(db, "account-1", "2026-11-25");
    expect(rows).toEqual([{ termEnd: "2027-01-31" }]);
  });

  it("compiles once per database", async () => {
    const first = recordingDb();
    const second = recordingDb();
    let builds = 0;
    const run = preparedQuery("test", (db: Kysely<Tables>, accountId: string) => {
      builds += 1;
      return db.selectFrom("contracts").select("id").where("account_id", "=", accountId);
    });
    await run(first.db, "a");
    await run(first.db, "b");
    await run(second.db, "c");
    expect(builds).toBe(2);
    expect(second.executed[0]!.parameters).toEqual(["c"]);
  });

  it("refuses a query that writes an argument into the SQL text", async () => {
    const { db } = recordingDb();
    const run = preparedQuery("inlined", (kysely: Kysely<Tables>, status: string) =>
      kysely.selectFrom("contracts").select("id").where("status", "=", sql.lit(status)),
    );
    await expect(run(db, "active")).rejects.toThrow(/inlined: an argument was written into the SQL text/);
  });

  it("refuses a query that transforms an argument or never uses it", async () => {
    const { db } = recordingDb();
    const transformed = preparedQuery("transformed", (kysely: Kysely<Tables>, id: string) =>
      kysely.selectFrom("contracts").select("id").where("id", "like", `${id}%`),
    );
    await expect(transformed(db, "abc")).rejects.toThrow(/transformed: an argument was transformed/);
    const unused = preparedQuery("unused", (kysely: Kysely<Tables>, id: string, today: string) =>
      kysely.selectFrom("contracts").select("id").where("id", "=", id).where("term_end", ">", today.length > 0 ? "2026-01-01" : ""),
    );
    await expect(unused(db, "abc", "2026-11-25")).rejects.toThrow(/unused: argument 1 never reaches the query/);
  });
});

describe("namePreparedStatements", () => {
  it("sends a prepared query's SQL as a named statement and every other query as it came", async () => {
    const { db } = recordingDb();
    const compiledSql = build(db, "a", "b").compile().sql;
    await preparedQuery("named", build)(db, "account-1", "2026-11-25");
    const name = preparedStatementName(compiledSql);
    expect(name).toMatch(/^c365_[0-9a-f]{24}$/);

    const calls: unknown[][] = [];
    const client = { query: (...args: unknown[]) => calls.push(args) };
    namePreparedStatements(client);
    client.query(compiledSql, ["account-1", "active", "2026-11-25", "account-1", 50]);
    client.query("select 1", []);
    client.query("begin");
    expect(calls).toEqual([
      [{ name, text: compiledSql, values: ["account-1", "active", "2026-11-25", "account-1", 50] }],
      ["select 1", []],
      ["begin"],
    ]);
  });
});
