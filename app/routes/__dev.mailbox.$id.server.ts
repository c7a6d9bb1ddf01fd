/** What dev.mailbox.$id.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { notFound, parseIdOr404 } from "~/lib/auth/guards.server";
export { env } from "~/lib/env.server";
export { db } from "~/lib/services.server";
export { findOutboxMessage } from "~/models/email-outbox.server";
