/** What sign-in.demo.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { demoSignInEnabled, isDemoEmail } from "~/lib/auth/demo.server";
export { notFound } from "~/lib/auth/guards.server";
export { startSession } from "~/lib/auth/session.server";
export { readFormData } from "~/lib/forms.server";
export { db } from "~/lib/services.server";
export { findActiveContactByEmail, findActiveStaffByEmail } from "~/models/people.server";
export { redirect } from "@remix-run/node";
