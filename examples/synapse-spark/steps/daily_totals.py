"""Daily sales totals, run on a Synapse Spark pool with framework pyspark."""
import argparse

from pyspark.sql import SparkSession, functions

parser = argparse.ArgumentParser()
parser.add_argument("--sales", required=True)
parser.add_argument("--totals", required=True)
args = parser.parse_args()

spark = SparkSession.builder.appName("amlpipe-daily-totals").getOrCreate()
sales = spark.read.csv(args.sales, header=True, inferSchema=True)
totals = sales.groupBy("day").agg(functions.sum("amount").alias("total"))
totals.write.mode("overwrite").csv(args.totals, header=True)
spark.stop()
