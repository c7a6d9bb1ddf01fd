import { describe, expect, it } from "vitest";

import { deliverEmail, enqueueEmail } from "../../app/lib/email/outbox.server";
import { jobHandlers } from "../../app/lib/jobs/handlers.server";
import { QUEUES } from "../../app/lib/jobs/queue.server";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase();

const email = {
  to: "reader@example.com",
  locale: "zh-Hant" as const,
  template: "signInLink" as const,
  params: { name: "<b>陳怡君</b>", url: "https://portal.example/sign-in/verify/abc", minutes: 10 },
};

describe("the email outbox", () => {
  it("renders in the recipient's language, escapes parameters, and enqueues delivery in the same transaction", async () => {
    const id = await database.db.transaction().execute((trx) => enqueueEmail(trx, email));
    const row = await database.db.selectFrom("emailOutbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.subject).toBe("您的 Customer365 登入連結");
    expect(row.status).toBe("queued");
    expect(row.htmlBody).toContain("&lt;b&gt;陳怡君&lt;/b&gt;");
    expect(row.htmlBody).not.toContain("<b>陳怡君</b>");
    expect(row.textBody).toContain("https://portal.example/sign-in/verify/abc");
    const jobs = await database.boss.findJobs<{ outboxId: string }>(QUEUES.sendEmail.name);
    expect(jobs.map((j) => j.data.outboxId)).toContain(id);
  });

  it("leaves no email and no job behind when the change is rolled back", async () => {
    const jobsBefore = (await database.boss.findJobs(QUEUES.sendEmail.name)).length;
    const rowsBefore = (await database.db.selectFrom("emailOutbox").select("id").execute()).length;
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueueEmail(trx, email);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await database.db.selectFrom("emailOutbox").select("id").execute()).length).toBe(rowsBefore);
    expect((await database.boss.findJobs(QUEUES.sendEmail.name)).length).toBe(jobsBefore);
  });

  it("is delivered by the job worker, once, even if the job runs twice", async () => {
    const id = await database.db.transaction().execute((trx) => enqueueEmail(trx, email));
    const handler = jobHandlers()["email-send"]!;
    await handler({ outboxId: id }, { id: "job-1", retryCount: 0 });
    const sent = await database.db.selectFrom("emailOutbox").select(["status", "transport", "sentAt", "attempts"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(sent).toMatchObject({ status: "sent", transport: "dev-mailbox", attempts: 1 });
    expect(await deliverEmail(database.db, id, new Date())).toBe("skipped");
    const again = await database.db.selectFrom("emailOutbox").select("attempts").where("id", "=", id).executeTakeFirstOrThrow();
    expect(again.attempts).toBe(1);
  });

  it("is picked up from the queue by a running worker", async () => {
    const id = await database.db.transaction().execute((trx) => enqueueEmail(trx, email));
    const handler = jobHandlers()["email-send"]!;
    await database.boss.work<{ outboxId: string }>(QUEUES.sendEmail.name, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
      for (const job of jobs) await handler(job.data, { id: job.id, retryCount: job.retryCount });
    });
    let status = "queued";
    for (let i = 0; i < 50 && status !== "sent"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await database.db.selectFrom("emailOutbox").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
    }
    expect(status).toBe("sent");
    await database.boss.offWork(QUEUES.sendEmail.name);
  });
});
