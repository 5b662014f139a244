"""Train step: logistic regression by gradient descent (standard library only), writes model.json
and metrics.json. The learning rate comes from a pipeline parameter, passed as an argument and, as
Azure ML does for step parameters, as the AML_PARAMETER_learning_rate environment variable.
"""
import argparse
import csv
import json
import math
import os


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True, help="folder holding clean.csv")
    parser.add_argument("--model", required=True, help="output folder for model.json")
    parser.add_argument("--learning-rate", type=float, default=None)
    parser.add_argument("--epochs", type=int, default=200)
    args = parser.parse_args()
    rate = args.learning_rate
    if rate is None:
        rate = float(os.environ.get("AML_PARAMETER_learning_rate", "0.5"))

    with open(os.path.join(args.data, "clean.csv"), newline="") as handle:
        rows = list(csv.DictReader(handle))
    features = [k for k in rows[0] if k != "label"]
    xs = [[float(r[f]) for f in features] for r in rows]
    ys = [float(r["label"]) for r in rows]

    weights = [0.0] * len(features)
    bias = 0.0
    for _ in range(args.epochs):
        grad_w = [0.0] * len(features)
        grad_b = 0.0
        for x, y in zip(xs, ys):
            p = 1.0 / (1.0 + math.exp(-(sum(w * v for w, v in zip(weights, x)) + bias)))
            for i, v in enumerate(x):
                grad_w[i] += (p - y) * v
            grad_b += p - y
        weights = [w - rate * g / len(xs) for w, g in zip(weights, grad_w)]
        bias -= rate * grad_b / len(xs)

    correct = sum(
        (1.0 / (1.0 + math.exp(-(sum(w * v for w, v in zip(weights, x)) + bias))) >= 0.5) == (y == 1.0)
        for x, y in zip(xs, ys)
    )
    accuracy = correct / len(xs)
    os.makedirs(args.model, exist_ok=True)
    with open(os.path.join(args.model, "model.json"), "w") as handle:
        json.dump({"features": features, "weights": weights, "bias": bias}, handle, indent=2)
    with open(os.path.join(args.model, "metrics.json"), "w") as handle:
        json.dump({"accuracy": accuracy, "rows": len(xs), "learning_rate": rate}, handle, indent=2)
    print(f"train: accuracy {accuracy:.3f} on {len(xs)} rows (learning rate {rate}) -> {args.model}")


if __name__ == "__main__":
    main()
