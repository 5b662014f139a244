/** The amlpipe version, recorded in every manifest.json. Kept equal to packages/cli/package.json. */
export const TOOL_VERSION = "0.1.0";
