import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hashFileSync } from "../src/snapshot/hash-tree.js";

// sha256sum (GNU coreutils) is the oracle: every size around the read buffer's (1 MiB) edges, where
// the one-read shortcut ends and the chunked loop begins.
const MIB = 1024 * 1024;
const SIZES = [0, 1, 55, 64, 4000, MIB - 1, MIB, MIB + 1, 2 * MIB, 3 * MIB + 17];
const dir = mkdtempSync(join(tmpdir(), "amlpipe-hash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("hashing a file", () => {
  it("gives sha256sum's hash and the file's size at every size around the read buffer's", () => {
    for (const size of SIZES) {
      const path = join(dir, `f${size}`);
      writeFileSync(path, randomBytes(size));
      const expected = execFileSync("sha256sum", [path], { encoding: "utf8" }).split(" ")[0];
      expect(hashFileSync(path), `a file of ${size} bytes`).toEqual({ size, sha256: expected });
    }
  });
});
