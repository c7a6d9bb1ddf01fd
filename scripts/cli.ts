import { parseEnv, EnvError, type Env } from "../app/lib/env.server";
import { openDatabase, type DatabaseHandle } from "../app/lib/db.server";

/** Shared by the db:* scripts: validated env, the same database the app uses. */
export async function openFromEnv(): Promise<{ env: Env; handle: DatabaseHandle }> {
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR, poolSize: 2 });
  return { env, handle };
}

export function fail(error: unknown): never {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
