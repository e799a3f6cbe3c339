import { describe, expect, it } from 'vitest';
import { connectorPatchSchema } from '../../../shared/schemas/connector';
import { fieldSentences } from '../../../renderer/src/features/connectors/connector-form';

describe('edit connector messages in words', () => {
  it('names the field and says what is allowed, for every problem at once', () => {
    const result = fieldSentences(connectorPatchSchema, {
      name: '',
      retention: -1,
      typePath: 'x',
      response: { status: 99, headers: {}, body: '', delayMs: 1.5 },
    });
    expect('fields' in result && result.fields).toEqual({
      name: 'Name must not be empty.',
      retention: 'Events kept must be 1 or more.',
      typePath: 'Type JSONPath must be a JSONPath starting with $.',
      'response.status': 'Response status must be 200..599.',
      'response.delayMs': 'Response delay must be a whole number.',
    });
  });

  it('says a blank or non-numeric number is not a number, and never shows zod defaults', () => {
    const result = fieldSentences(connectorPatchSchema, { retention: Number.NaN, response: { status: 200, headers: {}, body: '', delayMs: 70_000 } });
    const fields = 'fields' in result ? result.fields : {};
    expect(fields).toEqual({ retention: 'Events kept must be a number.', 'response.delayMs': 'Response delay must be at most 60000.' });
    expect(JSON.stringify(fields)).not.toMatch(/Too small|Invalid input|expected/);
  });
});
