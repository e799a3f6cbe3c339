import { createRequire } from 'node:module';

/** har-validator (the HAR 1.2 JSON Schema validator; it ships no types): resolves with the HAR, or rejects listing what is wrong. */
interface HarValidator {
  har(data: unknown): Promise<unknown>;
}

const validator = createRequire(import.meta.url)('har-validator') as HarValidator;

/** The problems har-validator finds in a HAR file (empty when it is valid). */
export async function harProblems(har: unknown): Promise<string[]> {
  try {
    await validator.har(har);
    return [];
  } catch (error) {
    const errors = (error as { errors?: Array<{ dataPath?: string; instancePath?: string; message?: string }> }).errors ?? [];
    return errors.length > 0 ? errors.map((e) => `${e.dataPath ?? e.instancePath ?? ''} ${e.message ?? ''}`) : [String(error)];
  }
}
