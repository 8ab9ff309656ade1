#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The tabs of the desktop app (issues 8 and 10, app side), driven headlessly through AccessKit
//! with `egui_kittest`: treatment groups and exclusions, the survival chart's honesty, the
//! Staging tab's scope and warnings, navigation from "still missing", scrolling and frames per
//! tab switch.

use std::path::PathBuf;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use mesocds::app::services::Recovery;
use mesocds::app::tabs::Tab;
use mesocds::app::{MesoApp, Services};
use mesocds_core::Case;

#[path = "support/harness.rs"]
mod support;

use support::ScriptedDialogs;

/// The real app at `size` points, stepping `dt` seconds a frame, with `case` open (if any).
fn app(
    size: egui::Vec2,
    dt: f32,
    case: Option<&Case>,
) -> (Harness<'static, MesoApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let open = case.map(|c| {
        let p = dir.path().join("case.ron");
        mesocds_core::case_file::save(&p, c, &Default::default()).unwrap();
        p
    });
    let recovery = Recovery::in_dir(&dir.path().join("recovery"));
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(dt)
        .with_max_steps(400)
        .build_eframe(move |cc| {
            MesoApp::new(
                cc,
                Services {
                    dialogs: Box::new(ScriptedDialogs::default()),
                    recovery,
                    open,
                },
            )
        });
    h.run();
    (h, dir)
}

fn example() -> Case {
    mesocds_core::case_file::load(&PathBuf::from(support::EXAMPLE_PATH))
        .unwrap()
        .case
}

/// Frames `run` needs to settle after each switch of a round of tab switches (Ctrl+1..5, twice
/// around), at 60 frames a second.
fn frames_per_switch(h: &mut Harness<'_, MesoApp>) -> Vec<u64> {
    let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
    let mut frames = Vec::new();
    for _ in 0..2 {
        for k in keys {
            h.key_press_modifiers(Modifiers::COMMAND, k);
            frames.push(h.run());
        }
    }
    frames
}

#[test]
fn a_tab_switch_settles_in_a_few_frames() {
    // Issue 10: each switch between a tab with a scroll bar and one without replayed the scroll
    // bar's animation (12-14 frames at 60 fps; the tabs shared one scroll state).
    let mut all = Vec::new();
    for (size, zoom) in [((1280.0, 800.0), 1.0), ((1024.0, 700.0), 1.5)] {
        let (mut h, _dir) = app(egui::vec2(size.0, size.1), 1.0 / 60.0, Some(&example()));
        h.ctx.set_zoom_factor(zoom);
        // kittest turns animations off; the real app has egui's default animation time.
        h.ctx
            .all_styles_mut(|s| s.animation_time = egui::Style::default().animation_time);
        h.run();
        let frames = frames_per_switch(&mut h);
        println!("frames per tab switch (60 fps, {size:?} at {zoom}): {frames:?}");
        all.extend(frames);
    }
    assert!(all.iter().all(|f| *f <= 4), "{all:?}");
}
