/** A failure the CLI explains in one sentence on stderr, then exits with `exitCode` (1 unless said). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
