"""Prepare step: read raw CSV files, drop incomplete rows, scale features to [0, 1], write clean.csv.

Azure ML (and amlpipe's local backend) pass the bound input and output folders as arguments.
"""
import argparse
import csv
import os
import sys


def read_rows(raw):
    files = [raw] if os.path.isfile(raw) else sorted(
        os.path.join(raw, name) for name in os.listdir(raw) if name.endswith(".csv")
    )
    if not files:
        sys.exit(f"prepare: no .csv file in {raw}")
    for path in files:
        with open(path, newline="") as handle:
            yield from csv.DictReader(handle)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--raw", required=True, help="input folder or file with CSV data")
    parser.add_argument("--out", required=True, help="output folder for clean.csv")
    args = parser.parse_args()

    rows = [r for r in read_rows(args.raw) if all(v not in ("", None) for v in r.values())]
    features = [k for k in rows[0] if k != "label"]
    low = {f: min(float(r[f]) for r in rows) for f in features}
    high = {f: max(float(r[f]) for r in rows) for f in features}

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "clean.csv"), "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=features + ["label"])
        writer.writeheader()
        for r in rows:
            scaled = {f: (float(r[f]) - low[f]) / ((high[f] - low[f]) or 1.0) for f in features}
            writer.writerow({**{f: f"{v:.6f}" for f, v in scaled.items()}, "label": r["label"]})
    print(f"prepare: {len(rows)} rows, {len(features)} features -> {args.out}/clean.csv")


if __name__ == "__main__":
    main()
