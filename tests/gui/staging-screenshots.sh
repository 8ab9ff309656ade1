#!/usr/bin/env bash
# The Staging tab of issue 11 under Xvfb: a 2025 pleural case (9th edition applies), a 2019
# pleural case (8th applies) and a peritoneal case (PCI map), from the plain case files in
# tests/gui/cases/ (written with `mesocds assess --save` from golden cases 25-27), at 1024x700
# and 1280x800, 100% and 150% zoom, light theme; each also one PageDown further.
#
# Usage: tests/gui/staging-screenshots.sh [OUT_DIR]   (default: target/screenshots-staging)
# Environment: MESOCDS_BIN=path  the binary (default: a debug build, target/debug/mesocds).
# Needs what tests/gui/screenshots.sh needs (xvfb, imagemagick, xdotool, Mesa).
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-target/screenshots-staging}"
mkdir -p "$out"
if [ -z "${MESOCDS_BIN:-}" ]; then
    cargo build --quiet
    MESOCDS_BIN="$PWD/target/debug/mesocds"
fi
bin="$(realpath "$MESOCDS_BIN")"
cases="$PWD/tests/gui/cases"

export HOME; HOME="$(mktemp -d)"
export LIBGL_ALWAYS_SOFTWARE=1
fifo="$HOME/displayfd"; mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1280x800x24 3>"$fifo" >/dev/null 2>&1 &
xvfb_pid=$!
app_pid=""
trap 'kill $app_pid "$xvfb_pid" 2>/dev/null || true; rm -rf "$HOME"' EXIT
read -r display_number <"$fifo"
export DISPLAY=":$display_number"

write_prefs() { # zoom(1.0|1.5)
    for dir in "$HOME/.local/share/org.mesocds.mesocds" "$HOME/.local/share/mesocds"; do
        mkdir -p "$dir"
        printf '{"mesocds_prefs":"(tab:Staging,recent:[],dark:false,zoom:%s,letter_paper:false,reduce_motion:true)"}\n' \
            "$1" >"$dir/app.ron"
    done
}

start_app() { # file width height
    "$bin" "$1" >>"$out/app.log" 2>&1 &
    app_pid=$!
    win=$(xdotool search --sync --name "MesoCDS" | head -n 1)
    xdotool windowsize "$win" "$2" "$3"
    xdotool windowmove "$win" 0 0
    for _ in $(seq 20); do
        xdotool windowfocus "$win" 2>/dev/null && break
        sleep 0.3
    done
    sleep 3
}

stop_app() {
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}

for name in pleural-2025-ninth-applies pleural-2019-eighth-applies peritoneal-pci-15; do
    for size in 1024x700 1280x800; do
        w=${size%x*}; h=${size#*x}
        for zoom in 100 150; do
            z=1.0; [ "$zoom" = 150 ] && z=1.5
            write_prefs "$z"
            start_app "$cases/$name.ron" "$w" "$h"
            xdotool key ctrl+3; sleep 1.5  # the Staging tab
            file="$out/$name-$size-$zoom.png"
            import -window root -crop "${w}x${h}+0+0" "$file"
            echo "saved $file"
            xdotool mousemove $((w / 4)) $((h / 2)); sleep 0.3
            xdotool key Next; sleep 1
            file="$out/$name-$size-$zoom-pagedown.png"
            import -window root -crop "${w}x${h}+0+0" "$file"
            echo "saved $file"
            stop_app
        done
    done
done
