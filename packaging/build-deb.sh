#!/usr/bin/env bash
# Builds the Debian package target/debian/mesocds_<version>_<arch>.deb with cargo-deb
# (installed first when absent). Metadata: [package.metadata.deb] in Cargo.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo deb --version >/dev/null 2>&1; then
    echo "== installing cargo-deb"
    cargo install cargo-deb --locked
fi
cargo deb "$@"
ls -l target/debian/*.deb
