#!/usr/bin/env bash
# Runs the MesoCDS desktop app under Xvfb with a board file and saves a screenshot of the Board
# tab at 1024x700 and 1280x800, at 100% and 150% zoom (light theme), plus the 1024x700/150% view
# scrolled right with the keyboard-free scroll bar dragged (issue 13).
#
# Usage: tests/gui/board-screenshots.sh BOARD.mesoboard [OUT_DIR]   (default: target/screenshots)
# Environment: MESOCDS_BIN=path  use this binary (default: target/debug/mesocds, built if missing).
# Needs: xvfb, imagemagick, xdotool (see screenshots.sh).
set -euo pipefail
board="$(realpath "$1")"
cd "$(dirname "$0")/../.."
out="${2:-target/screenshots}"
mkdir -p "$out"
if [ -z "${MESOCDS_BIN:-}" ]; then
    cargo build --quiet
    MESOCDS_BIN="$PWD/target/debug/mesocds"
fi
bin="$(realpath "$MESOCDS_BIN")"
export HOME; HOME="$(mktemp -d)"
export LIBGL_ALWAYS_SOFTWARE=1
fifo="$HOME/displayfd"; mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1280x800x24 3>"$fifo" >/dev/null 2>&1 &
xvfb_pid=$!
app_pid=""
trap 'kill $app_pid "$xvfb_pid" 2>/dev/null || true; rm -rf "$HOME"' EXIT
read -r display_number <"$fifo"
export DISPLAY=":$display_number"

write_prefs() { # zoom
    for dir in "$HOME/.local/share/org.mesocds.mesocds" "$HOME/.local/share/mesocds"; do
        mkdir -p "$dir"
        printf '{"mesocds_prefs":"(tab:Board,recent:[],dark:false,zoom:%s,letter_paper:false,reduce_motion:true)"}\n' "$1" >"$dir/app.ron"
    done
}

for size in 1024x700 1280x800; do
    w=${size%x*}; h=${size#*x}
    for zoom in 100 150; do
        z=1.0; [ "$zoom" = 150 ] && z=1.5
        write_prefs "$z"
        "$bin" "$board" >>"$out/app.log" 2>&1 &
        app_pid=$!
        win=$(xdotool search --sync --name "MesoCDS" | head -n 1)
        xdotool windowsize "$win" "$w" "$h"
        xdotool windowmove "$win" 0 0
        for _ in $(seq 20); do xdotool windowfocus "$win" 2>/dev/null && break; sleep 0.3; done
        sleep 2
        # Select the second row (click its label) so the selection shows.
        file="$out/board-${size}-${zoom}.png"
        import -window root -crop "${w}x${h}+0+0" "$file"
        echo "saved $file"
        # Scroll the table to the right (Shift + wheel over the table).
        xdotool mousemove $((w / 2)) $((h / 2))
        for _ in $(seq 12); do xdotool keydown shift click 5 keyup shift; sleep 0.05; done
        sleep 1
        file="$out/board-${size}-${zoom}-right.png"
        import -window root -crop "${w}x${h}+0+0" "$file"
        echo "saved $file"
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
        app_pid=""
    done
done
