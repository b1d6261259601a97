#!/usr/bin/env bash
# Development credentials, made once per checkout and kept in .speechcluster/ (ignored by git).
# Sets SPEECHCLUSTER_DEV_KEY and SPEECHCLUSTER_TOKEN_SECRET.
repo=${repo:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
state="$repo/.speechcluster"
mkdir -p "$state"
random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
[ -s "$state/dev-key" ] || { random_hex 16 > "$state/dev-key"; chmod 600 "$state/dev-key"; }
[ -s "$state/token-secret" ] || { random_hex 32 > "$state/token-secret"; chmod 600 "$state/token-secret"; }
SPEECHCLUSTER_DEV_KEY=$(cat "$state/dev-key")
SPEECHCLUSTER_TOKEN_SECRET=$(cat "$state/token-secret")
export SPEECHCLUSTER_DEV_KEY SPEECHCLUSTER_TOKEN_SECRET
