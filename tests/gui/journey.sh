#!/usr/bin/env bash
# A real-window journey through MesoCDS under Xvfb, with the real X clipboard (issue 10).
#
#  1. Open the example case, press Ctrl+Shift+C: the system clipboard (xclip) holds the plain-text
#     summary with "Stage IIIA". Quit with Ctrl+Q: the preferences file eframe wrote is 0600.
#  2. Prior therapy: a case file with status "distant recurrence" and prior platinum-pemetrexed
#     (prepared from the example with sed: egui widgets cannot be found by xdotool, so the
#     Case-tab checklist itself is driven by the kittest test
#     `prior_therapy_recorded_below_keeps_its_checklist_and_gives_second_line_options`);
#     Ctrl+Shift+C: the summary lists the second-line option "Gemcitabine plus ramucirumab".
#  3. Undo, kill -9, restart, recover: two edits of the case label by keyboard (Tab to the label
#     field, found by the "●" unsaved marker in the window title; the second edit is Ctrl+V of
#     text another program put on the system clipboard), autosave, Ctrl+Z, autosave, kill -9. The recovery file holds the undone state; a restart offers it, Enter recovers it,
#     and the window title and the copied summary show the label without the undone edit.
#
# Usage: tests/gui/journey.sh            (debug build; JOURNEY_PROFILE=release for release)
# Needs: xvfb xdotool x11-utils xclip imagemagick, and Mesa's software OpenGL (libgl1-mesa-dri).
# Exits non-zero on the first failed check, with a screenshot in target/journey/.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"
target="${CARGO_TARGET_DIR:-$repo/target}"
out="$target/journey"
mkdir -p "$out"
rm -f "$out"/*.png "$out"/app.log

if [ "${JOURNEY_PROFILE:-debug}" = release ]; then
    cargo build --release --locked --quiet --bin mesocds
    bin="$target/release/mesocds"
else
    cargo build --locked --quiet --bin mesocds
    bin="$target/debug/mesocds"
fi

work="$(mktemp -d)"
# A private HOME so the user's preferences and recovery files are neither read nor changed.
export HOME="$work/home"
mkdir -p "$HOME"
unset XDG_DATA_HOME XDG_CONFIG_HOME WAYLAND_DISPLAY
export LIBGL_ALWAYS_SOFTWARE=1
data="$HOME/.local/share"

app_pid=""
xvfb_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "journey: FAIL: $*" >&2
    import -window root "$out/failure.png" 2>/dev/null || true
    cp "$work/app.log" "$out/app.log" 2>/dev/null || true
    exit 1
}
step() { echo "journey: $*"; }

# A free display number.
for n in $(seq 90 140); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then
        display=":$n"
        break
    fi
done
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY="$display"
for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done
xdpyinfo >/dev/null 2>&1 || fail "Xvfb did not start on $display"

win=""
start_app() {
    "$bin" "$@" >>"$work/app.log" 2>&1 &
    app_pid=$!
    win="$(timeout 90 xdotool search --sync --onlyvisible --name "MesoCDS" | head -n 1)" ||
        fail "no window within 90 s"
    # No window manager runs under Xvfb: give the window the keyboard focus ourselves.
    xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win"
    sleep 1.5
}
stop_app() {
    # Waits up to 10 s for the app to end by itself (after Ctrl+Q).
    for _ in $(seq 1 50); do kill -0 "$app_pid" 2>/dev/null || { app_pid=""; return 0; }; sleep 0.2; done
    fail "the app did not quit"
}
title() { xdotool getwindowname "$win"; }
clipboard() { timeout 5 xclip -o -selection clipboard 2>/dev/null || true; }
# Empties the clipboard, presses Ctrl+Shift+C and waits up to 10 s for text containing $1.
copy_and_expect() {
    printf 'empty' | timeout 5 xclip -selection clipboard -i
    xdotool key --clearmodifiers ctrl+shift+c
    for _ in $(seq 1 40); do
        clipboard | grep -qF -- "$1" && return 0
        sleep 0.25
    done
    fail "the clipboard lacks \"$1\"; it holds: $(clipboard | head -c 300)"
}

# 1. Clipboard.
step "1. example case, Ctrl+Shift+C"
start_app "$repo/assets/examples/example-pleural-stage-iiia.ron"
copy_and_expect "Stage IIIA"
clipboard >"$out/summary-example.txt"
xdotool key --clearmodifiers ctrl+q
stop_app
prefs="$data/org.mesocds.mesocds/app.ron"
[ -f "$prefs" ] || fail "no preferences file at $prefs"
[ "$(stat -c %a "$prefs")" = 600 ] || fail "$prefs has mode $(stat -c %a "$prefs"), not 600"
[ "$(stat -c %a "$(dirname "$prefs")")" = 700 ] || fail "$(dirname "$prefs") is not 700"
grep -q "mesocds_prefs" "$prefs" || fail "eframe did not write the preferences into $prefs"
step "   clipboard holds the summary; preferences file 0600"

# 2. Prior therapy gives the second-line list.
step "2. recurrence after platinum-pemetrexed"
sed -e 's/status: Some(New)/status: Some(DistantRecurrence)/' \
    -e 's/prior_systemic: Some(\[\])/prior_systemic: Some([PlatinumPemetrexed])/' \
    "$repo/assets/examples/example-pleural-stage-iiia.ron" >"$work/recurrence.ron"
grep -q PlatinumPemetrexed "$work/recurrence.ron" || fail "could not prepare the recurrence case"
start_app "$work/recurrence.ron"
copy_and_expect "Gemcitabine plus ramucirumab"
xdotool key --clearmodifiers ctrl+q
stop_app

# 3. Undo, kill -9, restart, recover.
step "3. two edits, undo, kill -9, restart"
cp "$repo/assets/examples/example-pleural-stage-iiia.ron" "$work/case.ron"
start_app "$work/case.ron"
clean_title="$(title)"
found=""
for _ in $(seq 1 40); do
    xdotool key Tab
    sleep 0.15
    xdotool type --delay 50 j
    sleep 0.4
    case "$(title)" in "●"*) found=1; break ;; esac
done
[ -n "$found" ] || fail "no text field took the keyboard (title stays \"$(title)\")"
first="$(title)"
sleep 1.5 # more than the 1 s that joins keystrokes into one undo step
# The second edit is a paste of what another application copied (the system clipboard).
printf -- '-pasted' | timeout 5 xclip -selection clipboard -i
sleep 0.3
xdotool key --clearmodifiers ctrl+v
sleep 0.6
second="$(title)"
case "$second" in
    *"-pasted — MesoCDS") ;;
    *) fail "Ctrl+V did not paste the system clipboard (title \"$second\")" ;;
esac
sleep 3 # the autosave of the second edit
xdotool key --clearmodifiers ctrl+z
sleep 0.4
[ "$(title)" = "$first" ] || fail "after Ctrl+Z the title is \"$(title)\", not \"$first\""
sleep 3 # the autosave of the undo
label_of() { local t="${1#● }"; printf '%s' "${t% — MesoCDS}"; }
undone_label="$(label_of "$second")"
kept_label="$(label_of "$first")"
kill -9 "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
recovery="$(ls "$data"/mesocds/recovery*.ron 2>/dev/null | head -n 1 || true)"
[ -n "$recovery" ] || fail "no recovery file after kill -9"
[ "$(stat -c %a "$recovery")" = 600 ] || fail "$recovery is not 0600"
grep -qF -- "$undone_label" "$recovery" && fail "the recovery holds the undone edit \"$undone_label\""
grep -qF -- "$kept_label" "$recovery" || fail "the recovery lacks \"$kept_label\""
grep -qF -- "$work/case.ron" "$recovery" || fail "the recovery does not name its file"
[ ! -e "$data/mesocds/recovery-origin.txt" ] || fail "a separate origin file was written"

start_app
xdotool key --clearmodifiers Return
sleep 1
[ "$(title)" = "$first" ] || fail "after recovery the title is \"$(title)\", not \"$first\""
copy_and_expect "$kept_label"
clipboard | grep -qF -- "$undone_label" && fail "the recovered case holds the undone edit"
[ "$clean_title" != "$first" ] || fail "the edit never showed"
step "   recovered \"$kept_label\"; the undone \"$undone_label\" stayed undone"
kill "$app_pid" 2>/dev/null || true
app_pid=""
echo "journey: OK"
