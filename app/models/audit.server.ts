import type { Kysely, Transaction } from "kysely";

import type { DB } from "../../db/schema";

export interface AuditEvent {
  actorKind: "contact" | "staff" | "approver" | "system" | "provider";
  actorId: string | null;
  accountId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  data?: Record<string, unknown>;
  requestId?: string | null;
  at: Date;
}

/** Who did what to which record, when. Written in the same transaction as the change. */
export async function recordAudit(db: Kysely<DB> | Transaction<DB>, event: AuditEvent): Promise<void> {
  await db
    .insertInto("auditEvents")
    .values({
      occurredAt: event.at,
      actorKind: event.actorKind,
      actorId: event.actorId,
      accountId: event.accountId,
      entityType: event.entityType,
      entityId: event.entityId,
      action: event.action,
      data: JSON.stringify(event.data ?? {}),
      requestId: event.requestId ?? null,
    })
    .execute();
}
