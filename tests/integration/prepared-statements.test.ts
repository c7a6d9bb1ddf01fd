import { sql } from "kysely";
import { describe, expect, it } from "vitest";

import { openDatabase } from "../../app/lib/db.server";
import { preparedStatementName } from "../../app/lib/prepared-query.server";
import { findSessionByHash, insertSession } from "../../app/models/sessions.server";
import { buildAccount, buildContact } from "../../db/seed/factories";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase();

describe("prepared queries on the database", () => {
  it("answer like the query they were compiled from, call after call, and PostgreSQL keeps their plan", async () => {
    const account = await buildAccount(database.db, {});
    const contact = await buildContact(database.db, { accountId: account.id });
    const now = new Date();
    for (const idHash of ["hash-one", "hash-two"]) {
      await insertSession(database.db, {
        idHash,
        subject: { kind: "contact", contactId: contact.id, accountId: account.id },
        expiresAt: new Date(now.getTime() + 3_600_000),
        ip: "127.0.0.1",
        userAgent: "test",
        now,
      });
    }

    // One connection, so the statements it prepared can be listed on it.
    const single = database.database.url ? await openDatabase({ url: database.database.url, poolSize: 1 }) : null;
    const db = single?.db ?? database.db;
    try {
      for (const idHash of ["hash-one", "hash-two", "hash-one", "no-such-hash"]) {
        const row = await findSessionByHash(db, idHash);
        expect(row?.idHash ?? null).toBe(idHash === "no-such-hash" ? null : idHash);
        expect(row?.contactId ?? null).toBe(idHash === "no-such-hash" ? null : contact.id);
      }
      if (single) {
        const prepared = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(db);
        // Four lookups, one statement: parsed and planned on the first.
        expect(prepared.rows).toHaveLength(1);
        expect(prepared.rows[0]!.name).toBe(preparedStatementName(prepared.rows[0]!.statement));
        expect(prepared.rows[0]!.statement).toContain('from "sessions" as "s"');
      }
    } finally {
      await single?.close();
    }
  });
});
