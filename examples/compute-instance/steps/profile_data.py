"""Writes a short profile of a CSV file: rows, columns and missing values per column."""
import argparse
import csv
import json
import os

parser = argparse.ArgumentParser()
parser.add_argument("--data", required=True)
parser.add_argument("--report", required=True)
args = parser.parse_args()

with open(args.data, newline="") as source:
    rows = list(csv.DictReader(source))
columns = list(rows[0].keys()) if rows else []
missing = {c: sum(1 for r in rows if not r[c]) for c in columns}
os.makedirs(args.report, exist_ok=True)
with open(os.path.join(args.report, "profile.json"), "w") as out:
    json.dump({"rows": len(rows), "columns": columns, "missing": missing}, out, indent=2)
