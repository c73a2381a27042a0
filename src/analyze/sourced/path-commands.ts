// The command substitutions that compute a directory: `$(dirname X)`, `$(realpath X)`,
// `$(readlink -f X)`, `$(cd X && pwd)`, `$(cd X; pwd)`. The operand X is evaluated by the caller's
// `evalWord` (path-words.ts), which in turn evaluates these substitutions.

import type { CallExpr, Stmt, Word } from '../../parse/index.js';
import { literalWord } from './literal-words.js';
import { canonicalOf, dirnameOf, type PathValue } from './path-values.js';

/** Evaluates a command's path operand (path-words.ts's evalPathWord, in the caller's environment). */
export type EvalWord = (word: Word | undefined) => PathValue | null;

/** `$(dirname X)`, `$(realpath X)`, `$(readlink -f X)`, `$(cd X && pwd)`, `$(cd X; pwd)`, or null. */
export function evalCommand(stmts: readonly Stmt[], evalWord: EvalWord): PathValue | null {
  const only = stmts.length === 1 ? plainCall(stmts[0]) : null;
  if (only !== null) return evalSingleCommand(only, evalWord);
  const pair = cdThenPwd(stmts);
  return pair === null ? null : evalCdPwd(pair.cd, pair.pwd, evalWord);
}

/** The simple command of a statement that runs in the foreground, or null. */
function plainCall(stmt: Stmt | undefined): CallExpr | null {
  if (!stmt || stmt.negated || stmt.background || stmt.cmd?.type !== 'CallExpr') return null;
  return stmt.cmd;
}

function evalSingleCommand(call: CallExpr, evalWord: EvalWord): PathValue | null {
  if (call.assigns.length > 0) return null;
  const name = literalWord(call.args[0]);
  if (name === 'dirname') {
    const operand = singleOperand(call.args, () => false);
    const v = operand === null ? null : evalWord(operand);
    return v === null ? null : dirnameOf(v);
  }
  if (name === 'realpath' || name === 'readlink' || name === 'greadlink') {
    const opts = name === 'realpath' ? isRealpathOption : isReadlinkOption;
    const operand = singleOperand(call.args, opts);
    if (operand === null || (name !== 'realpath' && !canonicalizes(call.args))) return null;
    const v = evalWord(operand);
    return v === null ? null : canonicalOf(v, v.names);
  }
  return null;
}

/** The one operand after the command name, options `isOption` accepts and an optional `--`. */
function singleOperand(args: readonly Word[], isOption: (opt: string) => boolean): Word | null {
  let i = 1;
  for (; i < args.length; i++) {
    const text = literalWord(args[i]);
    if (text === '--') {
      i++;
      break;
    }
    if (text === null || !text.startsWith('-') || text === '-' || !isOption(text)) break;
  }
  return i === args.length - 1 ? (args[i] as Word) : null;
}

// Options that keep the output a plain absolute path (not `--relative-to`, not `-z`).
const isRealpathOption = (o: string): boolean =>
  /^-[emLPqs]+$/.test(o) ||
  [
    '--canonicalize-existing',
    '--canonicalize-missing',
    '--logical',
    '--physical',
    '--quiet',
    '--strip',
    '--no-symlinks',
  ].includes(o);
const isReadlinkOption = (o: string): boolean =>
  /^-[femnqsv]+$/.test(o) || /^--(canonicalize(-existing|-missing)?|no-newline|quiet|silent|verbose)$/.test(o);
/** Plain `readlink X` prints a link's target; only -f, -e and -m canonicalize. */
const canonicalizes = (args: readonly Word[]): boolean =>
  args.some((w) => {
    const t = literalWord(w) ?? '';
    return /^-[a-z]*[fem]/.test(t) || t.startsWith('--canonicalize');
  });

/** `cd X && pwd` (one statement) or `cd X; pwd` / `cd X || exit; pwd` (two). */
function cdThenPwd(stmts: readonly Stmt[]): { cd: Stmt; pwd: Stmt } | null {
  if (stmts.length === 1) {
    const cmd = stmts[0]?.cmd;
    if (cmd?.type !== 'BinaryCmd' || cmd.op !== '&&' || stmts[0]?.background) return null;
    return { cd: cmd.x, pwd: cmd.y };
  }
  if (stmts.length !== 2) return null;
  const first = stmts[0] as Stmt;
  // `cd X || exit 1`: the `||` part only runs when cd failed, and then nothing is printed that counts.
  const cd = first.cmd?.type === 'BinaryCmd' && first.cmd.op === '||' ? first.cmd.x : first;
  return first.background ? null : { cd, pwd: stmts[1] as Stmt };
}

function evalCdPwd(cdStmt: Stmt, pwdStmt: Stmt, evalWord: EvalWord): PathValue | null {
  const cd = plainCall(cdStmt);
  const pwd = plainCall(pwdStmt);
  if (cd === null || pwd === null || !isPwd(pwd, pwdStmt)) return null;
  // `CDPATH= cd X` is common and harmless; other prefix assignments are not understood.
  if (literalWord(cd.args[0]) !== 'cd' || cd.assigns.some((a) => a.name?.value !== 'CDPATH')) return null;
  const operand = singleOperand(cd.args, (o) => /^-[LPe@]+$/.test(o));
  const v = operand === null ? null : evalWord(operand);
  return v === null || v.names === 'script' ? null : canonicalOf(v, 'dir');
}

/** `pwd`, `pwd -P`, `pwd -L`, with at most stderr redirected. */
function isPwd(call: CallExpr, stmt: Stmt): boolean {
  if (call.assigns.length > 0 || literalWord(call.args[0]) !== 'pwd') return false;
  if (!call.args.slice(1).every((w) => /^-[LP]+$/.test(literalWord(w) ?? ''))) return false;
  return stmt.redirs.every((r) => r.fd?.value === '2');
}
