import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli.js";

/** What `amlpipe complete -- <words>` offers: the values, and the directive the shell obeys. */
async function offered(...words: string[]): Promise<{ values: string[]; directive: string }> {
  const run = await runCliCaptured(["complete", "--", ...words]);
  expect(run.code, run.stderr).toBe(0);
  const lines = run.stdout.trimEnd().split("\n");
  return {
    values: lines.slice(0, -1).map((l) => l.split("\t")[0] as string),
    directive: lines.at(-1) as string,
  };
}

// The library's bash script needs the bash-completion package; CI installs it (.ci/run).
const BASH_COMPLETION = "/usr/share/bash-completion/bash_completion";
const required = process.env.AMLPIPE_REQUIRE_ORACLE === "1";

describe("shell completion", () => {
  it("given words typed so far, offers commands, subcommands, options and choices, and no files there", async () => {
    expect(await offered("va")).toEqual({ values: ["validate"], directive: ":4" });
    expect((await offered("jobs", "l")).values).toEqual(["list", "logs"]);
    expect((await offered("compile", "--ta")).values).toEqual(["--target"]);
    expect((await offered("compile", "--target", "")).values).toEqual(["v1", "v2"]);
  });

  it("given a file argument, offers nothing and tells the shell to complete file names (directive 0)", async () => {
    expect(await offered("compile", "exa")).toEqual({ values: [], directive: ":0" });
    expect(await offered("submit", "out/")).toEqual({ values: [], directive: ":0" });
  });

  it("given each shell, writes a script that asks amlpipe complete; bash's falls back to file names; an unknown shell exits 2", async () => {
    for (const shell of ["bash", "zsh", "fish", "powershell"]) {
      const run = await runCliCaptured(["completion", shell]);
      expect(run.code, shell).toBe(0);
      expect(run.stdout, shell).toMatch(/amlpipe complete '?--/);
    }
    const bash = (await runCliCaptured(["completion", "bash"])).stdout;
    expect(bash).toMatch(/^complete -o default -F __amlpipe_complete amlpipe$/m);
    expect(bash).not.toMatch(/^readonly /m);
    const tcsh = await runCliCaptured(["completion", "tcsh"]);
    expect(tcsh.code).toBe(2);
    expect(tcsh.stderr).toContain('no completion for shell "tcsh"');
  });

  it.skipIf(!required && !existsSync(BASH_COMPLETION))(
    "given the bash script sourced (twice) in bash, Tab completes commands, options and choices through the real CLI",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "amlpipe-completion-"));
      mkdirSync(join(dir, "bin"));
      const bin = new URL("../dist/bin.js", import.meta.url).pathname;
      writeFileSync(join(dir, "bin", "amlpipe"), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
      chmodSync(join(dir, "bin", "amlpipe"), 0o755);
      const script = `
source ${BASH_COMPLETION}
source <(amlpipe completion bash)
source <(amlpipe completion bash)
complete -p amlpipe
tab() { COMP_WORDS=("$@"); COMP_CWORD=$((\${#COMP_WORDS[@]}-1)); COMP_LINE="\${COMP_WORDS[*]}"; COMP_POINT=\${#COMP_LINE}; COMPREPLY=(); __amlpipe_complete amlpipe "\${COMP_WORDS[-1]}" 2>/dev/null; echo "\${COMPREPLY[*]}"; }
tab amlpipe va
tab amlpipe jobs l
tab amlpipe run --j
tab amlpipe compile --target ""
`;
      const run = spawnSync("bash", ["-c", script], {
        encoding: "utf8",
        env: { ...process.env, PATH: `${join(dir, "bin")}:${process.env.PATH}` },
      });
      expect(run.stderr).not.toContain("readonly variable");
      expect(run.stdout.split("\n").slice(0, 5)).toEqual([
        "complete -o default -F __amlpipe_complete amlpipe",
        "validate",
        "list logs",
        "--jobs --json",
        "v1 v2",
      ]);
    },
  );
});
