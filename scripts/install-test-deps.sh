#!/usr/bin/env bash
# Installs what the tests and the benchmark need and npm cannot, each only if it is missing:
# Debian's Chromium for the browser tests (Playwright cannot download its own browsers on these
# machines) and wrk, the benchmark's load generator (`npm run bench`; its unit tests use it too).
# Safe to run again; CI runs it as root on a fresh Debian machine.
set -euo pipefail
missing=()
if ! [ -x /usr/bin/chromium ]; then missing+=(chromium); fi
if ! command -v wrk >/dev/null 2>&1; then missing+=(wrk); fi
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing Debian packages for the tests: ${missing[*]}..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
