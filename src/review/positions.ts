// Positions of an offset as the review formats want them: 1-based lines, and columns in UTF-16
// code units (SARIF's default, and GitHub's) or in UTF-8 bytes (reviewdog's rdjson).

import { lineBounds, lineOfOffset } from '../line-index.js';

export interface Located {
  readonly line: number;
  /** 1-based, UTF-16 code units. */
  readonly column: number;
  /** 1-based, UTF-8 bytes. */
  readonly byteColumn: number;
}

export class Positions {
  readonly starts: number[];
  constructor(readonly text: string) {
    this.starts = lineBounds(text);
  }

  at(offset: number): Located {
    const k = lineOfOffset(this.starts, offset);
    const from = this.starts[k] as number;
    return { line: k + 1, column: offset - from + 1, byteColumn: Buffer.byteLength(this.text.slice(from, offset)) + 1 };
  }
}
