"""PySpark word count, run on HDInsight with framework pyspark."""
import argparse

from pyspark.sql import SparkSession

parser = argparse.ArgumentParser()
parser.add_argument("--input", required=True)
parser.add_argument("--output", required=True)
args = parser.parse_args()

spark = SparkSession.builder.appName("amlpipe-wordcount").getOrCreate()
lines = spark.read.text(args.input).rdd.map(lambda row: row[0])
counts = lines.flatMap(lambda line: line.split()).map(lambda word: (word, 1)).reduceByKey(lambda a, b: a + b)
counts.toDF(["word", "count"]).write.mode("overwrite").csv(args.output, header=True)
spark.stop()
