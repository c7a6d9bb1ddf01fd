import { sweepRateLimits } from "~/models/rate-limits.server";
import { deleteStaleLoginTokens } from "~/models/login-tokens.server";

import { deliverEmail } from "../email/outbox.server";
import { paymentProvider, publicBaseUrl } from "../payments/index.server";
import { reconcilePayments } from "../payments/reconcile.server";
import { clock, db } from "../services.server";
import type { JobHandler, QueueName } from "./queue.server";

/** What each queue does. Features add their handler here. */
export function jobHandlers(): Partial<Record<QueueName, JobHandler>> {
  return {
    "email-send": async (data) => {
      if (typeof data.outboxId !== "string") return;
      await deliverEmail(db(), data.outboxId, clock().now());
    },
    // Hourly: forget rate-limit windows and sign-in tokens nobody can use any more.
    maintenance: async () => {
      const now = clock().now();
      await sweepRateLimits(db(), new Date(now.getTime() - 24 * 3_600_000));
      await deleteStaleLoginTokens(db(), new Date(now.getTime() - 7 * 24 * 3_600_000));
    },
    // Every ten minutes: paid checkout sessions whose webhook never arrived.
    "payments-reconcile": async () => {
      await reconcilePayments(db(), paymentProvider(), { now: clock().now(), baseUrl: publicBaseUrl() });
    },
  };
}
