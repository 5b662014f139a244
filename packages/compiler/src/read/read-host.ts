/**
 * What the reader may ask of the outside world, injected so that the compiler stays pure. Paths are
 * POSIX, relative to the compile root.
 */
export interface ReadHost {
  /** The text of a file, or undefined when there is none. */
  readFile(path: string): string | undefined;
  /** Whether a file or folder exists (scripts, source directories). */
  exists(path: string): boolean;
}
