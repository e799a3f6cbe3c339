/** How much of a binary body the hex view shows: enough to recognise a format, cheap to render. */
export const HEX_DUMP_BYTES = 4096;

/**
 * A classic hex dump, 16 bytes a line: offset, hex bytes, and the printable ASCII ("." otherwise).
 * Only the first `limit` bytes are dumped; the caller says how many there were in all.
 */
export function hexDump(bytes: Uint8Array, limit = HEX_DUMP_BYTES): string {
  const shown = bytes.subarray(0, limit);
  const lines: string[] = [];
  for (let offset = 0; offset < shown.length; offset += 16) {
    const chunk = Array.from(shown.subarray(offset, offset + 16));
    const hex = chunk.map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = chunk.map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join('\n');
}
