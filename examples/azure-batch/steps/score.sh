#!/usr/bin/env bash
# AzureBatchStep executable: scores every input file with a fixed rule and writes one result per file.
# Azure Batch runs it on a pool node; amlpipe's local backend runs it as a child process.
set -euo pipefail
input="${1:?usage: score.sh <input-folder> <output-folder>}"
output="${2:?usage: score.sh <input-folder> <output-folder>}"
mkdir -p "$output"
count=0
for file in "$input"/*.txt; do
  [ -e "$file" ] || continue
  words=$(wc -w < "$file")
  printf '%s\t%s\n' "$(basename "$file")" "$words" >> "$output/scores.tsv"
  count=$((count + 1))
done
echo "score.sh: scored $count file(s) -> $output/scores.tsv"
