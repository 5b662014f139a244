// The rules' example pipeline, under the name the tests have always used.
export { at, examplePipeline as validIR } from "../../src/rules/example-pipeline.js";
