// Generated fragments are plain strings with three private-use markers. A here-document body
// must follow the end of the line that introduces it, but the generator that produces the
// redirection does not know where that line ends; so it leaves the body between HEREDOC_OPEN
// and HEREDOC_CLOSE, and every newline token that separates commands is written as NEWLINE.
// `renderProgram` moves each body after the next NEWLINE. Newlines inside quotes and the
// bodies of `$( )` (rendered on their own first) are real '\n' and never flush bodies.

/** A newline token (statement separator): pending here-document bodies follow it. */
export const NEWLINE = '\uE000';
export const HEREDOC_OPEN = '\uE001';
export const HEREDOC_CLOSE = '\uE002';
/**
 * Ends a `let` command. mvdan-sh 0.10.1 reads on as arithmetic into a glued `|`, `&`, `&&`,
 * into `|&` and into a comment (`let a=a|:`, `let x # c`); what follows gets a blank, no comment.
 */
export const LET_END = '\uE003';
/**
 * Starts a command (a subshell or `let`) that must not share its line with a pending
 * here-document: mvdan-sh 0.10.1 misses the body at a newline inside `( )` or right after
 * `let` arguments. Pending bodies go here instead, after a newline (allowed where a command starts).
 */
export const FLUSH_BODIES = '\uE004';

/** Builds a here-document redirection fragment; `body` holds whole lines and the terminator line. */
export function heredocFragment(operator: string, body: string): string {
  return `${operator}${HEREDOC_OPEN}${body}${HEREDOC_CLOSE}`;
}

/** Whether a here-document opened in `fragment` still waits for its newline. */
export function hasPendingBodies(fragment: string): boolean {
  const open = fragment.lastIndexOf(HEREDOC_OPEN);
  return open >= 0 && open > fragment.lastIndexOf(NEWLINE) && open > fragment.lastIndexOf(FLUSH_BODIES);
}

/** Replaces the markers: bodies go after the next newline token, or at the end of the text. */
export function renderProgram(fragment: string): string {
  let out = '';
  let pending = '';
  let from = 0;
  for (let i = 0; i < fragment.length; i++) {
    const c = fragment[i];
    if (c === NEWLINE) {
      out += `${fragment.slice(from, i)}\n${pending}`;
      pending = '';
      from = i + 1;
    } else if (c === LET_END || c === FLUSH_BODIES) {
      out += fragment.slice(from, i);
      if (c === FLUSH_BODIES && pending !== '') {
        out += `\n${pending}`;
        pending = '';
      }
      from = i + 1;
    } else if (c === HEREDOC_OPEN) {
      const close = fragment.indexOf(HEREDOC_CLOSE, i);
      if (close < 0) throw new Error('unbalanced here-document marker');
      out += fragment.slice(from, i);
      pending += fragment.slice(i + 1, close);
      i = close;
      from = close + 1;
    }
  }
  out += fragment.slice(from);
  if (pending !== '') out += `\n${pending}`;
  return out;
}
