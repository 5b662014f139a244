import { posix } from "node:path";
import type { EnvironmentIR } from "../../ir/environment.js";
import { parseYamlFile } from "../parse-yaml-file.js";
import type { ReadHost } from "../read-host.js";
import type { YamlCursor } from "../yaml-cursor.js";

/** Where a v2 environment's conda file is looked for. */
export interface EnvironmentFiles {
  /** POSIX folder of the YAML file, relative to the root. */
  readonly folder: string;
  readonly host: ReadHost;
  /** The name to give an environment that names none. */
  readonly fallbackName: string;
}

/**
 * A v2 `environment:` as the IR's environment: `azureml:NAME@latest` (or `:VERSION`, whose version
 * is not carried: AP112) is a curated or registered environment by name; an inline one is an image,
 * with its conda file (inline, or a file beside the YAML) read into packages. Undefined when absent
 * or unreadable (reported).
 */
export function readV2Environment(cursor: YamlCursor, files: EnvironmentFiles): EnvironmentIR | undefined {
  if (cursor.missing) return undefined;
  const at = cursor.at;
  if (cursor.node && "value" in cursor.node) {
    const label = cursor.string("environment") ?? "";
    const match = /^azureml:([^@:/]+)(?:@latest|:(.+))?$/.exec(label);
    if (!match?.[1]) {
      cursor.typeError(
        `environment "${label}" is not an azureml:NAME@latest (or azureml:NAME:VERSION) reference`,
      );
      return undefined;
    }
    if (match[2] !== undefined)
      cursor.file.report(
        "AP112",
        "warning",
        `environment version ${match[2]} is not carried: amlpipe names environments by name and uses the latest`,
        at,
      );
    return { kind: "curated", name: match[1], source: at };
  }
  for (const key of ["build", "version", "os_type", "inference_config", "description", "tags"])
    if (cursor.has(key))
      cursor.file.report("AP112", "warning", `environment key "${key}" is not carried`, cursor.get(key).at);
  const image = cursor.get("image").string("environment image");
  if (!image) {
    cursor.typeError('an inline environment needs "image:" (a build context is not read by amlpipe)');
    return undefined;
  }
  const named = cursor.get("name").string("environment name");
  const conda = cursor.get("conda_file");
  const condaCursor = conda.missing ? undefined : condaDocument(conda, files);
  if (!condaCursor)
    return { kind: "docker", name: named ?? imageName(image), docker: { baseImage: image }, source: at };
  const packages = condaPackages(condaCursor);
  return {
    kind: "conda",
    name: named ?? condaCursor.get("name").string("conda name") ?? files.fallbackName,
    source: at,
    docker: { baseImage: image },
    ...packages,
  };
}

/** The image's last path segment without its tag: a readable environment name. */
function imageName(image: string): string {
  return (
    image
      .replace(/[:@].*$/, "")
      .split("/")
      .pop() || "image"
  );
}

/** The conda document: inline, or the file it names (relative to the YAML's folder). */
function condaDocument(conda: YamlCursor, files: EnvironmentFiles): YamlCursor | undefined {
  if (!(conda.node && "value" in conda.node)) return conda;
  const path = posix.normalize(posix.join(files.folder, conda.string("conda_file") ?? ""));
  const text = files.host.readFile(path);
  if (text === undefined) {
    conda.file.report(
      "AP104",
      "warning",
      `conda file "${path}" is not there: the environment is read as its image only`,
      conda.at,
    );
    return undefined;
  }
  return parseYamlFile(path, text, conda.file.diagnostics);
}

/** Channels and packages of a conda document (`python=X` gives the Python version; `pip:` the pip packages). */
function condaPackages(conda: YamlCursor): {
  pythonVersion?: string;
  condaPackages: string[];
  pipPackages: string[];
  channels: string[];
} {
  let pythonVersion: string | undefined;
  const condaList: string[] = [];
  const pipList: string[] = [];
  for (const item of conda.get("dependencies").items("dependencies")) {
    if (item.node && "value" in item.node) {
      const text = item.string("dependency") ?? "";
      const python = /^python\s*=+\s*(.+)$/.exec(text);
      if (python?.[1]) pythonVersion = python[1];
      // `pip` itself comes with any pip package list.
      else if (text !== "pip" && text !== "") condaList.push(text);
    } else pipList.push(...(item.get("pip").strings("pip") ?? []));
  }
  return {
    ...(pythonVersion !== undefined ? { pythonVersion } : {}),
    condaPackages: condaList,
    pipPackages: pipList,
    channels: conda.get("channels").strings("channels") ?? [],
  };
}
