/**
 * A data file that cannot be read safely. The engine refuses to start, names the file, and says
 * how to recover; it never overwrites the file.
 */
export class StoreCorruptError extends Error {
  readonly file: string;
  readonly reason: string;

  /** `recoverHint` says what --recover does with this file (the default: moves it aside, starts with that data empty). */
  constructor(file: string, reason: string, recoverHint?: string) {
    super(
      `The data file ${file} cannot be read (${reason}). Hookdesk has not changed it. ` +
        `Restore it from a backup, or start again with --recover to ` +
        (recoverHint ?? `move it aside (it is kept as ${file}.corrupt-<time>) and start with that data empty.`),
    );
    this.name = 'StoreCorruptError';
    this.file = file;
    this.reason = reason;
  }
}

/** A data file written by a newer Hookdesk than this one. */
export class StoreTooNewError extends Error {
  constructor(file: string, found: number, supported: number) {
    super(
      `The data file ${file} has schema version ${found}, but this Hookdesk understands up to ${supported}. ` +
        `Update Hookdesk, or point --data-dir at another folder.`,
    );
    this.name = 'StoreTooNewError';
  }
}

/**
 * A journal append that was refused because one of its records cannot be written (not JSON, or
 * nested too deep): nothing of that append is on disk; the other appends of its batch went on.
 */
export class StoreRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreRecordError';
  }
}
