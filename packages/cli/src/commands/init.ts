import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { ExitCode, say } from "../cli-io.js";
import { scaffoldFiles } from "../init/scaffold-files.js";
import type { CommandModule } from "./command-module.js";

/** `amlpipe init [dir]`: scaffolds a pipeline project that compiles and runs locally at once. */
export const initCommand: CommandModule = {
  name: "init",
  register(program, io, setExit) {
    program
      .command("init")
      .description(
        "scaffold a pipeline project: package.json, tsconfig, a pipeline, its scripts, a CI workflow",
      )
      .argument("[dir]", "the project folder (created if missing)", ".")
      .option("--name <name>", "the project and pipeline name (default: the folder's name)")
      .option("--force", "write into a folder that is not empty")
      .addHelpText(
        "after",
        "\nExample:\n  amlpipe init my-pipelines && cd my-pipelines && amlpipe validate pipelines",
      )
      .action((dir: string, options: { name?: string; force?: boolean }) => {
        const target = resolve(io.cwd, dir);
        if (existsSync(target) && readdirSync(target).length > 0 && !options.force) {
          io.stderr(`error: ${dir} is not empty; pass --force to write into it anyway\n`);
          setExit(ExitCode.usage);
          return;
        }
        const name =
          (options.name ?? basename(target))
            .toLowerCase()
            .replace(/[^a-z0-9-]+/g, "-")
            .replace(/^-+|-+$/g, "") || "pipelines";
        for (const [path, text] of Object.entries(scaffoldFiles(name))) {
          const file = join(target, path);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, text);
          say(io, `created ${relative(io.cwd, file)}\n`);
        }
        const where = relative(io.cwd, target) || ".";
        say(
          io,
          `\nnext: cd ${where} && npm install && npm run validate && npm start && npm test\n` +
            "(its package.json names @amlpipe/cli and @amlpipe/dsl for `npm install` once they are published to a registry you use)\n",
        );
        setExit(ExitCode.ok);
      });
  },
};
