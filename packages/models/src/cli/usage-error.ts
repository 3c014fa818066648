/** The command line itself is wrong: the CLI prints the message and the usage, exit code 2. */
export class UsageError extends Error {}
