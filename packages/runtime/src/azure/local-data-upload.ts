import { basename, dirname, resolve } from "node:path";
import type { DataReferenceIR, LocalPathReferenceIR, PipelineIR } from "@amlpipe/compiler";
import { hashTree } from "../snapshot/hash-tree.js";
import { takeSnapshot } from "../snapshot/take-snapshot.js";
import { type CodeFolder, type DefaultDatastore, UPLOAD_ROOT } from "./code-upload.js";

/** A local data input to upload: the folder's upload, and where the data is on the datastore after. */
export interface DataFolder extends CodeFolder {
  readonly reference: string;
  /** Path on the default datastore (`LocalUpload/<hash>/<name>`, with the file name for a file). */
  readonly pathOnDatastore: string;
}

/**
 * Plans the upload of each local data input as the official SDK does for a job's local paths: its
 * content to `LocalUpload/<hash>/<name>` on the default datastore, named by its content hash (an
 * unchanged folder is not sent again). A file is uploaded alone, into a folder of its own.
 */
export async function localDataFolders(
  references: readonly LocalPathReferenceIR[],
  root: string,
  datastore: DefaultDatastore,
): Promise<DataFolder[]> {
  const folders: DataFolder[] = [];
  for (const reference of references) {
    const absolute = resolve(root, reference.path);
    const tree = await hashTree(absolute);
    const isFile = tree.files.length === 1 && tree.files[0]?.path === "";
    const name = basename(absolute) || "data";
    const snapshot = isFile
      ? {
          sha256: tree.sha256,
          files: tree.files.map((f) => ({ ...f, path: name })),
          bytes: tree.files.reduce((sum, f) => sum + f.size, 0),
        }
      : await takeSnapshot(absolute);
    const prefix = isFile
      ? `${UPLOAD_ROOT}/${snapshot.sha256.slice(0, 32)}`
      : `${UPLOAD_ROOT}/${snapshot.sha256.slice(0, 32)}/${name}`;
    folders.push({
      reference: reference.name,
      directory: isFile ? dirname(reference.path) : reference.path,
      snapshot,
      prefix,
      codeUri: `${datastore.protocol}://${datastore.accountName}.blob.${datastore.endpoint}/${datastore.containerName}/${prefix}`,
      pathOnDatastore: isFile ? `${prefix}/${name}` : prefix,
    });
  }
  return folders;
}

/** The pipeline with each uploaded local data input as the datastore path it was uploaded to. */
export function withUploadedData(
  ir: PipelineIR,
  uploads: readonly DataFolder[],
  datastore: string,
): PipelineIR {
  const byName = new Map(uploads.map((u) => [u.reference, u]));
  return {
    ...ir,
    dataReferences: ir.dataReferences.map((r): DataReferenceIR => {
      const upload = r.kind === "local_path" ? byName.get(r.name) : undefined;
      if (!upload || r.kind !== "local_path") return r;
      return {
        kind: "datastore_path",
        name: r.name,
        source: r.source,
        datastore,
        pathOnDatastore: upload.pathOnDatastore,
        ...(r.dataType ? { dataType: r.dataType } : {}),
      };
    }),
  };
}
