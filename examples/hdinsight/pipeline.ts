// HDInsight: attach a Spark cluster by resource id (password from an environment variable at attach
// time) and run a PySpark word count on it (framework pyspark).
import { compute, datastore, pipeline, pythonScriptStep, secret } from "@amlpipe/dsl";

const hdi = compute.hdInsight("hdi-spark", {
  resourceId:
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml-rg/providers/Microsoft.HDInsight/clusters/my-spark",
  sshPort: 22,
  username: "sshuser",
  password: secret.env("HDI_SSH_PASSWORD"),
});
const blob = datastore.blob("workspaceblobstore");

const wordcount = pythonScriptStep("wordcount", {
  script: "wordcount.py",
  sourceDirectory: "steps",
  framework: "pyspark",
})
  .on(hdi)
  .input("text", blob.path("books", { name: "books" }))
  .output("counts", { datastore: blob })
  .args(({ inputs, outputs }) => ["--input", inputs.text, "--output", outputs.counts]);

/** A PySpark job on HDInsight. */
export default pipeline("hdinsight-wordcount")
  .description("PySpark word count on HDInsight")
  .steps(wordcount);
