"""PythonScriptStep after the Databricks steps: summarises the features they wrote."""
import argparse
import csv
import json
import os

parser = argparse.ArgumentParser()
parser.add_argument("--features", required=True)
parser.add_argument("--report", required=True)
args = parser.parse_args()

with open(os.path.join(args.features, "features.csv"), newline="") as handle:
    rows = list(csv.DictReader(handle))
os.makedirs(args.report, exist_ok=True)
summary = {"files": len(rows), "characters": sum(int(r["characters"]) for r in rows)}
with open(os.path.join(args.report, "report.json"), "w") as handle:
    json.dump(summary, handle, indent=2)
print(f"report: {summary}")
