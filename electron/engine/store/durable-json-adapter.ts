import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileDurably } from './durable-write';
import { StoreCorruptError } from './store-errors';

/**
 * A lowdb adapter that writes atomically and fsyncs (see durable-write), and that refuses to
 * treat an unreadable file as empty: a parse failure is a StoreCorruptError naming the file.
 * Used instead of lowdb's JSONFilePreset, which also switches to memory when NODE_ENV=test.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(private readonly path: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (text.trim() === '') throw new StoreCorruptError(this.path, 'the file is empty');
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new StoreCorruptError(this.path, `not valid JSON: ${(error as Error).message}`);
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.path, JSON.stringify(data, null, 2));
  }
}
