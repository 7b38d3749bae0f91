#!/usr/bin/env bash
# Installs what clade needs (only what is missing), then configures and builds it.
#   scripts/setup.sh              release build in build/
#   scripts/setup.sh --sanitize   ASan+UBSan build in build-asan/
# Idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
for arg in "$@"; do
  case "$arg" in
    --sanitize) build_dir=build-asan
                cmake_args=(-DCMAKE_BUILD_TYPE=Debug -DCLADE_SANITIZE=ON -DCLADE_BUILD_PERF=OFF) ;;
    -h|--help)  sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

mapfile -t wanted < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' scripts/packages.txt)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The report's browser test (tests/report) drives Debian's chromium with playwright-core
# from npm, kept per build directory. Debian's npm is installed only when nodejs brought
# none (a nodejs from NodeSource includes npm and conflicts with Debian's package).
playwright_version=1.65.1
if ! command -v npm >/dev/null; then
  echo "setup: installing npm"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
if ! grep -qs "\"version\": \"$playwright_version\"" "$build_dir/node/node_modules/playwright-core/package.json"; then
  echo "setup: installing playwright-core $playwright_version into $build_dir/node"
  mkdir -p "$build_dir/node"
  npm install --prefix "$build_dir/node" --no-audit --no-fund --loglevel=error \
    "playwright-core@$playwright_version" >/dev/null
fi

jobs=$(nproc)
cmake -S . -B "$build_dir" -G Ninja "${cmake_args[@]}" >/dev/null
cmake --build "$build_dir" -j "$jobs"
