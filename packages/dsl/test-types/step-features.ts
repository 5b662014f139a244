// Type-level tests: a step kind has only the builder methods whose YAML the SDK v1 loader passes to
// its step class, and a binding name can be declared once.
import {
  adlaStep,
  azureBatchStep,
  databricksStep,
  datastore,
  dataTransferStep,
  parallelRunStep,
  pythonScriptStep,
} from "@amlpipe/dsl";

const lake = datastore.blob("lake");
const data = lake.path("raw");

// What each kind supports type-checks.
pythonScriptStep("p", { script: "p.py" })
  .input("a", data)
  .output("b")
  .param("c", 1)
  .args(({ inputs, outputs, params }) => [inputs.a, outputs.b, params.c]);
parallelRunStep("r", { entryScript: "s.py" })
  .input("a", data)
  .sideInput("lookup", data)
  .output("b")
  .args(({ sideInputs }) => [sideInputs.lookup]);
adlaStep("a", { script: "a.usql" }).input("a", data).output("b").param("c", "x");
azureBatchStep("b", { executable: "run.sh" }).input("a", data).output("b").args(["--x"]);
databricksStep("d", { pythonScriptName: "d.py", sourceDirectory: "src" }).input("a", data).output("b");

// @ts-expect-error only a ParallelRunStep reads side inputs
pythonScriptStep("p", { script: "p.py" }).sideInput("lookup", data);
// @ts-expect-error the loader passes no parameters to a ParallelRunStep
parallelRunStep("r", { entryScript: "s.py" }).param("c", 1);
// @ts-expect-error the loader passes no arguments to an AdlaStep
adlaStep("a", { script: "a.usql" }).args(["--x"]);
// @ts-expect-error the loader passes no parameters to an AzureBatchStep
azureBatchStep("b", { executable: "run.sh" }).param("c", 1);
// @ts-expect-error a DatabricksStep gets no arguments: use pythonScriptParams
databricksStep("d", { pythonScriptName: "d.py" }).args(["--x"]);
// @ts-expect-error a DatabricksStep gets no parameters
databricksStep("d", { pythonScriptName: "d.py" }).param("c", 1);
// @ts-expect-error a DataTransferStep's only output is its destination
dataTransferStep("t", { from: data, to: lake.path("copy") }).output("extra");
// @ts-expect-error a DataTransferStep reads only its source
dataTransferStep("t", { from: data, to: lake.path("copy") }).input("extra", data);

// A name is declared once: a second binding would silently replace the first.
// @ts-expect-error input "x" is declared twice
pythonScriptStep("p", { script: "p.py" }).input("x", data).input("x", data);
// @ts-expect-error output "y" is declared twice
pythonScriptStep("p", { script: "p.py" }).output("y").output("y");
// @ts-expect-error a parameter and an input share one namespace (v2 makes both inputs)
pythonScriptStep("p", { script: "p.py" }).input("x", data).param("x", 1);
// @ts-expect-error a side input and an input share one namespace
parallelRunStep("r", { entryScript: "s.py" }).input("x", data).sideInput("x", data);

// A copy goes to a data reference (a datastore path), the only destination the SDK v1 loader accepts.
// @ts-expect-error a datastore alone is not a destination
dataTransferStep("t", { from: data, to: { datastore: lake } });
// @ts-expect-error the copy is no intermediate data: there is no output to read
dataTransferStep("t", { from: data, to: lake.path("copy") }).outputs.destination;

// A DatabricksStep has exactly one entry point, with the arguments of its kind.
databricksStep("nb", { notebookPath: "/n", notebookParams: { a: "1" }, existingClusterId: "c" });
databricksStep("jar", { mainClassName: "Main", jarParams: ["--x"], existingClusterId: "c" });
databricksStep("py", { pythonScriptName: "s.py", sourceDirectory: "src", pythonScriptParams: ["1"] });
// @ts-expect-error two entry points
databricksStep("two", { notebookPath: "/n", mainClassName: "Main" });
// @ts-expect-error no entry point
databricksStep("none", { existingClusterId: "c" });
// @ts-expect-error a local script is uploaded from its source directory: it needs one
databricksStep("nodir", { pythonScriptName: "s.py" });
// @ts-expect-error jar arguments on a notebook
databricksStep("mixed", { notebookPath: "/n", jarParams: ["--x"] });

// Overrides are per target, JSON only.
pythonScriptStep("o", { script: "o.py" })
  .override("v1", { hash_paths: ["."] })
  .override("v2", { limits: { timeout: 60 } });
// @ts-expect-error the targets are v1 and v2
pythonScriptStep("o2", { script: "o.py" }).override("v3", {});
// @ts-expect-error an override holds JSON values, not functions
pythonScriptStep("o3", { script: "o.py" }).override("v1", { run: () => 1 });
