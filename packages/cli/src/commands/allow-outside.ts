import { relative, resolve, sep } from "node:path";
import { Option } from "commander";

/**
 * `--allow-outside DIR` (repeatable): folders outside the project root (the working folder) that a
 * pipeline may read step code or runconfig files from. Without it, such paths are refused (AP110).
 */
export function allowOutsideOption(): Option {
  return new Option(
    "--allow-outside <dir>",
    "let the pipeline read files in DIR although it is outside the project root (repeatable)",
  )
    .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value])
    .default(undefined);
}

/** The `--allow-outside` folders as POSIX paths relative to `root`, as the compiler expects them. */
export function allowedOutside(root: string, dirs: readonly string[] | undefined): string[] | undefined {
  if (!dirs || dirs.length === 0) return undefined;
  return dirs.map((dir) => {
    const rel = relative(root, resolve(root, dir));
    return sep === "/" ? rel : rel.split(sep).join("/");
  });
}
