import { createHash } from "node:crypto";

import { createQueryId, type CompiledQuery, type Compilable, type Kysely } from "kysely";

/**
 * A query the hot pages run on every request, compiled once per database
 * instead of once per call.
 *
 * Building and compiling a Kysely query (the builder chain, the plugins'
 * tree transforms, the SQL printer) costs more CPU than PostgreSQL spends
 * answering the session lookup. The SQL text of such a query never changes;
 * only its parameters do. So `build` runs once with a placeholder for each
 * argument, the placeholders are found among the compiled parameters, and
 * every call executes the same SQL with the real values in their places.
 * Plugins still transform the results (camelCase). On PostgreSQL the SQL
 * also runs as a named prepared statement (see namePreparedStatements), so
 * the server plans it once per connection instead of on every call.
 *
 * Arguments are strings (ids, hashes, ISO dates) and must reach the query
 * only as bound values: an argument that `build` inspects, transforms or
 * inlines would make the compiled SQL wrong for other values, so compiling
 * fails loudly when a placeholder does not come out as a parameter of its own.
 */
export function preparedQuery<DB, Args extends readonly string[], Row>(
  name: string,
  build: (db: Kysely<DB>, ...args: Args) => Compilable<Row>,
): (db: Kysely<DB>, ...args: Args) => Promise<Row[]> {
  const templates = new WeakMap<Kysely<DB>, Template<Row>>();

  return async (db, ...args) => {
    let template = templates.get(db);
    if (!template) {
      template = compileTemplate(name, build, db, args.length);
      templates.set(db, template);
    }
    const { compiled, slots } = template;
    const parameters = slots.map((slot, index) => (slot === -1 ? compiled.parameters[index] : args[slot]));
    const query: CompiledQuery<Row> = { ...compiled, parameters, queryId: createQueryId() };
    const result = await db.executeQuery(query);
    return result.rows;
  };
}

interface Template<Row> {
  compiled: CompiledQuery<Row>;
  /** For each compiled parameter: the argument it takes, or -1 for a constant. */
  slots: number[];
}

const PLACEHOLDER = "\u0000prepared-argument-";

function compileTemplate<DB, Args extends readonly string[], Row>(
  name: string,
  build: (db: Kysely<DB>, ...args: Args) => Compilable<Row>,
  db: Kysely<DB>,
  arity: number,
): Template<Row> {
  const placeholders = Array.from({ length: arity }, (_, index) => `${PLACEHOLDER}${index}\u0000`);
  const compiled = build(db, ...(placeholders as unknown as Args)).compile();
  if (compiled.sql.includes(PLACEHOLDER)) {
    throw new Error(`preparedQuery ${name}: an argument was written into the SQL text instead of being bound`);
  }
  const slots = compiled.parameters.map((value) => {
    if (typeof value !== "string" || !value.includes(PLACEHOLDER)) return -1;
    const index = placeholders.indexOf(value);
    if (index === -1) throw new Error(`preparedQuery ${name}: an argument was transformed before it was bound`);
    return index;
  });
  placeholders.forEach((_, index) => {
    if (!slots.includes(index)) throw new Error(`preparedQuery ${name}: argument ${index} never reaches the query`);
  });
  if (!statementNames.has(compiled.sql)) {
    statementNames.set(compiled.sql, `c365_${createHash("sha256").update(compiled.sql).digest("hex").slice(0, 24)}`);
  }
  return { compiled, slots };
}

/** The statement name of each prepared query's SQL text. */
const statementNames = new Map<string, string>();

export function preparedStatementName(sqlText: string): string | undefined {
  return statementNames.get(sqlText);
}

/**
 * Makes a pg client run the SQL of prepared queries as named statements:
 * PostgreSQL parses and plans a named statement once per connection (and
 * settles on a generic plan after a few runs), where an unnamed one is
 * planned again on every call; for the account home's query, planning took
 * as long as running it. Every other query passes through untouched.
 *
 * Named statements live on a server connection, so a pooler in front of
 * PostgreSQL must keep them (PgBouncer in session mode, or in transaction
 * mode with max_prepared_statements set).
 */
export function namePreparedStatements(client: { query: (...args: never[]) => unknown }): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const named = (text: unknown, ...rest: unknown[]) => {
    const name = typeof text === "string" ? statementNames.get(text) : undefined;
    if (name === undefined || rest.length !== 1 || !Array.isArray(rest[0])) return query(text, ...rest);
    return query({ name, text, values: rest[0] });
  };
  client.query = named;
}
