"""DatabricksStep entry point (python_script_name: uploaded from the source directory). On Databricks it
runs on the cluster with Spark; amlpipe's local backend runs it with python3, where it falls back to
plain Python so the pipeline can be rehearsed without a cluster. Azure ML passes each input and output of
a DatabricksStep as `--<binding name> <path>` (here --cleaned and --features)."""
import argparse
import csv
import os

parser = argparse.ArgumentParser()
parser.add_argument("--cleaned", dest="input", required=True)
parser.add_argument("--features", dest="output", required=True)
args = parser.parse_args()

os.makedirs(args.output, exist_ok=True)
rows = 0
with open(os.path.join(args.output, "features.csv"), "w", newline="") as out:
    writer = csv.writer(out)
    writer.writerow(["file", "characters"])
    for name in sorted(os.listdir(args.input)):
        path = os.path.join(args.input, name)
        if os.path.isfile(path):
            with open(path, encoding="utf-8", errors="replace") as handle:
                writer.writerow([name, len(handle.read())])
            rows += 1
print(f"featurize: {rows} file(s) -> {args.output}/features.csv")
