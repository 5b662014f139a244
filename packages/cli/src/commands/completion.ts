import type { Command } from "commander";
import type { CliIo, ExitCodeValue } from "../cli-io.js";
import type { CommandModule } from "./command-module.js";

/** The shells `amlpipe completion` writes a script for. */
const SHELLS = ["bash", "zsh", "fish", "powershell"] as const;

/**
 * The completion tree of every visible command, option and choice, from @bomb.sh/tab's commander
 * adapter run over a program built afresh (the adapter adds commands of its own, which must not
 * meet ours). The library tells the shell "no file completion" even when it has nothing to offer;
 * for a command whose arguments are files (all of amlpipe's), that leaves `amlpipe compile <TAB>`
 * blank, so when no completion matches, the shell is told to complete file names instead.
 */
async function completionTree(build: () => Command) {
  const { default: tab } = await import("@bomb.sh/tab/commander");
  const { ShellCompDirective } = await import("@bomb.sh/tab");
  const root = tab(build(), { completionCommandName: "completion" });
  // `complete` is private in the (pinned, 0.0.x) library: the completion test fails if it changes.
  const inner = root as unknown as {
    complete(prefix: string): void;
    completions: { value: string }[];
  };
  const offer = inner.complete.bind(root);
  inner.complete = (prefix: string) => {
    const typed = prefix.split("=").at(-1) ?? "";
    if (prefix.startsWith("-") || inner.completions.some((c) => c.value.startsWith(typed)))
      return offer(prefix);
    console.log(`:${ShellCompDirective.ShellCompDirectiveDefault}`);
  };
  return root;
}

/**
 * What `body` prints through `console.log`, where the library writes, as text: so it reaches the
 * command's own stdout (tests capture it) and the bash script can be mended before it is written.
 */
async function printed(body: () => void | Promise<void>): Promise<string> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...values: unknown[]) => {
    lines.push(values.map(String).join(" "));
  };
  try {
    await body();
  } finally {
    console.log = original;
  }
  return lines.map((line) => `${line}\n`).join("");
}

/**
 * The library's bash script, mended: registered with `-o default`, so that when amlpipe offers
 * nothing (a file argument) bash completes file names, as the zsh and fish scripts already do; and
 * with plain variables for its constants, so sourcing it twice (a re-read ~/.bashrc) is no error.
 */
export function mendBashScript(script: string): string {
  return script
    .replace(/^complete -F (\S+) amlpipe$/m, "complete -o default -F $1 amlpipe")
    .replace(/^readonly (ShellCompDirective\w+=)/gm, "$1");
}

/**
 * `amlpipe completion <shell>`, and the hidden `amlpipe complete -- <words>` the written script calls
 * at each Tab. `build` makes a program with every other command, to read the tree from.
 */
export function completionCommands(build: () => Command): CommandModule {
  return {
    name: "completion",
    register(program: Command, io: CliIo, setExit: (code: ExitCodeValue) => void) {
      program
        .command("completion")
        .description("print a shell completion script (bash, zsh, fish, powershell)")
        .argument("<shell>", `one of ${SHELLS.join(", ")}`)
        .addHelpText(
          "after",
          "\nInstall:\n  bash: echo 'source <(amlpipe completion bash)' >> ~/.bashrc\n  zsh:  echo 'source <(amlpipe completion zsh)' >> ~/.zshrc\n  fish: amlpipe completion fish > ~/.config/fish/completions/amlpipe.fish\n\nThe script asks `amlpipe complete -- <words>` at each Tab, so it always knows this version's commands;\nfile arguments complete as file names.",
        )
        .action(async (shell: string) => {
          if (!(SHELLS as readonly string[]).includes(shell)) {
            program.error(`error: no completion for shell "${shell}"; choose one of ${SHELLS.join(", ")}`, {
              exitCode: 2,
            });
          }
          const tree = await completionTree(build);
          const script = await printed(() => tree.setup("amlpipe", "amlpipe", shell));
          io.stdout(shell === "bash" ? mendBashScript(script) : script);
          setExit(0);
        });
      program
        .command("complete", { hidden: true })
        .description("answer a completion request: amlpipe complete -- <words>")
        .argument("[words...]")
        .action(async (words: string[]) => {
          const tree = await completionTree(build);
          io.stdout(await printed(() => tree.parse(words)));
          setExit(0);
        });
    },
  };
}
