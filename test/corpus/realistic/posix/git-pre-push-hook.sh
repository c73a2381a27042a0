#!/bin/sh
# .githooks/pre-push -- guard rails before anything leaves the machine.
#
# Git runs this with two arguments, the remote's name and URL, and feeds one
# line per ref being pushed on stdin:
#
#   <local ref> SP <local sha> SP <remote ref> SP <remote sha> LF
#
# Checks:
#   * no direct pushes to protected branches (main, release/*)
#   * no "WIP"/"fixup!"/"squash!" commits in what is being pushed
#   * no commits without a Signed-off-by trailer (when DCO is required)
#   * the test suite passes when pushing a tag
#
# Bypass (you had better have a reason): git push --no-verify
#
# POSIX sh because some developers run the hooks from Git for Windows' sh.

remote_name=$1
remote_url=$2
z40=0000000000000000000000000000000000000000
protected='main master'
require_dco=$(git config --bool hooks.requireDco 2>/dev/null || echo false)
status=0

fail() {
    printf 'pre-push: %s\n' "$*" >&2
    status=1
}

is_protected() {
    _branch=${1#refs/heads/}
    for _p in $protected; do
        [ "$_branch" = "$_p" ] && return 0
    done
    case "$_branch" in
        release/*) return 0 ;;
    esac
    return 1
}

# Allow the release automation to push to protected branches.
allowed_pusher() {
    [ "${CI:-}" = true ] && return 0
    _email=$(git config user.email)
    case "$_email" in
        release-bot@*) return 0 ;;
    esac
    return 1
}

check_range() {
    _range=$1
    # %H %s on one line, the body checked separately.
    git log --format='%H %s' "$_range" >"$tmp" || return 0
    while read -r _sha _subject; do
        case "$_subject" in
            WIP* | wip* | "fixup! "* | "squash! "* | "amend! "*)
                fail "commit ${_sha%"${_sha#???????}"} is marked '$_subject'; rebase it away first"
                ;;
        esac
        if [ "$require_dco" = true ]; then
            if ! git show -s --format=%B "$_sha" | grep -q '^Signed-off-by: '; then
                fail "commit $(git rev-parse --short "$_sha") has no Signed-off-by (use git commit -s)"
            fi
        fi
    done <"$tmp"
}

run_tests_for_tag() {
    _tag=${1#refs/tags/}
    printf 'pre-push: tag %s: running the test suite first...\n' "$_tag" >&2
    if [ -x ./scripts/test.sh ]; then
        ./scripts/test.sh >/dev/null 2>&1 || fail "tests fail; not pushing tag $_tag"
    elif [ -f Makefile ]; then
        make -s test >/dev/null 2>&1 || fail "make test fails; not pushing tag $_tag"
    fi
    # Tags must point at a commit that is already on main upstream.
    if ! git merge-base --is-ancestor "$2" "$remote_name/main" 2>/dev/null; then
        fail "tag $_tag points at a commit that is not on $remote_name/main"
    fi
}

tmp=$(mktemp "${TMPDIR:-/tmp}/pre-push.XXXXXX") || exit 1
trap 'rm -f "$tmp"' EXIT HUP INT TERM

while read -r local_ref local_sha remote_ref remote_sha; do
    # Deleting a remote ref.
    if [ "$local_sha" = "$z40" ]; then
        if is_protected "$remote_ref"; then
            fail "refusing to delete protected branch ${remote_ref#refs/heads/} on $remote_name"
        fi
        continue
    fi

    case "$remote_ref" in
        refs/heads/*)
            if is_protected "$remote_ref" && ! allowed_pusher; then
                fail "direct push to ${remote_ref#refs/heads/} is not allowed; open a merge request"
                continue
            fi
            ;;
        refs/tags/*)
            run_tests_for_tag "$remote_ref" "$local_sha"
            continue
            ;;
    esac

    if [ "$remote_sha" = "$z40" ]; then
        # New branch: check commits not yet on any remote branch.
        range="$local_sha --not --remotes=$remote_name"
        # shellcheck disable=SC2086  # range is two words on purpose
        check_range $range
    else
        check_range "$remote_sha..$local_sha"
    fi
done

if [ $status -ne 0 ]; then
    printf '\npre-push: push to %s (%s) aborted.\n' "$remote_name" "$remote_url" >&2
fi
exit $status
