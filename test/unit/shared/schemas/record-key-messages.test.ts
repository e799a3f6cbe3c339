import { describe, expect, it } from 'vitest';
import { environmentsPutSchema } from '../../../../shared/env/environment-schema';
import { HookdeskError } from '../../../../shared/errors';
import { parseOrThrow } from '../../../../shared/validation';

describe('Validation messages for names that are keys of a record', () => {
  it('say what is wrong with the name (not only "Invalid key in record"), under the name\'s path', () => {
    let error: unknown;
    try {
      parseOrThrow(environmentsPutSchema, { environments: { '': {}, staging: { '1bad': 'x' } }, active: null }, 'environments');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HookdeskError);
    const { fields, message } = error as HookdeskError;
    expect(fields).toEqual({
      'environments.': 'the name "" must be 1..64 letters, digits, ".", "_" or "-", starting with a letter or digit',
      'environments.staging.1bad': 'the name "1bad" must be a variable name: letters, digits and "_", not starting with a digit',
    });
    expect(message).toBe(
      'The environments is invalid: environments.: the name "" must be 1..64 letters, digits, ".", "_" or "-", starting with a letter or digit. Fix the listed fields and send it again.',
    );
  });
});
