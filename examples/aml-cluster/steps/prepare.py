"""Prepare step: writes a synthetic (x, y) dataset with a known slope, so training can be checked."""
import argparse
import csv
import os
import random

parser = argparse.ArgumentParser()
parser.add_argument("--output", required=True)
parser.add_argument("--rows", type=int, default=int(os.environ.get("AML_PARAMETER_rows", "500")))
args = parser.parse_args()

random.seed(42)
os.makedirs(args.output, exist_ok=True)
with open(os.path.join(args.output, "points.csv"), "w", newline="") as handle:
    writer = csv.writer(handle)
    writer.writerow(["x", "y"])
    for _ in range(args.rows):
        x = random.uniform(0, 10)
        writer.writerow([f"{x:.4f}", f"{3.0 * x + 2.0 + random.gauss(0, 0.5):.4f}"])
print(f"prepare: {args.rows} rows -> {args.output}/points.csv")
