// @ts-expect-error a number is not a string: proves this folder is compiled by the test run.
export const proof: string = 1;
