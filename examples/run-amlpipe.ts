// Runs the amlpipe CLI in-process from the repository root, capturing stdout and stderr together.
import { runCli } from "@amlpipe/cli";

const root = new URL("..", import.meta.url).pathname;

/** The CLI's exit code and everything it printed. */
export async function amlpipe(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const write = (text: string) => {
    out += text;
  };
  const code = await runCli(argv, { stdout: write, stderr: write, cwd: root, env: {}, isTTY: false });
  return { code, out };
}
