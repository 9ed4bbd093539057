# Sourced by the scripts: one place for paths and versions.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export CARGO_LEPTOS_VERSION=0.3.11
# Build artefacts live outside the clone so later runs (and CI clones) on this machine are incremental.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/spraktrappan/target}"
export RUSTUP_TOOLCHAIN=debweb
export RUSTC_BOOTSTRAP=1
export PATH="$ROOT/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
