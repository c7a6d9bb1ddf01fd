import type { Migration } from "kysely/migration";

import * as createDomainSchema from "./2026_11_25_1200_create_domain_schema";
import * as improveKbSearch from "./2026_11_26_0900_improve_kb_search";
import * as accountDataVersions from "./2026_12_06_1600_account_data_versions";

/**
 * Every migration, by name, in order. Listed statically (not read from the
 * directory at run time) so the production bundle carries them; a unit test
 * checks that this list matches the files in db/migrations.
 */
export const migrations: Record<string, Migration> = {
  "2026_11_25_1200_create_domain_schema": createDomainSchema,
  "2026_11_26_0900_improve_kb_search": improveKbSearch,
  "2026_12_06_1600_account_data_versions": accountDataVersions,
};
