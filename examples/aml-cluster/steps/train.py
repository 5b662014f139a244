"""Training step on an AML compute cluster: reads prepared data, fits a one-feature least-squares
line (standard library only), writes the model and its error."""
import argparse
import csv
import json
import os

parser = argparse.ArgumentParser()
parser.add_argument("--data", required=True)
parser.add_argument("--model", required=True)
parser.add_argument("--max-rows", type=int, default=int(os.environ.get("AML_PARAMETER_max_rows", "100000")))
args = parser.parse_args()

points = []
for name in sorted(os.listdir(args.data)):
    if name.endswith(".csv"):
        with open(os.path.join(args.data, name), newline="") as handle:
            for row in csv.DictReader(handle):
                points.append((float(row["x"]), float(row["y"])))
points = points[: args.max_rows]
n = len(points)
mean_x = sum(x for x, _ in points) / n
mean_y = sum(y for _, y in points) / n
slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / (sum((x - mean_x) ** 2 for x, _ in points) or 1.0)
intercept = mean_y - slope * mean_x
mse = sum((y - (slope * x + intercept)) ** 2 for x, y in points) / n
os.makedirs(args.model, exist_ok=True)
with open(os.path.join(args.model, "model.json"), "w") as handle:
    json.dump({"slope": slope, "intercept": intercept, "mse": mse, "rows": n}, handle, indent=2)
print(f"train: slope={slope:.3f} intercept={intercept:.3f} mse={mse:.4f} on {n} rows")
