import type { EmulatorOptions, RunningEmulator } from "./arm-emulator.js";

/**
 * Starts `amlpipe emulator` (see arm-emulator.ts). Loaded on first use: the emulator brings the
 * definitions, a schema validator and the Storage client, which no other command needs at start-up.
 */
export async function startArmEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { startArmEmulator: start } = await import("./arm-emulator.js");
  return start(options);
}
