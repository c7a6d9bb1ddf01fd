import * as z from "zod";

/**
 * Every setting the portal reads from the environment, validated once at
 * start-up. A bad or missing value stops start-up with one message that names
 * each problem (see server/index.ts and `formatEnvErrors`).
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "postgres:" || url.protocol === "postgresql:";
    } catch {
      return false;
    }
  }, "must be a postgres:// or postgresql:// URL");

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce
      .number({ message: "must be a whole number between 1 and 65535" })
      .int("must be a whole number between 1 and 65535")
      .min(1, "must be a whole number between 1 and 65535")
      .max(65535, "must be a whole number between 1 and 65535")
      .default(3000),
    HOST: z.string().trim().min(1).default("0.0.0.0"),
    APP_URL: z.url({ message: "must be an absolute http(s) URL" }).optional(),
    DATABASE_URL: postgresUrl.optional().or(z.literal("").transform(() => undefined)),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    PGLITE_DATA_DIR: z.string().trim().min(1).default(".data/pglite"),
    SESSION_SECRET: optionalString,
    SMTP_URL: optionalString.refine(
      (v) => v === undefined || /^smtps?:\/\//.test(v),
      "must start with smtp:// or smtps://",
    ),
    MAIL_FROM: z.string().trim().min(3).default("Customer365 <no-reply@customer365.example>"),
    STRIPE_SECRET_KEY: optionalString,
    STRIPE_WEBHOOK_SECRET: optionalString,
    STRIPE_API_URL: z.url({ message: "must be an absolute URL" }).optional(),
    SEED_DEMO_DATA: z
      .enum(["auto", "true", "false"], { message: "must be auto, true or false" })
      .default("auto"),
    APP_TODAY: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-11-25")
      .optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    TRUST_PROXY: z.enum(["true", "false"]).default("false"),
    JOBS: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
    /** Accounts whose account home is kept in memory (app/lib/account-home.server.ts); 0 turns it off. */
    ACCOUNT_HOME_CACHE_ENTRIES: z.coerce
      .number({ message: "must be a whole number from 0 to 100000" })
      .int("must be a whole number from 0 to 100000")
      .min(0, "must be a whole number from 0 to 100000")
      .max(100_000, "must be a whole number from 0 to 100000")
      .default(1_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production") {
      if (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32) {
        ctx.addIssue({
          code: "custom",
          path: ["SESSION_SECRET"],
          message: "is required in production (at least 32 characters; comma-separate to rotate)",
        });
      }
      if (!env.APP_URL) {
        ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "is required in production" });
      }
      if (env.APP_TODAY) {
        ctx.addIssue({ code: "custom", path: ["APP_TODAY"], message: "must not be set in production" });
      }
      // Without a key the portal would fall back to the demo checkout, which
      // takes no money: refuse to start rather than "sell" renewals for free.
      if (!env.STRIPE_SECRET_KEY) {
        ctx.addIssue({
          code: "custom",
          path: ["STRIPE_SECRET_KEY"],
          message: "is required in production (without it the portal would offer the demo checkout, which takes no payment)",
        });
      }
    }
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_WEBHOOK_SECRET"],
        message: "is required when STRIPE_SECRET_KEY is set",
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "environment";
    const given = typeof issue.path[0] === "string" ? source[issue.path[0]] : undefined;
    const shown = given === undefined ? "" : ` (got "${redact(issue.path[0] as string, given)}")`;
    return `${name} ${issue.message}${shown}`;
  });
  throw new EnvError(problems);
}

function redact(name: string, value: string) {
  return /SECRET|KEY|PASSWORD|URL/.test(name) && /:\/\/[^@]*@/.test(value)
    ? value.replace(/:\/\/[^@]*@/, "://***@")
    : /SECRET|KEY/.test(name)
      ? "***"
      : value;
}

let cached: Env | undefined;

/** The validated environment of this process (parsed once). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env. */
export function resetEnvCache() {
  cached = undefined;
}
