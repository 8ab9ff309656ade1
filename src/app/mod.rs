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

pub mod command;
pub mod document;
mod file_ops;
pub mod prefs;
pub mod services;
pub mod tabs;
mod ui;
pub mod widgets;

use std::path::PathBuf;
use std::time::Duration;

use mesocds_core::{ClinicalTables, TableError, assess};

pub use command::{Command, PendingAction};
use document::Document;
pub use prefs::{PREFS_KEY, Prefs};
use prefs::{apply_prefs, apply_style};
pub use services::Services;
use services::{FileDialogs, Recovery};
use tabs::{Tab, ViewCtx};

/// Seconds after the last edit before unsaved work is written to the recovery file.
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
    dialogs: Box<dyn FileDialogs>,
    recovery: Recovery,
    prompt: Option<PendingAction>,
    recovery_offer: Option<(mesocds_core::Case, Option<PathBuf>)>,
    show_about: bool,
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
            dialogs: services.dialogs,
            recovery: services.recovery,
            prompt: None,
            recovery_offer: None,
            show_about: false,
            error: None,
            info: None,
            autosave_due: None,
            close_confirmed: false,
            title_sent: String::new(),
        };
        app.prefs.zoom = app.prefs.zoom.clamp(0.5, 3.0);
        apply_style(&cc.egui_ctx);
        apply_prefs(&cc.egui_ctx, &app.prefs);
        match app.recovery.read() {
            Some(Ok(found)) => app.recovery_offer = Some(found),
            Some(Err(e)) => {
                app.error = Some(format!(
                    "A recovery file was found but cannot be read; it was left in place. {e}"
                ));
            }
            None => {}
        }
        if let Some(path) = services.open {
            app.load(&path);
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
        self.recovery_offer.is_some()
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

        let mut commands = command::pressed_shortcuts(&ctx);
        // Dropped files open like File → Open.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        commands.extend(dropped.into_iter().take(1).map(Command::OpenPath));
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
            Tab::Staging => tabs::staging_tab_ui(ui, view, &mut doc.case, &mut doc.form.edition),
            Tab::Prognosis => tabs::prognosis_tab_ui(ui, view),
            Tab::Treatment => tabs::treatment_tab_ui(ui, view),
            Tab::Report => commands.extend(tabs::report_tab_ui(ui, view)),
        }
        drop(report);
        drop(assessment);
        self.modals_ui(&ctx);

        if self.doc.case != before {
            self.doc.record_edit(before, now);
            self.autosave_due = Some(now + AUTOSAVE_DELAY_SECONDS);
            ctx.request_repaint_after(Duration::from_secs_f64(AUTOSAVE_DELAY_SECONDS));
        }
        self.run_commands(&ctx, commands);
        self.autosave(&ctx, now);

        let title = self.doc.window_title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
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
        ..Default::default()
    };
    eframe::run_native(
        "MesoCDS",
        options,
        Box::new(move |cc| Ok(Box::new(MesoApp::new(cc, Services::native(open))))),
    )
}
