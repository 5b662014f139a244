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
  /** True when stdout is a terminal: live progress lines only then. */
  readonly isTTY: boolean;
  /**
   * Whether stderr, where diagnostics go, shows colour (`process.stderr.hasColors()`): decided for
   * that stream, so `2>file` gets no escape codes. Absent: no colour. NO_COLOR and FORCE_COLOR win.
   */
  readonly stderrColors?: boolean;
  /** Aborted on Ctrl-C (SIGINT); long commands watch it. */
  readonly signal?: AbortSignal;
  /** Asks the user a question on the terminal (absent when stdin is not a terminal). */
  readonly ask?: (question: string) => Promise<string>;
}

/** Exit codes of every command. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  changesFound: 3,
} as const;

/** One of {@link ExitCode}'s values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
