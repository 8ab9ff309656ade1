#!/usr/bin/env bash
# Runs the MesoCDS desktop app under Xvfb with the example case and saves a screenshot of every
# tab at 1024x700 and 1280x800, at 100% and 150% zoom, in the light and the dark theme
# (48 screenshots, and the Treatment options tab two PageDowns down in each), then measures the
# CPU time a tab switch costs.
#
# Usage: tests/gui/screenshots.sh [OUT_DIR]     (default: target/screenshots)
# Environment: SWITCH_ONLY=1      only the tab-switch measurement.
#              REDUCE_MOTION=true with the "Reduce motion" preference on.
#              MESOCDS_BIN=path  use this binary instead of building target/release/mesocds
#              (e.g. target/debug/mesocds, or a build of another commit to compare).
#              CASE_FILE=path    open this case instead of the example (e.g.
#              tests/fixtures/course/recurrent-with-course.ron); NAME=prefix for the PNG names.
#              ONLY_TABS="case course"  only these tabs (names as in `tabs` below), no PageDown
#              shots and no measurement.
# Needs: xvfb, imagemagick, xdotool, x11-utils (apt-get install -y xvfb imagemagick xdotool x11-utils)
# and Mesa's software OpenGL (libgl1-mesa-dri), which these machines have.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-target/screenshots}"
mkdir -p "$out"
if [ -z "${MESOCDS_BIN:-}" ]; then
    cargo build --release --quiet
    MESOCDS_BIN="$PWD/target/release/mesocds"
fi
bin="$(realpath "$MESOCDS_BIN")"
case_file="$(realpath "${CASE_FILE:-$PWD/assets/examples/example-pleural-stage-iiia.ron}")"
prefix="${NAME:+$NAME-}"

# A private HOME so the user's preferences and recovery files are neither read nor changed.
export HOME; HOME="$(mktemp -d)"
export LIBGL_ALWAYS_SOFTWARE=1
# A free display number, chosen by Xvfb itself (-displayfd), so two runs never collide.
fifo="$HOME/displayfd"; mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1280x800x24 3>"$fifo" >/dev/null 2>&1 &
xvfb_pid=$!
app_pid=""
trap 'kill $app_pid "$xvfb_pid" 2>/dev/null || true; rm -rf "$HOME"' EXIT
read -r display_number <"$fifo"
export DISPLAY=":$display_number"

# In the order of the tab bar: Ctrl+1 is the first.
tabs=(case course staging prognosis treatment report)

# The preferences eframe restores at start (theme and zoom), in its storage file.
write_prefs() { # dark(true|false) zoom(1.0|1.5)
    for dir in "$HOME/.local/share/org.mesocds.mesocds" "$HOME/.local/share/mesocds"; do
        mkdir -p "$dir"
        printf '{"mesocds_prefs":"(tab:Case,recent:[],dark:%s,zoom:%s,letter_paper:false,reduce_motion:%s)"}\n' \
            "$1" "$2" "${REDUCE_MOTION:-false}" >"$dir/app.ron"
    done
}

start_app() { # width height
    "$bin" "$case_file" >>"$out/app.log" 2>&1 &
    app_pid=$!
    # The window appears when the first frame is painted.
    win=$(xdotool search --sync --name "MesoCDS" | head -n 1)
    xdotool windowsize "$win" "$1" "$2"
    xdotool windowmove "$win" 0 0
    # No window manager runs under Xvfb: give the window the keyboard focus ourselves.
    # The window may not be mapped yet: try a few times.
    for _ in $(seq 20); do
        xdotool windowfocus "$win" 2>/dev/null && break
        sleep 0.3
    done
    sleep 2
}

stop_app() {
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}

# SWITCH_ONLY=1 skips the screenshots and measures the tab switch only; ONLY_TABS, the measurement.
sizes="1024x700 1280x800"; [ "${SWITCH_ONLY:-0}" = 1 ] && sizes=""
for size in $sizes; do
    w=${size%x*}; h=${size#*x}
    for theme in light dark; do
        for zoom in 100 150; do
            dark=false; [ "$theme" = dark ] && dark=true
            z=1.0; [ "$zoom" = 150 ] && z=1.5
            write_prefs "$dark" "$z"
            start_app "$w" "$h"
            for i in "${!tabs[@]}"; do
                if [ -n "${ONLY_TABS:-}" ] && [[ " $ONLY_TABS " != *" ${tabs[$i]} "* ]]; then
                    continue
                fi
                xdotool key "ctrl+$((i + 1))"
                sleep 1.2
                file="$out/${prefix}${tabs[$i]}-${size}-${zoom}-${theme}.png"
                import -window root -crop "${w}x${h}+0+0" "$file"
                echo "saved $file"
            done
            if [ -n "${ONLY_TABS:-}" ]; then
                stop_app
                continue
            fi
            # PageDown in the real window: the Treatment options tab two pages down.
            xdotool key ctrl+5; sleep 0.5
            xdotool key Next; sleep 0.4; xdotool key Next; sleep 1
            file="$out/treatment-${size}-${zoom}-${theme}-pagedown.png"
            import -window root -crop "${w}x${h}+0+0" "$file"
            echo "saved $file"
            stop_app
        done
    done
done

[ -n "${ONLY_TABS:-}" ] && exit 0
# CPU time per tab switch: 20 switches between Prognosis and Treatment options (a tab without and
# one with a scroll bar at 1280x800) with the pointer resting on the window.
write_prefs false 1.0
start_app 1280 800
xdotool mousemove 640 400
ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
hz=$(getconf CLK_TCK)
sleep 2
t0=$(ticks)
for _ in $(seq 10); do
    xdotool key ctrl+4; sleep 0.5
    xdotool key ctrl+5; sleep 0.5
done
t1=$(ticks)
echo "CPU per tab switch (20 switches): $(awk "BEGIN { printf \"%.0f\", 1000 * ($t1 - $t0) / $hz / 20 }") ms" | tee "$out/switch.txt"
# Idle CPU: the CPU time the app uses while left alone for 5 s (it repaints only on input).
sleep 2
t0=$(ticks); sleep 5; t1=$(ticks)
echo "idle CPU over 5 s: $(awk "BEGIN { printf \"%.1f\", 100 * ($t1 - $t0) / $hz / 5 }")%" | tee -a "$out/switch.txt"
stop_app
