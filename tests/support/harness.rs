//! The one kittest harness of the desktop app, shared by the UI tests (`tests/ui.rs`) and the
//! frame-time benchmark (`benches/ui_frame.rs`), both of which include this file with `#[path]`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use mesocds::app::services::{FileDialogs, Picked, PickedMany, Recovery};
use mesocds::app::{MesoApp, Services};

/// The example case shipped with the app.
pub const EXAMPLE_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/examples/example-pleural-stage-iiia.ron"
);

/// Dialogs that answer from a script instead of asking the user (last pushed, first answered;
/// when the script is empty: cancelled, or no dialog service at all when `unavailable`). The
/// folders the dialogs were started in are recorded in `folders`.
#[derive(Default)]
pub struct ScriptedDialogs {
    /// Answers to "Open…".
    pub open: Vec<PathBuf>,
    /// Answers to "Save As…".
    pub save: Vec<PathBuf>,
    /// Answers to "Export PDF…".
    pub export: Vec<PathBuf>,
    /// Answers to "Add cases…" on the Board tab (several files each).
    pub cases: Vec<Vec<PathBuf>>,
    /// Answers to "Add folder…".
    pub folder: Vec<PathBuf>,
    /// Answers to "Open board…" and "Save board as…".
    pub board: Vec<PathBuf>,
    /// Answers to "Export FHIR…".
    pub fhir: Vec<PathBuf>,
    /// No dialog can be shown (like a desktop without an xdg desktop portal).
    pub unavailable: bool,
    /// The folder each dialog started in, in order.
    pub folders: std::rc::Rc<std::cell::RefCell<Vec<Option<PathBuf>>>>,
}

impl ScriptedDialogs {
    fn answer(&self, folder: Option<&Path>, script: Option<PathBuf>) -> Picked {
        self.folders.borrow_mut().push(folder.map(Path::to_owned));
        match script {
            Some(p) => Picked::Path(p),
            None if self.unavailable => Picked::Unavailable,
            None => Picked::Cancelled,
        }
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self, folder: Option<&Path>) -> Picked {
        let next = self.open.pop();
        self.answer(folder, next)
    }
    fn pick_save(&mut self, folder: Option<&Path>, _suggested_name: &str) -> Picked {
        let next = self.save.pop();
        self.answer(folder, next)
    }
    fn pick_export(&mut self, folder: Option<&Path>, _suggested_name: &str) -> Picked {
        let next = self.export.pop();
        self.answer(folder, next)
    }
    fn pick_cases(&mut self, folder: Option<&Path>) -> PickedMany {
        self.folders.borrow_mut().push(folder.map(Path::to_owned));
        match self.cases.pop() {
            Some(p) => PickedMany::Paths(p),
            None if self.unavailable => PickedMany::Unavailable,
            None => PickedMany::Cancelled,
        }
    }
    fn pick_folder(&mut self, folder: Option<&Path>) -> Picked {
        let next = self.folder.pop();
        self.answer(folder, next)
    }
    fn pick_board(&mut self, folder: Option<&Path>, _save_as: Option<&str>) -> Picked {
        let next = self.board.pop();
        self.answer(folder, next)
    }
    fn pick_fhir(&mut self, folder: Option<&Path>, _suggested_name: &str) -> Picked {
        let next = self.fhir.pop();
        self.answer(folder, next)
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
