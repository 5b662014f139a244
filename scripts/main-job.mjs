// The README's main job: compile every example, then run the demo pipeline locally.
// (Filled in as the CLI and the local backend land.)
console.log("amlpipe: build finished");
