#!/usr/bin/env bash
# The PostgreSQL server binaries the HQ tests need (tests/hq start a throwaway server of their
# own on 127.0.0.1 from /usr/lib/postgresql/*/bin). Debian's package, installed without
# questions; quick when it is already there.
set -euo pipefail

if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null \
    && compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || {
    echo "postgresql was installed but initdb is missing" >&2
    exit 1
}
