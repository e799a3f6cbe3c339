import { describe, expect, it } from 'vitest';
import { connectorCreateSchema, connectorPatchSchema } from '../../../shared/schemas/connector';
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
      name: 'Name is empty: type a name for the connector, e.g. Shop orders.',
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

describe('create connector messages: what is wrong and what to do, from the API\'s own schema', () => {
  const nameMessage = (name: string): string | undefined => {
    const result = fieldSentences(connectorCreateSchema, { name, dataSource: null });
    return 'fields' in result ? result.fields.name : undefined;
  };

  it('says what is wrong with the name and how to fix it, never zod\'s default wording', () => {
    expect(nameMessage('')).toBe('Name is empty: type a name for the connector, e.g. Shop orders.');
    expect(nameMessage('Orders!')).toBe('Name cannot hold "!": use only letters, digits, spaces, _ and -.');
    expect(nameMessage('a/b#c!d/')).toBe('Name cannot hold "/", "#", "!": use only letters, digits, spaces, _ and -.');
    expect(nameMessage('tab\there')).toBe('Name cannot hold a tab or line break: use only letters, digits, spaces, _ and -.');
    expect(nameMessage(' Orders')).toBe('Name starts or ends with a space: remove it.');
    expect(nameMessage('x'.repeat(70))).toBe('Name is 70 characters long: shorten it to 64 or fewer.');
    expect(nameMessage('Zahlungen für Müller_2')).toBeUndefined(); // letters of any script are fine
  });

  it('says an empty or over-long custom data source is one, and that Auto-discover is the other way', () => {
    const empty = fieldSentences(connectorCreateSchema, { name: 'orders', dataSource: '  ' });
    expect('fields' in empty && empty.fields).toEqual({ dataSource: "Custom data source is empty: type the sender's name (e.g. Acme ERP), or choose Auto-discover." });
    const long = fieldSentences(connectorCreateSchema, { name: 'orders', dataSource: 'y'.repeat(65) });
    expect('fields' in long && long.fields).toEqual({ dataSource: 'Custom data source is longer than 64 characters: shorten it.' });
  });

  it('passes what the engine accepts through unchanged', () => {
    expect(fieldSentences(connectorCreateSchema, { name: 'Shop orders', dataSource: ' Acme ERP ' })).toEqual({
      data: { name: 'Shop orders', dataSource: 'Acme ERP', typePath: null, retention: 10_000 },
    });
  });
});
