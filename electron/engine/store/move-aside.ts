import { rename } from 'node:fs/promises';

/** Moves a damaged data file aside (never deletes it) and answers the new name. */
export async function moveAside(file: string, suffix: 'corrupt' | 'torn', nowMs: number): Promise<string> {
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');
  const target = `${file}.${suffix}-${stamp}`;
  await rename(file, target);
  return target;
}
