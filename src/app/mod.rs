//! The desktop app (eframe/egui) on the clinical core.
//!
//! State is kept in three kinds, as in egui's demo app: the document ([`Document`]: the case,
//! its file, undo, the number fields' text), the persisted preferences ([`Prefs`]), and
//! transient UI state (prompts, errors). Drawing code emits [`Command`]s; side effects (files,
//! dialogs, closing) run after drawing (`file_ops.rs`). The app never computes a clinical
//! result: every frame it asks the core for the assessment of the case, once, and lends it to
//! the tab through a [`tabs::ViewCtx`].
//!
//! This file is the orchestration only: the [`MesoApp`] state, its creation, and the order of
//! a frame. Panels are in `ui/`, tabs in [`tabs`].

pub mod board_ops;
pub mod command;
pub mod document;
mod exports;
mod file_ops;
pub mod prefs;
mod recovery;
pub mod services;
pub mod tabs;
mod ui;
pub mod widgets;

use std::path::PathBuf;
use std::time::Duration;

use mesocds_core::{ClinicalTables, TableError, assess};

use board_ops::BoardState;
pub use command::{Command, PendingAction};
use document::Document;
pub use prefs::{PREFS_KEY, Prefs};
use prefs::{apply_prefs, apply_style};
pub use services::Services;
use services::{FileDialogs, Orphan, Recovery};
use tabs::{Tab, ViewCtx};
use ui::path_prompt::PathPrompt;

/// Seconds after the first unsaved change (edit, undo or redo) before the unsaved work is written
/// to the recovery file; later changes do not push it back.
pub const AUTOSAVE_DELAY_SECONDS: f64 = 2.0;
/// The fictional example case, opened from Help → Open example case.
pub const EXAMPLE_CASE: &str = include_str!("../../assets/examples/example-pleural-stage-iiia.ron");
/// The app icon (also installed by the packages).
const ICON_PNG: &[u8] = include_bytes!("../../packaging/icons/mesocds-256.png");
/// The application id: desktop entry, AppStream id and Wayland app id.
pub const APP_ID: &str = "org.mesocds.MesoCDS";

/// The MesoCDS desktop app.
pub struct MesoApp {
    tables: Result<&'static ClinicalTables, TableError>,
    prefs: Prefs,
    doc: Document,
    /// The Board tab's list of cases (issue 13).
    board: BoardState,
    dialogs: Box<dyn FileDialogs>,
    recovery: Recovery,
    prompt: Option<PendingAction>,
    /// Work left by instances that are gone, offered one at a time.
    recovery_offers: Vec<Orphan>,
    /// The path field shown when no file dialog can be shown.
    path_prompt: Option<PathPrompt>,
    /// The widget that had the keyboard focus while a dropdown was open (last frame).
    popup_focus: Option<egui::Id>,
    show_about: bool,
    /// The layout of the last Export command of the open case (PDF summary or slides).
    export_layout: crate::report::pdf::PdfLayout,
    error: Option<String>,
    info: Option<String>,
    autosave_due: Option<f64>,
    close_confirmed: bool,
    title_sent: String,
}

impl MesoApp {
    /// Creates the app: restores preferences, offers recovery of unsaved work, and opens
    /// `services.open` if given.
    pub fn new(cc: &eframe::CreationContext<'_>, services: Services) -> Self {
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        let mut app = Self {
            tables: ClinicalTables::embedded(),
            prefs,
            doc: Document::new(),
            board: BoardState::default(),
            dialogs: services.dialogs,
            recovery: services.recovery,
            prompt: None,
            recovery_offers: Vec::new(),
            path_prompt: None,
            popup_focus: None,
            show_about: false,
            export_layout: crate::report::pdf::PdfLayout::Handout,
            error: None,
            info: None,
            autosave_due: None,
            close_confirmed: false,
            title_sent: String::new(),
        };
        app.prefs.zoom = app.prefs.zoom.clamp(0.5, 3.0);
        apply_style(&cc.egui_ctx);
        apply_prefs(&cc.egui_ctx, &app.prefs);
        if let Ok(tables) = app.tables
            && let Some(board) = BoardState::restore(&app.prefs.board, tables)
        {
            app.board = board;
        }
        for found in app.recovery.orphans() {
            match found {
                Ok(orphan) => app.recovery_offers.push(orphan),
                Err(e) => {
                    app.error = Some(format!(
                        "A recovery file was found but cannot be read; it was left in place. {e}"
                    ));
                }
            }
        }
        if let Some(path) = services.open {
            if crate::board::file::is_board_file(&path) {
                app.open_board(&path);
            } else {
                app.load(&path);
            }
        }
        app
    }

    /// The document (for tests).
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The error shown in the window, if any (for tests).
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The pending unsaved-changes prompt, if any (for tests).
    pub fn pending_prompt(&self) -> Option<&PendingAction> {
        self.prompt.as_ref()
    }

    /// Whether a recovered case is being offered (for tests).
    pub fn recovery_offered(&self) -> bool {
        !self.recovery_offers.is_empty()
    }

    /// This instance's recovery file (for tests).
    pub fn recovery_file(&self) -> Option<PathBuf> {
        self.recovery.case_path()
    }

    /// The path field shown instead of a file dialog, if any (for tests).
    pub fn path_prompt_text(&self) -> Option<&str> {
        self.path_prompt.as_ref().map(|p| p.text.as_str())
    }

    /// The message shown in the status bar (for tests).
    pub fn info(&self) -> Option<&str> {
        self.info.as_deref()
    }

    /// Shows a tab.
    pub fn show_tab(&mut self, tab: Tab) {
        self.prefs.tab = tab;
    }

    /// Turns the "Reduce motion" preference on or off and applies it.
    pub fn set_reduce_motion(&mut self, ctx: &egui::Context, on: bool) {
        self.prefs.reduce_motion = on;
        apply_prefs(ctx, &self.prefs);
    }

    /// The "Reduce motion" checkbox, for the View menu.
    pub fn reduce_motion_ui(&mut self, ui: &mut egui::Ui) {
        let mut on = self.prefs.reduce_motion;
        ui.checkbox(&mut on, "Reduce motion")
            .on_hover_text("No animations: fewer frames to draw on software rendering.");
        if on != self.prefs.reduce_motion {
            self.set_reduce_motion(ui.ctx(), on);
        }
    }

    /// The preferences (for tests).
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }
}

impl eframe::App for MesoApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let now = ctx.input(|i| i.time);
        self.prefs.zoom = ctx.zoom_factor();

        let tables = match self.tables {
            Ok(t) => t,
            Err(ref e) => {
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.heading("MesoCDS cannot start");
                    ui.colored_label(ui.visuals().error_fg_color, e.to_string());
                    ui.label("The clinical tables built into this program are invalid. Nothing was computed.");
                });
                return;
            }
        };

        self.keep_focus_on_escape(&ctx);
        let mut commands = command::pressed_shortcuts(&ctx);
        commands.extend(self.dropped_files(&ctx));
        // Closing the window with unsaved changes asks first.
        if ctx.input(|i| i.viewport().close_requested())
            && !self.close_confirmed
            && self.doc.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.prompt = Some(PendingAction::Quit);
        }

        let before = self.doc.case.clone();
        // The one assessment of this frame; every tab and the report read it.
        let assessment = assess(&self.doc.case, tables);
        let report = (self.prefs.tab == Tab::Report).then(|| self.report(tables, &assessment));
        let view = ViewCtx {
            tables,
            assessment: &assessment,
            report: report.as_ref(),
        };

        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_bar_ui(ui, &mut commands);
            self.tab_bar_ui(ui);
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            // The welcome line sits at the bottom: when it goes away on the first keystroke, the
            // fields above stay where they are (at the top it moved them under the pointer).
            self.first_run_ui(ui, &mut commands);
            self.status_ui(ui);
        });
        let doc = &mut self.doc;
        match self.prefs.tab {
            Tab::Case => {
                if let Some(tab) = tabs::case_tab_ui(ui, view, &mut doc.case, &mut doc.form) {
                    self.prefs.tab = tab;
                }
            }
            Tab::Course => commands.extend(tabs::course_tab_ui(ui, view, doc)),
            Tab::Staging => tabs::staging_tab_ui(ui, view, &mut doc.case, &mut doc.form.edition),
            Tab::Prognosis => tabs::prognosis_tab_ui(ui, view),
            Tab::Treatment => tabs::treatment_tab_ui(ui, view),
            Tab::Report => commands.extend(tabs::report_tab_ui(ui, view)),
            Tab::Board => commands.extend(tabs::board_tab_ui(ui, &mut self.board)),
        }
        drop(report);
        drop(assessment);
        // An edit is what the panels and tabs changed; a prompt or command replacing the case
        // (open, new, recover) is not an undo step.
        if self.doc.case != before {
            self.doc.record_edit(before.clone(), now);
        }
        self.modals_ui(&ctx);
        self.run_commands(&ctx, commands);
        // Every change of the case (edit, undo, redo, open, recover) schedules the autosave,
        // 2 s after the first unsaved change; later changes do not push it back.
        if self.doc.case != before && self.autosave_due.is_none() {
            self.autosave_due = Some(now + AUTOSAVE_DELAY_SECONDS);
            ctx.request_repaint_after(Duration::from_secs_f64(AUTOSAVE_DELAY_SECONDS));
        }
        self.autosave(&ctx, now);
        self.popup_focus = egui::Popup::is_any_open(&ctx)
            .then(|| ctx.memory(egui::Memory::focused))
            .flatten();

        let title = self.doc.window_title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.prefs.board = self.board.remembered();
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}

impl MesoApp {
    /// What the files dropped on the window this frame do. On the Board tab, case files and
    /// folders go to the board; elsewhere the first file opens like File → Open. A board file
    /// (`*.mesoboard`) opens as the board anywhere.
    fn dropped_files(&self, ctx: &egui::Context) -> Vec<Command> {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        let (boards, cases): (Vec<PathBuf>, Vec<PathBuf>) = dropped
            .into_iter()
            .partition(|p| crate::board::file::is_board_file(p));
        if let Some(board) = boards.into_iter().next() {
            return vec![Command::OpenPath(board)];
        }
        if cases.is_empty() {
            Vec::new()
        } else if self.prefs.tab == Tab::Board {
            vec![Command::BoardAddPaths(cases)]
        } else {
            cases.into_iter().take(1).map(Command::OpenPath).collect()
        }
    }

    /// Escape closes an open dropdown; egui also drops the keyboard focus then, which leaves a
    /// keyboard user nowhere. The widget that had the focus while the dropdown was open gets it
    /// back.
    fn keep_focus_on_escape(&self, ctx: &egui::Context) {
        if let Some(id) = self.popup_focus
            && ctx.input(|i| i.key_pressed(egui::Key::Escape))
        {
            ctx.memory_mut(|m| m.request_focus(id));
        }
    }
}

/// Opens the desktop app, optionally with a case file.
///
/// # Errors
/// When the window cannot be created (no display, no OpenGL).
pub fn run_native(open: Option<PathBuf>) -> eframe::Result {
    let mut viewport = egui::ViewportBuilder::default();
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_title("MesoCDS")
            .with_app_id(APP_ID)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        persistence_path: prefs::prepare_storage(APP_ID),
        ..Default::default()
    };
    eframe::run_native(
        "MesoCDS",
        options,
        Box::new(move |cc| Ok(Box::new(MesoApp::new(cc, Services::native(open))))),
    )
}
