"""Trains a tiny linear model by gradient descent and writes it to outputs/ (what Azure ML keeps).

Standard library only, so it runs unchanged on this machine, a VM, HDInsight or an AML cluster.
"""
import argparse
import json
import os
import random

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=20)
parser.add_argument("--learning-rate", type=float, default=0.05)
args = parser.parse_args()

random.seed(7)
points = [(x / 10, 3 * x / 10 + 1 + random.uniform(-0.1, 0.1)) for x in range(50)]
weight, bias = 0.0, 0.0
for epoch in range(args.epochs):
    grad_w = sum((weight * x + bias - y) * x for x, y in points) / len(points)
    grad_b = sum(weight * x + bias - y for x, y in points) / len(points)
    weight -= args.learning_rate * grad_w
    bias -= args.learning_rate * grad_b
loss = sum((weight * x + bias - y) ** 2 for x, y in points) / len(points)
print(f"epochs={args.epochs} weight={weight:.3f} bias={bias:.3f} loss={loss:.4f}")

os.makedirs("outputs", exist_ok=True)
with open(os.path.join("outputs", "model.json"), "w") as f:
    json.dump({"weight": weight, "bias": bias, "loss": loss}, f, indent=2)
