// amlpipe's list of the SDK's schedule time zones (AP406) against the loader model's: the same names.
import { spawnSync } from "node:child_process";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { SDK_TIME_ZONES } from "../packages/compiler/src/rules/sdk-time-zones.js";
import { loaderModelPath, oracleMissing } from "./loader-oracle.js";

const missing = oracleMissing();
const required = process.env.AMLPIPE_REQUIRE_ORACLE === "1";

describe("schedule time zones", () => {
  it.skipIf(missing !== undefined && !required)(
    "given the loader model's TimeZone values, amlpipe's list holds exactly those names",
    () => {
      const model = loaderModelPath() as string;
      const run = spawnSync(
        "/usr/bin/python3",
        [
          "-c",
          "import sys; sys.path.insert(0, sys.argv[1]); import loader_model as m; print('\\n'.join(sorted(m.TZ_VALUES)))",
          dirname(model),
        ],
        { encoding: "utf8" },
      );
      expect(run.status, run.stderr).toBe(0);
      expect([...SDK_TIME_ZONES].sort()).toEqual(run.stdout.trim().split("\n"));
    },
  );
});
