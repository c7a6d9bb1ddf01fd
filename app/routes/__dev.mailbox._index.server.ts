/** What dev.mailbox._index.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { notFound } from "~/lib/auth/guards.server";
export { env } from "~/lib/env.server";
export { db } from "~/lib/services.server";
export { listOutbox } from "~/models/email-outbox.server";
