/** A CSV row with the 1-based line number it starts on, for error messages. */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvParseOptions {
  /** Field separator; detected from the first line (`;`, `,` or tab) when omitted. */
  separator?: string;
}

/** Picks the separator that splits the header line into the most fields, outside quotes. */
export function detectSeparator(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  let best = ',';
  let bestCount = -1;
  for (const candidate of [';', ',', '\t']) {
    let count = 0;
    let quoted = false;
    for (const character of firstLine) {
      if (character === '"') quoted = !quoted;
      else if (!quoted && character === candidate) count += 1;
    }
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses RFC 4180 CSV: quoted fields may hold separators, quotes (doubled) and line breaks.
 * A leading byte-order mark is dropped; blank lines are skipped. Never throws: an unterminated
 * quote ends at the end of the text.
 */
export function parseCsv(text: string, options: CsvParseOptions = {}): CsvRow[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const separator = options.separator ?? detectSeparator(source);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  const endRow = (): void => {
    cells.push(field);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
    field = '';
    fieldStarted = false;
  };
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index] as string;
    if (quoted) {
      if (character === '"') {
        if (source[index + 1] === '"') {
          field += '"';
          index += 1;
        } else quoted = false;
      } else {
        if (character === '\n') line += 1;
        field += character;
      }
      continue;
    }
    if (character === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (character === separator) {
      cells.push(field);
      field = '';
      fieldStarted = false;
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && source[index + 1] === '\n') index += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else {
      field += character;
      fieldStarted = true;
    }
  }
  if (field !== '' || cells.length > 0) endRow();
  return rows;
}

/** Parses CSV with a header row into records keyed by the (trimmed) header names. */
export function parseCsvRecords(text: string, options: CsvParseOptions = {}): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, options);
  if (!header) return [];
  const names = header.cells.map((name) => name.trim());
  return rows.map((row) => Object.fromEntries(names.map((name, column) => [name, row.cells[column] ?? ''])));
}

/**
 * Parses CSV with a header row into records with the line each starts on (1-based, counting blank
 * lines and the line breaks inside quoted cells), for reports that name the line a person opens.
 */
export function parseCsvLines(text: string, options: CsvParseOptions = {}): { line: number; record: Record<string, string> }[] {
  const [header, ...rows] = parseCsv(text, options);
  if (!header) return [];
  const names = header.cells.map((name) => name.trim());
  return rows.map((row) => ({ line: row.line, record: Object.fromEntries(names.map((name, column) => [name, row.cells[column] ?? ''])) }));
}
