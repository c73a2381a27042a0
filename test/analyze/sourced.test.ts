// Which file a `source` / `.` command names (analyze/sourced/): literal paths, the script-directory
// idioms, variables holding them, and `# shellcheck source=` directives; then bash itself is asked
// which files a tree of scripts really sources, run from other working directories.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { mayBeDirVariable, scriptDirVariables } from '../../src/analyze/sourced/dir-variables.js';
import { sourceDirective } from '../../src/analyze/sourced/directive.js';
import { resolveSourcePath, type SourceTarget } from '../../src/analyze/sourced/resolve-path.js';
import type { CallExpr, File, Word } from '../../src/parse/ast.js';
import { forEachNode, parse } from '../../src/parse/index.js';
import { useTempDir } from '../support/cli.js';
import { UNIT_TIER } from '../support/tier.js';
import { writeTree } from '../support/tree.js';

/** The `source` / `.` commands of a script, in source order. */
function sourceCommands(file: File): CallExpr[] {
  const out: CallExpr[] = [];
  forEachNode(file, (node) => {
    if (node.type !== 'CallExpr') return;
    const first = node.args[0]?.parts[0];
    if (
      node.args.length >= 2 &&
      node.args[0]?.parts.length === 1 &&
      first?.type === 'Lit' &&
      (first.value === 'source' || first.value === '.')
    )
      out.push(node);
  });
  return out;
}

/** What each source command of `text` resolves to, as the flow analysis asks it. */
function resolveAll(text: string, scriptPath: string, mainScriptPath = scriptPath): SourceTarget[] {
  const file = parse(text, { dialect: 'bash', path: scriptPath });
  const dirVars = scriptDirVariables(file, scriptPath, mainScriptPath);
  return sourceCommands(file).map((call) => {
    const word = call.args[1] as Word;
    const directive = sourceDirective(file, text, word.start);
    // The directive is found from the command's start too.
    assert.equal(sourceDirective(file, text, call.start), directive);
    return resolveSourcePath(word, { scriptPath, mainScriptPath, directive, dirVars });
  });
}

const file = (path: string): SourceTarget => ({ kind: 'file', path });
const unresolved = (reason: string): SourceTarget => ({ kind: 'unresolved', reason });
/** Any reason: the table only says the path is not named. */
const UNRESOLVED = unresolved('*');

interface Case {
  readonly what: string;
  readonly text: string;
  readonly script?: string;
  readonly main?: string;
  readonly expect: SourceTarget;
}

const BUILD = 'scripts/ci/build.sh';
const INNER = 'scripts/ci/lib/inner.sh';

function runCases(cases: readonly Case[]): void {
  for (const c of cases) {
    it(c.what, () => {
      const script = c.script ?? BUILD;
      const targets = resolveAll(c.text, script, c.main ?? script);
      assert.equal(targets.length >= 1, true, 'no source command found');
      const got = targets[targets.length - 1] as SourceTarget;
      if (c.expect === UNRESOLVED) assert.equal(got.kind, 'unresolved', JSON.stringify(got));
      else assert.deepEqual(got, c.expect);
    });
  }
}

describe('analyze/sourced: literal paths', () => {
  runCases([
    {
      what: 'source ./lib.sh is relative to the script directory',
      text: 'source ./lib.sh\n',
      expect: file('scripts/ci/lib.sh'),
    },
    { what: '. lib/common.sh', text: '. lib/common.sh\n', expect: file('scripts/ci/lib/common.sh') },
    { what: 'a quoted absolute path', text: 'source "/abs/x.sh"\n', expect: file('/abs/x.sh') },
    { what: 'an absolute path is normalized', text: 'source /abs//y/../x.sh\n', expect: file('/abs/x.sh') },
    { what: 'a parent directory', text: "source '../x.sh'\n", expect: file('scripts/x.sh') },
    { what: 'an escaped blank', text: 'source lib\\ dir/x.sh\n', expect: file('scripts/ci/lib dir/x.sh') },
    { what: 'a script at the base', text: '. lib.sh\n', script: 'run.sh', expect: file('lib.sh') },
    { what: 'a script given as ./run.sh', text: '. ./lib.sh\n', script: './run.sh', expect: file('lib.sh') },
    { what: 'a quoted glob character is literal', text: 'source "lib/*.sh"\n', expect: file('scripts/ci/lib/*.sh') },
    {
      what: 'an unquoted glob',
      text: 'source lib/*.sh\n',
      expect: unresolved('the path has a glob or brace expansion'),
    },
    {
      what: 'a brace expansion',
      text: 'source lib/{a,b}.sh\n',
      expect: unresolved('the path has a glob or brace expansion'),
    },
    { what: 'a tilde', text: 'source ~/x.sh\n', expect: unresolved('the path starts with ~ (a home directory)') },
    { what: 'a positional parameter', text: 'source "$1"\n', expect: unresolved('the path is computed from $1') },
    { what: '$HOME', text: 'source "$HOME/.bashrc"\n', expect: unresolved('the path is computed from $HOME') },
    {
      what: 'a configuration variable',
      text: '. "$CONFIG"\n',
      expect: unresolved('the path is computed from $CONFIG'),
    },
    {
      what: 'a variable after literal text',
      text: 'source "lib/$NAME.sh"\n',
      expect: unresolved('the path is computed from $NAME'),
    },
    {
      what: 'a process substitution',
      text: 'source <(echo x=1)\n',
      expect: unresolved('the file is a process substitution'),
    },
    {
      what: 'another command substitution',
      text: 'source "$(git rev-parse --show-toplevel)/x.sh"\n',
      expect: unresolved('the path is computed by $(git …)'),
    },
  ]);
});

describe('analyze/sourced: $0 and BASH_SOURCE', () => {
  const sub = (what: string, text: string, expect: SourceTarget): Case => ({
    what,
    text,
    script: INNER,
    main: BUILD,
    expect,
  });
  runCases([
    sub(
      '$(dirname "$0") is the directory of the script that was run',
      'source "$(dirname "$0")/x.sh"\n',
      file('scripts/ci/x.sh'),
    ),
    sub('`dirname $0`', 'source `dirname $0`/x.sh\n', file('scripts/ci/x.sh')),
    sub('"$(dirname "${0}")/x"', '. "$(dirname "${0}")/x.sh"\n', file('scripts/ci/x.sh')),
    sub('${0%/*}', 'source "${0%/*}/x.sh"\n', file('scripts/ci/x.sh')),
    sub('dirname -- "$0" and ../', 'source "$(dirname -- "$0")"/../lib/x.sh\n', file('scripts/lib/x.sh')),
    sub(
      '${BASH_SOURCE%/*} is the directory of this file',
      'source ${BASH_SOURCE%/*}/x.sh\n',
      file('scripts/ci/lib/x.sh'),
    ),
    sub('"${BASH_SOURCE[0]%/*}/x"', 'source "${BASH_SOURCE[0]%/*}/x.sh"\n', file('scripts/ci/lib/x.sh')),
    sub(
      '$(dirname "${BASH_SOURCE[0]}")',
      'source "$(dirname "${BASH_SOURCE[0]}")/x.sh"\n',
      file('scripts/ci/lib/x.sh'),
    ),
    sub('$(dirname "$BASH_SOURCE")', 'source "$(dirname "$BASH_SOURCE")/x.sh"\n', file('scripts/ci/lib/x.sh')),
    // The forms nounset writes for a piped script's BASH_SOURCE resolve as the originals: a second
    // run follows the same files.
    sub(
      '$(dirname "${BASH_SOURCE[0]:-$0}")',
      'source "$(dirname "${BASH_SOURCE[0]:-$0}")/x.sh"\n',
      file('scripts/ci/lib/x.sh'),
    ),
    sub(
      '${BASH_SOURCE:+${BASH_SOURCE%/*}}',
      '. "${BASH_SOURCE:+${BASH_SOURCE%/*}}/x.sh"\n',
      file('scripts/ci/lib/x.sh'),
    ),
    sub(
      '${BASH_SOURCE[1]} is the caller',
      'source "${BASH_SOURCE[1]%/*}/x.sh"\n',
      unresolved('the path is computed from $BASH_SOURCE'),
    ),
    sub('$(cd "$(dirname "$0")" && pwd)', 'source "$(cd "$(dirname "$0")" && pwd)/x.sh"\n', file('scripts/ci/x.sh')),
    sub(
      '$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" &> /dev/null && pwd)',
      'source "$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" &> /dev/null && pwd)/x.sh"\n',
      file('scripts/ci/lib/x.sh'),
    ),
    sub('cd ...; pwd -P', 'source "$(cd "$(dirname "$0")"; pwd -P)/x.sh"\n', file('scripts/ci/x.sh')),
    sub('cd ... || exit; pwd', 'source "$(cd "$(dirname "$0")" || exit 1; pwd)/x.sh"\n', file('scripts/ci/x.sh')),
    sub(
      'CDPATH= cd ... >/dev/null 2>&1 && pwd',
      'source "$(CDPATH= cd "$(dirname "$0")" >/dev/null 2>&1 && pwd)/x.sh"\n',
      file('scripts/ci/x.sh'),
    ),
    sub('cd into a parent', 'source "$(cd "$(dirname "$0")/.." && pwd)/x.sh"\n', file('scripts/x.sh')),
    sub('$(realpath "$(dirname "$0")")', 'source "$(realpath "$(dirname "$0")")/x.sh"\n', file('scripts/ci/x.sh')),
    sub(
      '$(dirname "$(readlink -f "$0")")',
      'source "$(dirname "$(readlink -f "$0")")/x.sh"\n',
      file('scripts/ci/x.sh'),
    ),
    sub(
      '$(dirname "$(realpath "${BASH_SOURCE[0]}")")',
      'source "$(dirname "$(realpath "${BASH_SOURCE[0]}")")/x.sh"\n',
      file('scripts/ci/lib/x.sh'),
    ),
    sub(
      'plain readlink prints a link target',
      'source "$(dirname "$(readlink "$0")")/x.sh"\n',
      unresolved('the path is computed by $(dirname …)'),
    ),
    sub('pwd with its output redirected', 'source "$(cd "$(dirname "$0")" && pwd >/dev/null)/x.sh"\n', UNRESOLVED),
    sub('cd to a literal relative directory', 'source "$(cd lib && pwd)/x.sh"\n', UNRESOLVED),
    sub('a directory alone', 'source "$(dirname "$0")"\n', unresolved('the path names a directory')),
    sub(
      'text glued on without a slash',
      'source "${BASH_SOURCE%/*}lib.sh"\n',
      unresolved('the path adds text to a directory without a /'),
    ),
    sub('the script itself', 'source "$0"\n', unresolved('the path names the script itself')),
    {
      what: 'a script at the base: cd .. climbs above it',
      text: 'source "$(cd "$(dirname "$0")/.." && pwd)/x.sh"\n',
      script: 'run.sh',
      expect: file('../x.sh'),
    },
    {
      what: 'a script at the base: ${BASH_SOURCE%/*} is taken as its directory',
      text: 'source "${BASH_SOURCE%/*}/lib.sh"\n',
      script: 'run.sh',
      expect: file('lib.sh'),
    },
    {
      what: 'an absolute script path',
      text: 'source "$(dirname "$0")/../lib/x.sh"\n',
      script: '/opt/app/bin/run.sh',
      expect: file('/opt/app/lib/x.sh'),
    },
  ]);
});

describe('analyze/sourced: variables holding the script directory', () => {
  runCases([
    {
      what: 'DIR=$(dirname "$0"); source "$DIR/lib.sh"',
      text: 'DIR=$(dirname "$0")\nsource "$DIR/lib.sh"\n',
      expect: file('scripts/ci/lib.sh'),
    },
    { what: '${DIR}', text: 'DIR=$(dirname "$0")\nsource "${DIR}/lib.sh"\n', expect: file('scripts/ci/lib.sh') },
    {
      what: '$DIR/../lib/x.sh, unquoted',
      text: 'DIR=$(dirname "$0")\nsource $DIR/../lib/x.sh\n',
      expect: file('scripts/lib/x.sh'),
    },
    { what: 'readonly', text: 'readonly DIR="${BASH_SOURCE%/*}"\n. "$DIR/x.sh"\n', expect: file('scripts/ci/x.sh') },
    {
      what: 'export, and a later export of the name',
      text: 'export DIR=$(dirname "$0")\nexport DIR\nsource "$DIR/x.sh"\n',
      expect: file('scripts/ci/x.sh'),
    },
    {
      what: 'declare -r',
      text: 'declare -r DIR=$(dirname "$0")\nsource "$DIR/x.sh"\n',
      expect: file('scripts/ci/x.sh'),
    },
    {
      what: 'local in a function',
      text: 'f() {\n  local dir\n  dir=1\n}\ng() {\n  local here=$(dirname "${BASH_SOURCE[0]}")\n  source "$here/x.sh"\n}\n',
      expect: file('scripts/ci/x.sh'),
    },
    {
      what: 'a chain: SCRIPT_DIR, then ROOT="$SCRIPT_DIR/.."',
      text: 'SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" >/dev/null 2>&1 && pwd)"\nROOT="$SCRIPT_DIR/.."\nsource "$ROOT/lib/x.sh"\n',
      expect: file('scripts/lib/x.sh'),
    },
    {
      what: 'a chain defined after its use, climbing above the base',
      text: 'f() { source "$ROOT/x.sh"; }\nROOT=$(dirname "$DIR")\nDIR=$(cd "$(dirname "$0")" && pwd)\n',
      script: 'run.sh',
      expect: file('../x.sh'),
    },
    {
      what: 'through the script path: SELF=$(readlink -f "$0")',
      text: 'SELF=$(readlink -f "$0")\nHERE=$(dirname "$SELF")\nsource "$HERE/x.sh"\n',
      expect: file('scripts/ci/x.sh'),
    },
    {
      what: 'a path under a directory',
      text: 'LIB="$(dirname "$0")/lib/common.sh"\nsource "$LIB"\n',
      expect: file('scripts/ci/lib/common.sh'),
    },
    {
      what: 'assigned twice',
      text: 'DIR=$(dirname "$0")\nDIR=$DIR/lib\nsource "$DIR/x.sh"\n',
      expect: unresolved('the path is computed from $DIR'),
    },
    { what: 'also read', text: 'DIR=$(dirname "$0")\nread -r DIR\nsource "$DIR/x.sh"\n', expect: UNRESOLVED },
    {
      what: 'also a loop variable',
      text: 'DIR=$(dirname "$0")\nfor DIR in a b; do :; done\nsource "$DIR/x.sh"\n',
      expect: UNRESOLVED,
    },
    { what: 'also ${DIR:=…}', text: 'DIR=$(dirname "$0")\n: "${DIR:=/tmp}"\nsource "$DIR/x.sh"\n', expect: UNRESOLVED },
    {
      what: 'also printf -v',
      text: 'DIR=$(dirname "$0")\nprintf -v DIR %s /tmp\nsource "$DIR/x.sh"\n',
      expect: UNRESOLVED,
    },
    { what: 'also eval', text: 'DIR=$(dirname "$0")\neval "DIR=$HOME"\nsource "$DIR/x.sh"\n', expect: UNRESOLVED },
    {
      what: 'also a local of the same name',
      text: 'DIR=$(dirname "$0")\nf() { local DIR; }\nsource "$DIR/x.sh"\n',
      expect: UNRESOLVED,
    },
    { what: 'also (( DIR++ ))', text: 'DIR=$(dirname "$0")\n(( DIR++ ))\nsource "$DIR/x.sh"\n', expect: UNRESOLVED },
    { what: 'only for one command', text: 'DIR=$(dirname "$0") make\nsource "$DIR/x.sh"\n', expect: UNRESOLVED },
    {
      what: 'declare -l changes the value',
      text: 'declare -l DIR=$(dirname "$0")\nsource "$DIR/x.sh"\n',
      expect: UNRESOLVED,
    },
    {
      what: 'a literal relative directory',
      text: 'DIR=lib\nsource "$DIR/x.sh"\n',
      expect: unresolved('the path is computed from $DIR'),
    },
    { what: 'a directory from $PWD', text: 'DIR=$PWD\nsource "$DIR/x.sh"\n', expect: UNRESOLVED },
  ]);

  it('scriptDirVariables lists the directories, not the script path', () => {
    const text =
      'SELF=$(readlink -f "$0")\nHERE=$(dirname "$SELF")\nROOT="$HERE/.."\nLIB=${BASH_SOURCE%/*}/lib\nX=1\nY=$(dirname "$0")\nY=2\n';
    const vars = scriptDirVariables(parse(text), INNER, BUILD);
    assert.deepEqual([...vars].sort(), [
      ['HERE', { kind: 'dir', path: 'scripts/ci' }],
      ['LIB', { kind: 'dir', path: 'scripts/ci/lib/lib' }],
      ['ROOT', { kind: 'dir', path: 'scripts' }],
    ]);
  });
});

describe('analyze/sourced: mayBeDirVariable, the text check before the walk', () => {
  // The loader skips scriptDirVariables' walk of the whole tree when the text alone rules a name
  // out, so the check must never rule out a name the walk finds.
  const dirTexts = [
    'DIR=$(dirname "$0")\n',
    'DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"\nROOT="$DIR/.."\nLIB=${ROOT}/lib\nTOP=${LIB%/*}\n',
    'readonly DIR="${BASH_SOURCE%/*}"\n',
    'declare -r HERE=`dirname $0`\n',
    'SELF=""$0\nB=${0%/*}\nC=${0}\n',
    'f() {\n  local here=$(dirname "${BASH_SOURCE[0]}")\n}\n',
    'D\\\n=$(dirname "$0")\nX=$(dirname \\\n"$0")\n',
  ];
  const gathered = (): string[] => {
    const out: string[] = [...dirTexts];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(sh|bash|bats)$/.test(e.name)) out.push(readFileSync(p, 'utf8'));
      }
    };
    for (const dir of ['fixtures', 'test/flow-corpus', 'examples']) walk(dir);
    return out;
  };

  it('is true for every variable scriptDirVariables finds (cases above, fixtures, corpora)', () => {
    let found = 0;
    for (const text of gathered()) {
      let tree: File;
      try {
        tree = parse(text, { dialect: 'bash' });
      } catch {
        continue;
      }
      for (const name of scriptDirVariables(tree, BUILD, BUILD).keys()) {
        found++;
        assert.equal(mayBeDirVariable(text, name), true, `${name} in:\n${text.slice(0, 400)}`);
      }
    }
    // The check above ran on real directory variables, not on none.
    assert.ok(found >= 12, `only ${found} directory variables found`);
  });

  it('rules out definitions that cannot evaluate, and names never defined', () => {
    const text = 'A="${A:-/opt}"\nB=lib\nC=$HOME/x\nD=${E:-$(dirname "$0")}\nMY_F=$(dirname "$0")\nG=$\'x\'\n';
    for (const name of ['A', 'B', 'C', 'D', 'F', 'G', 'NEVER']) assert.equal(mayBeDirVariable(text, name), false, name);
    assert.equal(mayBeDirVariable(text, 'MY_F'), true);
    // $HOME would be one if HOME were: the chain is followed.
    assert.equal(mayBeDirVariable(`${text}HOME=$(dirname "$0")\n`, 'C'), true);
  });
});

describe('analyze/sourced: # shellcheck source= directives', () => {
  runCases([
    {
      what: 'a relative directive is relative to the script directory',
      text: '# shellcheck source=lib/x.sh\nsource "$X"\n',
      expect: file('scripts/ci/lib/x.sh'),
    },
    { what: 'SCRIPTDIR', text: '# shellcheck source=SCRIPTDIR/x.sh\nsource "$X"\n', expect: file('scripts/ci/x.sh') },
    {
      what: 'SCRIPTDIR/..',
      text: '# shellcheck source=SCRIPTDIR/../x.sh\nsource "$X"\n',
      expect: file('scripts/x.sh'),
    },
    { what: 'an absolute directive', text: '#shellcheck source=/etc/x.sh\nsource "$X"\n', expect: file('/etc/x.sh') },
    {
      what: '/dev/null: do not follow',
      text: '# shellcheck source=/dev/null\nsource "$X"\n',
      expect: unresolved('a `# shellcheck source=/dev/null` directive says not to'),
    },
    { what: 'a quoted value', text: '# shellcheck source=\'/abs/a b.sh\'\nsource "$X"\n', expect: file('/abs/a b.sh') },
    {
      what: 'with other keys and a comment',
      text: '# shellcheck disable=SC1090 source=lib/x.sh # why\nsource "$X"\n',
      expect: file('scripts/ci/lib/x.sh'),
    },
    {
      what: 'the directive wins over a literal',
      text: '# shellcheck source=a.sh\nsource b.sh\n',
      expect: file('scripts/ci/a.sh'),
    },
    {
      what: 'blank lines and comments in between',
      text: 'echo\n# shellcheck source=a.sh\n\n# a note\nsource "$x"\n',
      expect: file('scripts/ci/a.sh'),
    },
    {
      what: 'the first of two in one block',
      text: 'echo\n# shellcheck source=a.sh\n# shellcheck source=b.sh\nsource "$x"\n',
      expect: file('scripts/ci/a.sh'),
    },
    {
      what: 'after a ; on the previous line',
      text: 'echo 1; # shellcheck source=a.sh\nsource "$x"\n',
      expect: file('scripts/ci/a.sh'),
    },
    {
      what: 'before another command: not this one',
      text: 'echo 1\n# shellcheck source=a.sh\necho 2\nsource "$x"\n',
      expect: UNRESOLVED,
    },
    {
      what: 'after the command: not this one',
      text: 'echo\nsource "$x"\n# shellcheck source=a.sh\necho\n',
      expect: UNRESOLVED,
    },
    {
      what: 'a header before the first command: the whole file',
      text: '#!/bin/bash\n# shellcheck source=a.sh\n\necho hi\nsource "$x"\n',
      expect: file('scripts/ci/a.sh'),
    },
    {
      what: 'directly above the first command: not a header',
      text: '#!/bin/bash\n# shellcheck source=a.sh\necho hi\nsource "$x"\n',
      expect: UNRESOLVED,
    },
    {
      what: 'before an if: the commands inside',
      text: 'echo\n# shellcheck source=a.sh\nif true; then\n  source "$x"\nfi\n',
      expect: file('scripts/ci/a.sh'),
    },
    {
      what: 'the innermost wins',
      text: 'echo\n# shellcheck source=a.sh\nif true; then\n  # shellcheck source=b.sh\n  source "$x"\nfi\n',
      expect: file('scripts/ci/b.sh'),
    },
    {
      what: 'before a function',
      text: 'echo\n# shellcheck source=a.sh\nload() {\n  source "$1"\n}\n',
      expect: file('scripts/ci/a.sh'),
    },
    {
      what: 'before an && list',
      text: 'echo\n# shellcheck source=a.sh\n[ -f "$x" ] && source "$x"\n',
      expect: file('scripts/ci/a.sh'),
    },
    {
      what: 'inside a case item',
      text: 'case $1 in\n  a)\n    # shellcheck source=a.sh\n    . "$x" ;;\nesac\n',
      expect: file('scripts/ci/a.sh'),
    },
    {
      what: 'a directive without source=',
      text: 'echo\n# shellcheck disable=SC1091\nsource "$x"\n',
      expect: UNRESOLVED,
    },
    {
      what: 'not a directive',
      text: 'echo\n# shellchecked source=a.sh\n# see shellcheck source=a.sh\nsource "$x"\n',
      expect: UNRESOLVED,
    },
  ]);

  it('directly above a first source command: that command only', () => {
    const text =
      '#!/bin/bash\n# shellcheck source=lib/a.sh\nsource "$(dirname "$0")/lib/a.sh"\nsource "$(dirname "$0")/lib/b.sh"\n';
    assert.deepEqual(resolveAll(text, BUILD), [file('scripts/ci/lib/a.sh'), file('scripts/ci/lib/b.sh')]);
  });

  it('with a root (the directory nounset runs in): a relative path is also looked for there, as ShellCheck does', () => {
    // bats-core: libexec/bats-core/bats-format-junit names lib/bats-core/formatter.bash from the root.
    const text =
      '#!/usr/bin/env bash\n# shellcheck source=lib/bats-core/formatter.bash\nsource "$BATS_ROOT/lib/bats-core/formatter.bash"\n';
    const script = 'libexec/bats-core/bats-format-junit';
    const resolve = (t: string, root: string | null): SourceTarget => {
      const parsed = parse(t, { dialect: 'bash', path: script });
      const word = sourceCommands(parsed)[0]?.args[1] as Word;
      return resolveSourcePath(word, {
        scriptPath: script,
        mainScriptPath: script,
        directive: sourceDirective(parsed, t, word.start),
        dirVars: new Map(),
        root,
      });
    };
    const both = {
      kind: 'file',
      path: 'libexec/bats-core/lib/bats-core/formatter.bash',
      fallback: 'lib/bats-core/formatter.bash',
    };
    assert.deepEqual(resolve(text, '.'), both);
    assert.deepEqual(resolve(text, '/repo'), { ...both, fallback: '/repo/lib/bats-core/formatter.bash' });
    assert.deepEqual(resolve(text, null), file('libexec/bats-core/lib/bats-core/formatter.bash'));
    // A literal relative path too; SCRIPTDIR, absolute paths and a script at the root have one place only.
    assert.deepEqual(resolve('. lib/x.sh\n', '.'), {
      kind: 'file',
      path: 'libexec/bats-core/lib/x.sh',
      fallback: 'lib/x.sh',
    });
    assert.deepEqual(resolve('# shellcheck source=SCRIPTDIR/x.sh\n. "$x"\n', '.'), file('libexec/bats-core/x.sh'));
    assert.deepEqual(resolve('. /abs/x.sh\n', '.'), file('/abs/x.sh'));
    const atRoot = parse('. lib/x.sh\n', { dialect: 'bash' });
    const word = sourceCommands(atRoot)[0]?.args[1] as Word;
    assert.deepEqual(
      resolveSourcePath(word, {
        scriptPath: 'run.sh',
        mainScriptPath: 'run.sh',
        directive: null,
        dirVars: new Map(),
        root: '.',
      }),
      file('lib/x.sh'),
    );
  });

  it('sourceDirective returns the raw value', () => {
    const text = 'echo\n# shellcheck source="SCRIPTDIR/x y.sh"\n. "$f"\n';
    const parsed = parse(text);
    assert.equal(sourceDirective(parsed, text, text.indexOf('"$f"')), 'SCRIPTDIR/x y.sh');
    assert.equal(sourceDirective(parsed, text, 0), null);
  });
});

// ---------------------------------------------------------------------------------------------
// Bash's answer

/** A tree of scripts: each sourced file first prints `sourced:<its path under the root>`. */
const TREE: Readonly<Record<string, string>> = {
  'proj/bin/run.sh': [
    '#!/bin/bash',
    'set -eu',
    'source "$(dirname "$0")/../lib/x.sh"',
    '. "${0%/*}/../lib/y.sh"',
    'HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" &> /dev/null && pwd)',
    'ROOT="$HERE/.."',
    'source "$ROOT/lib/z.sh"',
    'source "$(dirname "$(readlink -f "$0")")/../lib/w.sh"',
    '# shellcheck source=SCRIPTDIR/local.sh',
    'source "$HERE/local.sh"',
    '',
  ].join('\n'),
  'proj/lib/x.sh': 'echo "sourced:proj/lib/x.sh"\nsource "${BASH_SOURCE%/*}/helpers/h.sh"\n',
  'proj/lib/helpers/h.sh':
    'echo "sourced:proj/lib/helpers/h.sh"\n. "$(dirname "${BASH_SOURCE[0]}")/../../etc/conf.sh"\n',
  'proj/etc/conf.sh': 'echo "sourced:proj/etc/conf.sh"\n',
  // $0 in a sourced file is still the script that was run.
  'proj/lib/y.sh': 'echo "sourced:proj/lib/y.sh"\nsource "$(cd "$(dirname "$0")" && pwd)/local.sh"\n',
  'proj/bin/local.sh': 'echo "sourced:proj/bin/local.sh"\n',
  'proj/lib/z.sh':
    'echo "sourced:proj/lib/z.sh"\nD=$(dirname "$(realpath "${BASH_SOURCE[0]}")")\nsource "$D/helpers/v.sh"\n',
  'proj/lib/helpers/v.sh': 'echo "sourced:proj/lib/helpers/v.sh"\n',
  'proj/lib/w.sh': 'echo "sourced:proj/lib/w.sh"\n',
};

/** The files bash sources, in order, running `bash <script>` from `cwd`. */
function bashSources(cwd: string, script: string): string[] {
  const run = spawnSync('bash', [script], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    encoding: 'utf8',
    timeout: 10_000,
  });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  return run.stdout
    .split('\n')
    .filter((l) => l.startsWith('sourced:'))
    .map((l) => l.slice('sourced:'.length));
}

/** The files resolveSourcePath says the same run sources, following them depth first. */
function ourSources(root: string, cwd: string, script: string): string[] {
  const out: string[] = [];
  const visit = (scriptPath: string): void => {
    const text = readFileSync(resolve(cwd, scriptPath), 'utf8');
    const parsed = parse(text, { dialect: 'bash', path: scriptPath });
    const dirVars = scriptDirVariables(parsed, scriptPath, script);
    for (const call of sourceCommands(parsed)) {
      const word = call.args[1] as Word;
      const directive = sourceDirective(parsed, text, word.start);
      const target = resolveSourcePath(word, { scriptPath, mainScriptPath: script, directive, dirVars });
      assert.equal(target.kind, 'file', `${scriptPath}: ${JSON.stringify(target)}`);
      if (target.kind !== 'file') continue;
      out.push(relative(root, resolve(cwd, target.path)));
      visit(target.path);
    }
  };
  visit(script);
  return out;
}

describe('analyze/sourced: the files bash really sources', () => {
  if (UNIT_TIER) return;
  const tmp = useTempDir('nounset-source-path-', { shared: true });
  let root = '';

  before(() => {
    root = realpathSync(tmp());
    writeTree(root, TREE);
    mkdirSync(join(root, 'elsewhere'));
  });

  const RUNS: readonly { readonly cwd: string; readonly script: (root: string) => string }[] = [
    { cwd: '.', script: () => 'proj/bin/run.sh' },
    { cwd: 'elsewhere', script: () => '../proj/bin/run.sh' },
    { cwd: 'proj/bin', script: () => './run.sh' },
    { cwd: 'proj/lib', script: () => '../bin/run.sh' },
    { cwd: 'elsewhere', script: (r) => join(r, 'proj/bin/run.sh') },
  ];

  for (const run of RUNS) {
    it(`bash <script> from ${run.cwd} (${run.script('<root>')})`, () => {
      const cwd = join(root, run.cwd);
      const script = run.script(root);
      const theirs = bashSources(cwd, script);
      assert.equal(new Set(theirs).size, Object.keys(TREE).length - 1, 'every file but run.sh is sourced');
      assert.deepEqual(ourSources(root, cwd, script), theirs);
    });
  }
});
