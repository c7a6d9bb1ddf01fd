import type { Database } from "~/lib/db.server";

export async function findActiveContactByEmail(db: Database, email: string) {
  return db
    .selectFrom("contacts")
    .select(["id", "accountId", "email", "name", "locale", "role"])
    .where("email", "=", email.toLowerCase())
    .where("active", "=", true)
    .executeTakeFirst();
}

export async function findActiveStaffByEmail(db: Database, email: string) {
  return db
    .selectFrom("staffUsers")
    .select(["id", "email", "name", "locale", "role"])
    .where("email", "=", email.toLowerCase())
    .where("active", "=", true)
    .executeTakeFirst();
}

export async function findContactInAccount(db: Database, accountId: string, contactId: string) {
  return db
    .selectFrom("contacts")
    .select(["id", "accountId", "email", "name", "locale", "role"])
    .where("id", "=", contactId)
    .where("accountId", "=", accountId)
    .executeTakeFirst();
}

/** The session subject for a redeemed sign-in token (still active people only). */
export async function findSubjectForSession(
  db: Database,
  token: { subjectKind: "contact" | "staff"; contactId: string | null; staffUserId: string | null },
): Promise<{ kind: "contact"; contactId: string; accountId: string } | { kind: "staff"; staffUserId: string } | null> {
  if (token.subjectKind === "contact" && token.contactId) {
    const contact = await db
      .selectFrom("contacts")
      .select(["id", "accountId"])
      .where("id", "=", token.contactId)
      .where("active", "=", true)
      .executeTakeFirst();
    return contact ? { kind: "contact", contactId: contact.id, accountId: contact.accountId } : null;
  }
  if (token.subjectKind === "staff" && token.staffUserId) {
    const staff = await db
      .selectFrom("staffUsers")
      .select("id")
      .where("id", "=", token.staffUserId)
      .where("active", "=", true)
      .executeTakeFirst();
    return staff ? { kind: "staff", staffUserId: staff.id } : null;
  }
  return null;
}
