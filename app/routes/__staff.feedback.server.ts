/** What staff.feedback.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { requireStaff } from "~/lib/auth/guards.server";
export { clock, db } from "~/lib/services.server";
export { countScores, listRecentComments, type ScoreCountRow } from "~/models/surveys.server";
