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
      const run = spawnSync("bash", ["-c", script], { encoding: "utf8", env: cliOnPath() });
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

  /** A folder with an `amlpipe` on PATH that runs this checkout's CLI, as an installed one would. */
  function cliOnPath(): NodeJS.ProcessEnv {
    const dir = mkdtempSync(join(tmpdir(), "amlpipe-completion-"));
    mkdirSync(join(dir, "bin"));
    const bin = new URL("../dist/bin.js", import.meta.url).pathname;
    writeFileSync(join(dir, "bin", "amlpipe"), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
    chmodSync(join(dir, "bin", "amlpipe"), 0o755);
    return { ...process.env, PATH: `${join(dir, "bin")}:${process.env.PATH}` };
  }
  const onPath = (shell: string) =>
    spawnSync("sh", ["-c", `command -v ${shell}`], { encoding: "utf8" }).status === 0;

  // fish and zsh come from Debian; CI installs them (.ci/run).
  it.skipIf(!required && !onPath("fish"))(
    "given the fish script sourced in fish, complete -C lists commands with their descriptions, subcommands and choices",
    () => {
      const script = `amlpipe completion fish | source
complete -C "amlpipe va"; echo ---
complete -C "amlpipe jobs l"; echo ---
complete -C "amlpipe compile --target "`;
      const run = spawnSync("fish", ["-c", script], { encoding: "utf8", env: cliOnPath() });
      expect(run.status, run.stderr).toBe(0);
      const [va, jobs, target] = run.stdout.split("---\n").map((part) => part.trimEnd().split("\n"));
      expect(va).toEqual([expect.stringMatching(/^validate\tcheck pipelines/)]);
      expect(jobs?.map((line) => line.split("\t")[0])).toEqual(["list", "logs"]);
      expect(target).toEqual(["v1", "v2"]);
    },
  );

  it.skipIf(!required && !onPath("zsh"))(
    "given the zsh script sourced in zsh, its completion function asks the real CLI and hands zsh the values, or file completion for a file argument",
    () => {
      // zsh's completion system runs only inside its line editor: its builtins are stood in for by
      // functions that print what the script hands them; the script itself runs as written.
      const script = `compdef() { :; }
source <(amlpipe completion zsh)
_describe() { (( \${#completions} )) || return 1; print -r -- "\${(j: :)\${(@)completions%%:*}}"; }
_arguments() { print -r -- "files"; }
compadd() { :; }
tab() { words=("$@"); CURRENT=\${#words}; _amlpipe; }
tab amlpipe va
tab amlpipe jobs l
tab amlpipe compile --target ''
tab amlpipe compile exa`;
      const run = spawnSync("zsh", ["-f", "-c", script], { encoding: "utf8", env: cliOnPath() });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.trimEnd().split("\n")).toEqual(["validate", "list logs", "v1 v2", "files"]);
    },
  );
});
