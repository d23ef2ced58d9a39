/** Small formatting helpers shared by the bench sections: padded markdown tables and byte sizes. */

export type Align = 'left' | 'right';

/** A GitHub-flavoured markdown table, padded so it also reads well in a terminal. */
export function markdownTable(header: string[], rows: string[][], align: Align[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length), 3));
  const pad = (cell: string, i: number) => (align[i] === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, i)).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === 'right' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...rows.map((r) => line(header.map((_, i) => r[i] ?? '')))].join('\n');
}

/** Kilobytes as the budget states them (1 KB = 1000 bytes, the stricter reading), one decimal. */
export const kb = (bytes: number) => (bytes / 1000).toFixed(1);
