import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { PipelineIR } from "@amlpipe/compiler";
import { takeSnapshot } from "../snapshot/take-snapshot.js";

/** What a snapshot upload did. */
export interface UploadResult {
  readonly files: number;
  readonly bytes: number;
  readonly uploadedFiles: number;
  readonly uploadedBytes: number;
}

/** Azure ML's limit on a snapshot's total size (300 MB; larger source folders need .amlignore). */
export const SNAPSHOT_LIMIT_BYTES = 300 * 1024 * 1024;

/**
 * Snapshots every step's source directory (honouring .amlignore / .gitignore) and uploads the files
 * the store does not have yet, content-addressed by sha256: a resubmit uploads only changed files.
 * `store` answers whether a hash exists and stores content (the emulator's blob endpoint in tests).
 */
export async function uploadSnapshots(
  ir: PipelineIR,
  root: string,
  store: { has(sha: string): Promise<boolean>; put(sha: string, content: Buffer): Promise<void> },
  dryRun = false,
): Promise<UploadResult & { tooLarge: { directory: string; bytes: number; largest: string[] }[] }> {
  const directories = [
    ...new Set(ir.steps.flatMap((s) => (s.sourceDirectory === undefined ? [] : [s.sourceDirectory]))),
  ];
  let files = 0;
  let bytes = 0;
  let uploadedFiles = 0;
  let uploadedBytes = 0;
  const tooLarge: { directory: string; bytes: number; largest: string[] }[] = [];
  const seen = new Set<string>();
  for (const directory of directories) {
    const absolute = resolve(root, directory);
    const snapshot = await takeSnapshot(absolute);
    if (snapshot.bytes > SNAPSHOT_LIMIT_BYTES) {
      const largest = [...snapshot.files]
        .sort((a, b) => b.size - a.size)
        .slice(0, 5)
        .map((f) => `${f.path} (${(f.size / 1048576).toFixed(1)} MB)`);
      tooLarge.push({ directory, bytes: snapshot.bytes, largest });
      continue;
    }
    for (const file of snapshot.files) {
      files++;
      bytes += file.size;
      if (seen.has(file.sha256)) continue;
      seen.add(file.sha256);
      if (await store.has(file.sha256)) continue;
      uploadedFiles++;
      uploadedBytes += file.size;
      if (!dryRun) await store.put(file.sha256, readFileSync(join(absolute, file.path)));
    }
  }
  return { files, bytes, uploadedFiles, uploadedBytes, tooLarge };
}

/** The emulator's content-addressed blob store, over plain HTTP (retrying once on a dropped connection). */
export function emulatorBlobStore(endpoint: string): {
  has(sha: string): Promise<boolean>;
  put(sha: string, content: Buffer): Promise<void>;
} {
  const call = async (init: RequestInit & { url: string }): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(init.url, init);
        if ((response.status === 429 || response.status >= 500) && attempt < 4) continue;
        return response;
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
  };
  return {
    async has(sha) {
      return (
        (await call({ url: `${endpoint}/amlpipe-emulator/blobs/${sha}`, method: "HEAD" })).status === 200
      );
    },
    async put(sha, content) {
      const response = await call({
        url: `${endpoint}/amlpipe-emulator/blobs/${sha}`,
        method: "PUT",
        body: content,
      });
      if (response.status !== 201) throw new Error(`upload of ${sha} failed: HTTP ${response.status}`);
    },
  };
}
