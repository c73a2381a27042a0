#!/bin/bash
#
# Copyright (c) 2018 Intel Corporation
#
# SPDX-License-Identifier: Apache-2.0
#
# Helpers of the kata-containers/tests CI (excerpt).

export KATA_RUNTIME=${KATA_RUNTIME:-kata-runtime}

die() {
	local msg="$*"
	echo "ERROR: $msg" >&2
	exit 1
}

info() {
	local msg="$*"
	echo "INFO: $msg"
}

waitForProcess() {
	local wait_time="$1"
	local sleep_time="$2"
	local cmd="$3"
	while [ "$wait_time" -gt 0 ]; do
		if eval "$cmd"; then
			return 0
		else
			sleep "$sleep_time"
			wait_time=$((wait_time-sleep_time))
		fi
	done
	return 1
}
