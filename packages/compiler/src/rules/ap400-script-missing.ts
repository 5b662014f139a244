import { finding, type Rule } from "./rule.js";

/** AP400: a PythonScriptStep (or AdlaStep) with no script name. */
export const scriptMissingRule: Rule = {
  code: "AP400",
  check(ir) {
    return ir.steps
      .filter((s) => (s.type === "PythonScriptStep" || s.type === "AdlaStep") && s.scriptName.trim() === "")
      .map((s) =>
        finding(
          "AP400",
          `${s.type} "${s.key}" has no script`,
          s.source,
          "name the script with script_name (relative to source_directory)",
        ),
      );
  },
};
