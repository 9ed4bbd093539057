#!/usr/bin/env bash
# Installs every tool Språktrappan needs, idempotently. Safe to run again: each step checks first.
# See ../shared/TOOLCHAIN.md for why the toolchain looks like this.
set -euo pipefail
source "$(dirname "$0")/env.sh"

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# fonts-noto-core: Arabic, Dari (Naskh) and Tigrinya (Ethiopic) glyphs for the end-to-end browser;
# espeak-ng and lame: the participant screens' speech, rendered and encoded on the server.
APT_PACKAGES=(rustc-web cargo-web rust-web-src rust-web-llvm rust-web-clippy rustfmt-web lld-22
  gcc libc6-dev pkg-config chromium postgresql postgresql-client fonts-noto-core espeak-ng lame)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
command -v npm >/dev/null || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
  step "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq || fail "apt-get update"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" || fail "apt-get install ${missing[*]}"
else
  step "apt: all packages present"
fi

if ! rustup toolchain list | grep -q '^debweb'; then
  step "rustup: linking Debian's rustc-web as toolchain 'debweb'"
  rustup toolchain link debweb /usr || fail "rustup toolchain link debweb /usr"
fi
rustc +debweb --version

if [ "$(cargo-leptos --version 2>/dev/null || true)" != "cargo-leptos $CARGO_LEPTOS_VERSION" ]; then
  step "cargo: installing cargo-leptos $CARGO_LEPTOS_VERSION (about 16 minutes on a cold machine)"
  cargo +debweb install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked || fail "cargo install cargo-leptos"
else
  step "cargo-leptos $CARGO_LEPTOS_VERSION present"
fi

WBG=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' "$ROOT/Cargo.lock")
[ -n "$WBG" ] || fail "no wasm-bindgen version in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG" ]; then
  step "cargo: installing wasm-bindgen-cli $WBG (the version in Cargo.lock)"
  # --locked fails on a dependency version the index lacks; see TOOLCHAIN.md
  cargo +debweb install wasm-bindgen-cli --version "$WBG" --force || fail "cargo install wasm-bindgen-cli"
else
  step "wasm-bindgen $WBG present"
fi

step "npm: wasm-opt (binaryen), Playwright and axe-core for end2end/"
if [ ! -x "$ROOT/end2end/node_modules/.bin/wasm-opt" ] || [ "$ROOT/end2end/package-lock.json" -nt "$ROOT/end2end/node_modules/.stamp" ]; then
  (cd "$ROOT/end2end" && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.stamp) || fail "npm ci in end2end/"
fi
wasm-opt --version
echo "tools ready"
