#!/usr/bin/env bash
# Runs the MesoCDS desktop app under Xvfb with the example case and saves a screenshot of each tab,
# at 100% zoom and at 150% zoom, in a 1280x720 window.
#
# Usage: tests/gui/screenshots.sh [OUT_DIR]     (default: target/screenshots)
# Needs: xvfb, imagemagick, xdotool, x11-utils (apt-get install -y xvfb imagemagick xdotool x11-utils)
# and Mesa's software OpenGL (libgl1-mesa-dri), which these machines have.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-target/screenshots}"
mkdir -p "$out"
cargo build --release --quiet
bin="$PWD/target/release/mesocds"
case_file="$PWD/assets/examples/example-pleural-stage-iiia.ron"

# A private HOME so the user's preferences and recovery files are neither read nor changed.
export HOME; HOME="$(mktemp -d)"
export LIBGL_ALWAYS_SOFTWARE=1
display=":97"
Xvfb "$display" -screen 0 1280x720x24 >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$app_pid" "$xvfb_pid" 2>/dev/null || true; rm -rf "$HOME"' EXIT
sleep 1
export DISPLAY="$display"

start=$(date +%s.%N)
"$bin" "$case_file" >"$out/app.log" 2>&1 &
app_pid=$!
# The window appears when the first frame is painted.
win=$(xdotool search --sync --name "MesoCDS" | head -n 1)
ready=$(date +%s.%N)
echo "window up after $(awk "BEGIN { printf \"%.2f\", $ready - $start }") s" | tee "$out/startup.txt"
xdotool windowsize "$win" 1280 720
# No window manager runs under Xvfb: give the window the keyboard focus ourselves.
xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win"
sleep 1.5

tabs=(case staging prognosis treatment report)
for zoom in 100 150; do
    if [ "$zoom" = 150 ]; then
        # Ctrl+Plus zooms in by 10% a step: five steps from 100% is 150%.
        for _ in 1 2 3 4 5; do xdotool key ctrl+plus; sleep 0.2; done
    fi
    for i in "${!tabs[@]}"; do
        xdotool key "ctrl+$((i + 1))"
        sleep 1.2
        import -window root "$out/${tabs[$i]}-${zoom}.png"
        echo "saved $out/${tabs[$i]}-${zoom}.png"
    done
done

# Idle CPU: the CPU time the app uses while left alone for 5 s (it repaints only on input).
ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
sleep 2
t0=$(ticks); sleep 5; t1=$(ticks)
hz=$(getconf CLK_TCK)
echo "idle CPU over 5 s: $(awk "BEGIN { printf \"%.1f\", 100 * ($t1 - $t0) / $hz / 5 }")%" | tee -a "$out/startup.txt"
