/**
 * Everything a command may touch of the process, injected so tests run commands in-process and
 * capture their output. The real values come from `bin.ts`.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Working directory against which relative paths given by the user resolve. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * True when stderr, where progress goes, is a terminal: live progress lines only then (so
   * `2>run.log` gets plain lines, not a live line's escape codes).
   */
  readonly isTTY: boolean;
  /** The terminal's width now (stderr's columns; it changes when the window does). */
  readonly columns?: () => number | undefined;
  /**
   * Whether stderr, where diagnostics go, shows colour (`process.stderr.hasColors()`): decided for
   * that stream, so `2>file` gets no escape codes. Absent: no colour. NO_COLOR and FORCE_COLOR win.
   */
  readonly stderrColors?: boolean;
  /**
   * Takes over Ctrl-C for a long command (run, submit, emulator): afterwards the first Ctrl-C (or CI's
   * SIGTERM) aborts `stop`, the second aborts `kill`. A command that never calls it is ended by Ctrl-C
   * at once, as any program is.
   */
  readonly interrupts?: () => Interrupts;
  /**
   * How much a command says on stderr: `quiet` (`-q`) errors only, `verbose` (`-v`) also what it did
   * in detail. Results on stdout (JSON, tables, logs) are the same in every mode. Absent: normal.
   */
  readonly verbosity?: Verbosity;
  /** Asks the user a question on the terminal (absent when stdin is not a terminal). */
  readonly ask?: (question: string) => Promise<string>;
}

/** How much a command says: see {@link CliIo.verbosity}. */
export type Verbosity = "quiet" | "normal" | "verbose";

/** Writes progress or a report line to stderr, unless `-q` asked for errors only. */
export function say(io: CliIo, text: string): void {
  if (io.verbosity !== "quiet") io.stderr(text);
}

/** Writes a detail to stderr only when `-v` asked for it. */
export function sayVerbose(io: CliIo, text: string): void {
  if (io.verbosity === "verbose") io.stderr(text);
}

/** The two interrupts a long command answers: stop what it is doing, then kill what still runs. */
export interface Interrupts {
  /** The first Ctrl-C, or SIGTERM: stop starting work, cancel what was asked to be cancelled. */
  readonly stop: AbortSignal;
  /** A second Ctrl-C, or SIGTERM: kill what still runs. */
  readonly kill: AbortSignal;
}

/** Exit codes of every command. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  changesFound: 3,
  /** Ended by Ctrl-C (128 + SIGINT, as shells report a program killed by it). */
  interrupted: 130,
} as const;

/** One of {@link ExitCode}'s values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
