"""Trains a churn model; run on an attached AKS cluster."""
import argparse
import os
import pickle

import pandas
from sklearn.ensemble import RandomForestClassifier

parser = argparse.ArgumentParser()
parser.add_argument("--data", required=True)
parser.add_argument("--model", required=True)
parser.add_argument("--trees", type=int, default=100)
args = parser.parse_args()

customers = pandas.read_csv(args.data)
features, label = customers.drop(columns=["churned"]), customers["churned"]
model = RandomForestClassifier(n_estimators=args.trees).fit(features, label)
os.makedirs(args.model, exist_ok=True)
with open(os.path.join(args.model, "model.pkl"), "wb") as out:
    pickle.dump(model, out)
