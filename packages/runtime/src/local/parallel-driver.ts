/**
 * The Python driver the local backend runs a ParallelRunStep with: it loads the entry script, calls
 * its `init()` once and its `run(mini_batch)` per batch of input files, and writes the results as
 * Azure ML does (`parallel_run_step.txt`, one line per row, for `append_row`).
 */
export const PARALLEL_DRIVER_PY = `import importlib.util, os, sys

entry, batch_size, output_action, output_dir, *rest = sys.argv[1:]
split = rest.index("--") if "--" in rest else len(rest)
inputs, script_args = rest[:split], rest[split + 1:]
sys.argv = [entry] + script_args
spec = importlib.util.spec_from_file_location("entry_script", entry)
module = importlib.util.module_from_spec(spec)
sys.path.insert(0, os.path.dirname(os.path.abspath(entry)))
spec.loader.exec_module(module)
if hasattr(module, "init"):
    module.init()
files = []
for item in inputs:
    if os.path.isdir(item):
        for base, _, names in os.walk(item):
            files.extend(os.path.join(base, n) for n in names)
    else:
        files.append(item)
files.sort()
size = max(1, int(str(batch_size).split(" ")[0] or 1))
rows = []
for start in range(0, len(files), size):
    result = module.run(files[start:start + size])
    rows.extend(result if isinstance(result, list) else [result])
os.makedirs(output_dir, exist_ok=True)
if output_action == "append_row":
    with open(os.path.join(output_dir, "parallel_run_step.txt"), "w") as out:
        out.writelines(f"{row}\\n" for row in rows)
print(f"parallel run: {len(files)} file(s) in {(len(files) + size - 1) // size} mini-batch(es)")
`;
