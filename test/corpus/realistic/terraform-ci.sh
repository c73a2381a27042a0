#!/usr/bin/env bash
# ci/terraform.sh -- plan/apply Terraform stacks from CI, one stack per
# directory under stacks/, and post the plan summary on the merge request.
#
#   ci/terraform.sh plan  [STACK...]    (default: stacks changed in this MR)
#   ci/terraform.sh apply [STACK...]    (only on the default branch)
#   ci/terraform.sh fmt-check
#
# CI variables used (GitLab names, with GitHub fallbacks):
#   CI_MERGE_REQUEST_IID / GITHUB_EVENT_NUMBER   MR/PR number for the comment
#   CI_MERGE_REQUEST_DIFF_BASE_SHA               base commit for change detection
#   CI_COMMIT_BRANCH, CI_DEFAULT_BRANCH
#   TF_STATE_BUCKET                              remote state bucket (required)
#   GITLAB_TOKEN or GITHUB_TOKEN                 to post the comment
set -Eeuo pipefail
set -o errtrace

readonly TF_VERSION_REQUIRED=1.7
readonly PLAN_DIR=${PLAN_DIR:-.plans}
readonly PARALLEL=${TF_PARALLEL:-3}
: "${TF_STATE_BUCKET:?TF_STATE_BUCKET must be set}"
: "${CI_DEFAULT_BRANCH:=main}"
: "${CI_COMMIT_BRANCH:=${GITHUB_REF_NAME:-}}"
mr_number=${CI_MERGE_REQUEST_IID:-${GITHUB_EVENT_NUMBER:-}}

export TF_IN_AUTOMATION=1
export TF_INPUT=0
export TF_CLI_ARGS_init="-backend-config=bucket=${TF_STATE_BUCKET}"
export TF_PLUGIN_CACHE_DIR=${TF_PLUGIN_CACHE_DIR:-$PWD/.terraform-plugin-cache}
mkdir -p "$TF_PLUGIN_CACHE_DIR" "$PLAN_DIR"

section_start() { printf '\e[0Ksection_start:%s:%s[collapsed=true]\r\e[0K%s\n' "$(date +%s)" "$1" "$2"; }
section_end() { printf '\e[0Ksection_end:%s:%s\r\e[0K\n' "$(date +%s)" "$1"; }

die() { echo "terraform.sh: $*" >&2; exit 1; }

check_version() {
    local v
    v=$(terraform version -json | jq -r .terraform_version)
    # Compare major.minor numerically: 1.10 is newer than 1.7.
    local want_major=${TF_VERSION_REQUIRED%%.*} want_minor=${TF_VERSION_REQUIRED#*.}
    local have_major=${v%%.*} rest=${v#*.}
    local have_minor=${rest%%.*}
    if (( have_major < want_major || (have_major == want_major && have_minor < want_minor) )); then
        die "terraform ${v} is older than ${TF_VERSION_REQUIRED}"
    fi
}

all_stacks() {
    local d
    for d in stacks/*/; do
        [[ -f ${d}main.tf || -f ${d}versions.tf ]] && echo "${d%/}"
    done
}

# Stacks whose files changed, plus stacks that use a changed module.
changed_stacks() {
    local base=${CI_MERGE_REQUEST_DIFF_BASE_SHA:-$(git merge-base HEAD "origin/${CI_DEFAULT_BRANCH}")}
    local -A hit=()
    local f stack module
    while IFS= read -r f; do
        case $f in
            stacks/*/*)
                stack=${f#stacks/}
                hit[stacks/${stack%%/*}]=1
                ;;
            modules/*/*)
                module=${f#modules/}
                module=${module%%/*}
                # Any stack referencing ../../modules/<module>
                while IFS= read -r stack; do
                    hit[$stack]=1
                done < <(grep -rlE "source\s*=\s*\"(\.\./)+modules/${module}\"" stacks --include='*.tf' | xargs -r -n1 dirname | sort -u)
                ;;
            .terraform-version | ci/terraform.sh)
                # Tooling changed: everything is affected.
                all_stacks
                return
                ;;
        esac
    done < <(git diff --name-only "$base"...HEAD)
    printf '%s\n' "${!hit[@]}" | sort
}

plan_stack() {
    local stack=$1 name out rc=0
    name=${stack#stacks/}
    name=${name//\//-}
    out="$PLAN_DIR/${name}"
    section_start "plan_${name}" "terraform plan ${stack}"
    (
        cd "$stack"
        terraform init -no-color -upgrade=false >"$OLDPWD/$out.init.log" 2>&1 ||
            { cat "$OLDPWD/$out.init.log"; exit 3; }
        # -detailed-exitcode: 0 no changes, 1 error, 2 changes present
        terraform plan -no-color -lock-timeout=5m -detailed-exitcode -out="$OLDPWD/$out.tfplan" \
            &>"$OLDPWD/$out.plan.log"
    ) || rc=$?
    section_end "plan_${name}"

    case $rc in
        0) echo "no-changes" >"$out.status" ;;
        2)
            echo "changes" >"$out.status"
            (cd "$stack" && terraform show -json "$OLDPWD/$out.tfplan") >"$out.json"
            ;;
        *) echo "error" >"$out.status"; tail -n 30 "$out.plan.log" >&2 ;;
    esac
}

summarise() {
    local status_file name status counts
    local -i failed=0
    echo "### Terraform plan for \`${CI_COMMIT_SHORT_SHA:-$(git rev-parse --short HEAD)}\`"
    echo
    echo "| stack | result | add | change | destroy |"
    echo "|---|---|---:|---:|---:|"
    for status_file in "$PLAN_DIR"/*.status; do
        name=$(basename "$status_file" .status)
        status=$(<"$status_file")
        counts='- | - | -'
        if [[ $status == changes ]]; then
            counts=$(jq -r '[.resource_changes[].change.actions] |
                [map(select(. == ["create"])) | length,
                 map(select(. == ["update"])) | length,
                 map(select(index("delete"))) | length] | join(" | ")' "$PLAN_DIR/$name.json")
        fi
        case $status in
            error) status=':x: error'; failed+=1 ;;
            changes) status=':warning: changes' ;;
            no-changes) status=':white_check_mark: no changes' ;;
        esac
        echo "| ${name} | ${status} | ${counts} |"
    done
    echo
    echo "<details><summary>Destroyed resources</summary>"
    echo
    local found=0
    for f in "$PLAN_DIR"/*.json; do
        jq -r '.resource_changes[] | select(.change.actions | index("delete")) | "- `" + .address + "`"' "$f"
        found=1
    done
    (( found )) || echo "_none_"
    echo "</details>"
    return $(( failed > 0 ))
}

post_comment() {
    local body=$1
    [[ -n $mr_number ]] || { echo "not a merge request; not posting"; return 0; }
    if [[ -n ${GITLAB_TOKEN:-} ]]; then
        curl -fsS -X POST -H "PRIVATE-TOKEN: ${GITLAB_TOKEN}" \
            --data-urlencode "body@-" \
            "${CI_API_V4_URL:?}/projects/${CI_PROJECT_ID:?}/merge_requests/${mr_number}/notes" <<<"$body" >/dev/null
    elif [[ -n ${GITHUB_TOKEN:-} ]]; then
        jq -n --arg body "$body" '{body: $body}' |
            curl -fsS -X POST -H "Authorization: Bearer ${GITHUB_TOKEN}" \
                -H 'Accept: application/vnd.github+json' --data-binary @- \
                "https://api.github.com/repos/${GITHUB_REPOSITORY:?}/issues/${mr_number}/comments" >/dev/null
    else
        echo "no token to post the comment with" >&2
    fi
}

cmd_plan() {
    local -a stacks=("$@")
    if (( ${#stacks[@]} == 0 )); then
        mapfile -t stacks < <(changed_stacks)
    fi
    if (( ${#stacks[@]} == 0 )); then
        echo "no stacks changed"
        return 0
    fi
    echo "planning ${#stacks[@]} stack(s): ${stacks[*]}"

    # Run up to $PARALLEL plans at once; xargs keeps the logic simple.
    export -f plan_stack section_start section_end
    export PLAN_DIR
    printf '%s\0' "${stacks[@]}" | xargs -0 -P "$PARALLEL" -I{} bash -c 'plan_stack "$1"' _ {}

    local summary rc=0
    summary=$(summarise) || rc=$?
    printf '%s\n' "$summary"
    post_comment "$summary"
    return "$rc"
}

cmd_apply() {
    [[ $CI_COMMIT_BRANCH == "$CI_DEFAULT_BRANCH" ]] ||
        die "apply only runs on ${CI_DEFAULT_BRANCH} (this is '${CI_COMMIT_BRANCH:-detached}')"
    local -a stacks=("$@")
    (( ${#stacks[@]} )) || mapfile -t stacks < <(all_stacks)
    local stack name
    for stack in "${stacks[@]}"; do
        name=${stack#stacks/}
        name=${name//\//-}
        if [[ ! -f $PLAN_DIR/$name.tfplan ]]; then
            echo "no saved plan for ${stack}; skipping (run plan first)"
            continue
        fi
        section_start "apply_${name}" "terraform apply ${stack}"
        (cd "$stack" && terraform apply -no-color -lock-timeout=10m "$OLDPWD/$PLAN_DIR/$name.tfplan")
        section_end "apply_${name}"
    done
}

cmd_fmt_check() {
    local out
    if ! out=$(terraform fmt -check -recursive -diff 2>&1); then
        printf '%s\n' "$out"
        die "terraform fmt found unformatted files (run: terraform fmt -recursive)"
    fi
    echo "formatting ok"
}

trap 'echo "terraform.sh: error on line $LINENO" >&2' ERR
check_version
command=${1:-plan}
(( $# )) && shift
case $command in
    plan) cmd_plan "$@" ;;
    apply) cmd_apply "$@" ;;
    fmt-check) cmd_fmt_check ;;
    *) die "unknown command '${command}'" ;;
esac
