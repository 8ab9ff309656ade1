//! The one kittest harness of the desktop app, shared by the UI tests (`tests/ui.rs`) and the
//! frame-time benchmark (`benches/ui_frame.rs`), both of which include this file with `#[path]`.
#![allow(dead_code)]

use std::path::PathBuf;

use egui_kittest::Harness;
use mesocds::app::services::{FileDialogs, Recovery};
use mesocds::app::{MesoApp, Services};

/// The example case shipped with the app.
pub const EXAMPLE_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/examples/example-pleural-stage-iiia.ron"
);

/// Dialogs that answer from a script instead of asking the user (last pushed, first answered;
/// `None` when the script is empty, like a cancelled dialog).
#[derive(Default)]
pub struct ScriptedDialogs {
    /// Answers to "Open…".
    pub open: Vec<PathBuf>,
    /// Answers to "Save As…".
    pub save: Vec<PathBuf>,
    /// Answers to "Export PDF…".
    pub export: Vec<PathBuf>,
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        self.open.pop()
    }
    fn pick_save(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        self.save.pop()
    }
    fn pick_export(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        self.export.pop()
    }
}

/// The real app in a 1280×720 headless window, after its first frame.
pub fn app_harness(
    dialogs: ScriptedDialogs,
    recovery: Recovery,
    open: Option<PathBuf>,
) -> Harness<'static, MesoApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_eframe(move |cc| {
            MesoApp::new(
                cc,
                Services {
                    dialogs: Box::new(dialogs),
                    recovery,
                    open,
                },
            )
        });
    h.run();
    h
}
