//! The desktop app (eframe/egui) on the clinical core.
//!
//! State is kept in three kinds, as in egui's demo app: the document ([`Document`]: the case,
//! its file, undo), the persisted preferences ([`Prefs`]), and transient UI state (prompts,
//! errors). Drawing code emits [`Command`]s; side effects (files, dialogs, closing) run after
//! drawing. The app never computes a clinical result: every frame it asks the core for the
//! assessment of the case and shows it.

pub mod document;
pub mod services;
pub mod tabs;
pub mod widgets;

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use mesocds_core::case_file::{self, SavedWith};
use mesocds_core::{ClinicalTables, INTENDED_USE, TableError, assess};

use crate::cli::APP_VERSION;
use crate::report;
use crate::report::model::{CaseSource, Report};
use crate::report::pdf::{self, Paper};
use document::{Document, FormText};
use services::{FileDialogs, NativeDialogs, Recovery};
use tabs::Tab;

/// The key under which eframe stores the preferences.
pub const PREFS_KEY: &str = "mesocds_prefs";
/// Seconds after the last edit before unsaved work is written to the recovery file.
pub const AUTOSAVE_DELAY_SECONDS: f64 = 2.0;
/// Recent files kept.
const MAX_RECENT: usize = 8;
/// The fictional example case, opened from Help → Open example case.
pub const EXAMPLE_CASE: &str = include_str!("../../assets/examples/example-pleural-stage-iiia.ron");
/// The app icon (also installed by the packages).
const ICON_PNG: &[u8] = include_bytes!("../../packaging/icons/mesocds-256.png");
/// The application id: desktop entry, AppStream id and Wayland app id.
pub const APP_ID: &str = "org.mesocds.MesoCDS";

/// Preferences, persisted with eframe's storage. A preference that fails to load resets to its
/// default, which is acceptable for preferences (never for case files).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The last tab.
    pub tab: Tab,
    /// Recently opened or saved case files, newest first.
    pub recent: Vec<PathBuf>,
    /// Dark theme.
    pub dark: bool,
    /// Zoom factor (1.0 = 100%).
    pub zoom: f32,
    /// US Letter paper for the PDF summary (A4 otherwise).
    pub letter_paper: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            tab: Tab::Case,
            recent: Vec::new(),
            dark: false,
            zoom: 1.0,
            letter_paper: false,
        }
    }
}

impl Prefs {
    fn add_recent(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
    }
}

/// What the app needs from outside; tests pass scripted dialogs and a temporary recovery folder.
pub struct Services {
    /// File dialogs.
    pub dialogs: Box<dyn FileDialogs>,
    /// The crash-recovery store.
    pub recovery: Recovery,
    /// A case file to open at start.
    pub open: Option<PathBuf>,
}

impl Services {
    /// Native dialogs and the platform's data folder.
    pub fn native(open: Option<PathBuf>) -> Self {
        Self {
            dialogs: Box::new(NativeDialogs),
            recovery: Recovery::platform(),
            open,
        }
    }
}

/// A side effect requested while drawing.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// New case.
    New,
    /// Open a case (dialog).
    Open,
    /// Open this case file.
    OpenPath(PathBuf),
    /// Save.
    Save,
    /// Save as (dialog).
    SaveAs,
    /// Quit.
    Quit,
    /// Undo.
    Undo,
    /// Redo.
    Redo,
    /// Copy text to the clipboard.
    Copy(String),
    /// Show a tab (Ctrl+1 … Ctrl+5).
    ShowTab(Tab),
    /// Export the PDF summary (dialog).
    ExportPdf,
    /// Open the built-in example case.
    OpenExample,
}

/// What waits behind the unsaved-changes prompt.
#[derive(Clone, Debug, PartialEq)]
pub enum PendingAction {
    /// Start a new case.
    New,
    /// Open a case (dialog when `None`).
    Open(Option<PathBuf>),
    /// Open the built-in example case.
    OpenExample,
    /// Quit.
    Quit,
}

/// The MesoCDS desktop app.
pub struct MesoApp {
    tables: Result<&'static ClinicalTables, TableError>,
    prefs: Prefs,
    doc: Document,
    form: FormText,
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
    /// SHA-256 fingerprint of the open file's bytes, taken when it was loaded or saved.
    file_fingerprint: Option<String>,
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
            form: FormText::default(),
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
            file_fingerprint: None,
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

    /// The preferences (for tests).
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    fn saved_with(&self) -> SavedWith {
        SavedWith {
            app_version: APP_VERSION.to_owned(),
            content: self
                .tables
                .as_ref()
                .map_or_else(|e| e.to_string(), |t| t.content_version()),
        }
    }

    fn load(&mut self, path: &Path) {
        match case_file::load(path) {
            Ok(loaded) => {
                let note = match (&self.tables, loaded.saved_with.content.as_str()) {
                    (Ok(t), saved) if !saved.is_empty() && saved != t.content_version() => {
                        Some(format!(
                            "This case was saved with other clinical content ({saved}); results are shown with the current content ({}).",
                            t.content_version()
                        ))
                    }
                    _ => None,
                };
                self.doc = Document::loaded(path, loaded);
                self.file_fingerprint = std::fs::read(path).ok().map(|b| report::fingerprint(&b));
                self.form = FormText::from_case(&self.doc.case);
                self.prefs.add_recent(path);
                self.error = None;
                self.info = Some(note.unwrap_or_else(|| format!("Opened {}", path.display())));
            }
            Err(e) => {
                // The open case is untouched.
                self.error = Some(format!("Could not open the case. {e}"));
            }
        }
    }

    /// Saves to the document's file, or asks where. Returns whether the case was saved.
    fn save(&mut self, ask: bool) -> bool {
        let path = match (&self.doc.path, ask) {
            (Some(p), false) => p.clone(),
            _ => {
                let suggested = format!("{}.ron", sanitize(&self.doc.display_name()));
                match self.dialogs.pick_save(&suggested) {
                    Some(p) => p,
                    None => {
                        self.info = Some(
                            "Not saved: no file was chosen. If no dialog appeared, this desktop has no file-dialog service (xdg-desktop-portal)."
                                .to_owned(),
                        );
                        return false;
                    }
                }
            }
        };
        let saved_with = self.saved_with();
        match case_file::save(&path, &self.doc.case, &saved_with) {
            Ok(()) => {
                self.doc.mark_saved(path.clone(), saved_with);
                self.file_fingerprint = std::fs::read(&path).ok().map(|b| report::fingerprint(&b));
                self.prefs.add_recent(&path);
                self.recovery.clear();
                self.autosave_due = None;
                self.error = None;
                self.info = Some(format!("Saved {}", path.display()));
                true
            }
            Err(e) => {
                // Nothing is lost: the case stays open and unsaved, the old file untouched.
                self.error = Some(format!("Could not save. {e}"));
                false
            }
        }
    }

    /// The fingerprint printed on the PDF: of the saved file when the case is unchanged since it
    /// was saved, otherwise a note that the pages match no saved file.
    fn source(&self) -> CaseSource {
        let file = self
            .doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || "unsaved case".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            );
        // The fingerprint was taken when the file was loaded or saved; it only describes the
        // case while the case is unchanged since then.
        let fingerprint = self
            .file_fingerprint
            .as_ref()
            .filter(|_| !self.doc.is_dirty() && self.doc.path.is_some())
            .cloned();
        CaseSource {
            file,
            fingerprint: fingerprint
                .unwrap_or_else(|| "unsaved changes: matches no saved file".to_owned()),
        }
    }

    fn report(&self, tables: &ClinicalTables) -> Report {
        let input = report::ReportInput {
            case: &self.doc.case,
            source: self.source(),
        };
        report::build_report(&[input], tables, crate::cli::report_meta())
    }

    fn export_pdf(&mut self) {
        let Ok(tables) = self.tables else { return };
        let suggested = format!("{}.pdf", sanitize(&self.doc.display_name()));
        let Some(path) = self.dialogs.pick_export(&suggested) else {
            self.info = Some("Not exported: no file was chosen.".to_owned());
            return;
        };
        let paper = if self.prefs.letter_paper {
            Paper::Letter
        } else {
            Paper::A4
        };
        let result = pdf::render(&self.report(tables), paper)
            .map_err(report::ExportError::from)
            .and_then(|pdf| report::write_pdf(&path, &pdf).map(|()| pdf));
        match result {
            Ok(pdf) => {
                self.error = None;
                let mut msg = format!("Exported {} ({} pages)", path.display(), pdf.pages);
                if !pdf.replaced_characters.is_empty() {
                    let list: String = pdf.replaced_characters.iter().collect();
                    msg.push_str(&format!("; printed as \"?\": {list}"));
                }
                self.info = Some(msg);
            }
            Err(e) => self.error = Some(format!("Could not export the PDF. {e}")),
        }
    }

    fn request(&mut self, action: PendingAction, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.prompt = Some(action);
        } else {
            self.proceed(action, ctx);
        }
    }

    fn proceed(&mut self, action: PendingAction, ctx: &egui::Context) {
        match action {
            PendingAction::New => {
                self.doc = Document::new();
                self.file_fingerprint = None;
                self.form = FormText::default();
                self.recovery.clear();
                self.info = Some("New case".to_owned());
            }
            PendingAction::Open(path) => {
                let path = path.or_else(|| self.dialogs.pick_open());
                match path {
                    Some(p) => {
                        self.load(&p);
                        if self.error.is_none() {
                            self.recovery.clear();
                        }
                    }
                    None => {
                        self.info = Some(
                            "No file was chosen. If no dialog appeared, drop a case file on the window instead."
                                .to_owned(),
                        );
                    }
                }
            }
            PendingAction::OpenExample => match case_file::from_ron(EXAMPLE_CASE) {
                Ok(loaded) => {
                    // A copy with no file: Save asks where to put it.
                    self.doc = Document::example(loaded.case);
                    self.file_fingerprint = None;
                    self.form = FormText::from_case(&self.doc.case);
                    self.recovery.clear();
                    self.error = None;
                    self.info = Some(
                        "Opened the fictional example case. Look through every tab; Save stores a copy."
                            .to_owned(),
                    );
                }
                Err(e) => {
                    self.error = Some(format!("The built-in example case cannot be read. {e}"));
                }
            },
            PendingAction::Quit => {
                self.recovery.clear();
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn run_commands(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        for c in commands {
            match c {
                Command::New => self.request(PendingAction::New, ctx),
                Command::Open => self.request(PendingAction::Open(None), ctx),
                Command::OpenPath(p) => self.request(PendingAction::Open(Some(p)), ctx),
                Command::Save => {
                    self.save(false);
                }
                Command::SaveAs => {
                    self.save(true);
                }
                Command::Quit => self.request(PendingAction::Quit, ctx),
                Command::Undo => {
                    if self.doc.undo() {
                        self.form = FormText::from_case(&self.doc.case);
                    }
                }
                Command::Redo => {
                    if self.doc.redo() {
                        self.form = FormText::from_case(&self.doc.case);
                    }
                }
                Command::ShowTab(tab) => self.prefs.tab = tab,
                Command::ExportPdf => self.export_pdf(),
                Command::OpenExample => self.request(PendingAction::OpenExample, ctx),
                Command::Copy(text) => {
                    ctx.copy_text(text);
                    self.info = Some("Copied the plain-text summary".to_owned());
                }
            }
        }
    }

    fn shortcuts(ctx: &egui::Context, commands: &mut Vec<Command>) {
        let shift = Modifiers::COMMAND | Modifiers::SHIFT;
        // Shift variants first: consume_shortcut matches Ctrl+S for Ctrl+Shift+S otherwise.
        let table: [(Modifiers, Key, Command); 9] = [
            (shift, Key::S, Command::SaveAs),
            (shift, Key::Z, Command::Redo),
            (Modifiers::COMMAND, Key::N, Command::New),
            (Modifiers::COMMAND, Key::O, Command::Open),
            (Modifiers::COMMAND, Key::S, Command::Save),
            (Modifiers::COMMAND, Key::Q, Command::Quit),
            (Modifiers::COMMAND, Key::E, Command::ExportPdf),
            (Modifiers::COMMAND, Key::Z, Command::Undo),
            (Modifiers::COMMAND, Key::Y, Command::Redo),
        ];
        let tab_keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
        ctx.input_mut(|i| {
            for (m, k, c) in table {
                if i.consume_shortcut(&KeyboardShortcut::new(m, k)) {
                    commands.push(c);
                }
            }
            for (key, tab) in tab_keys.into_iter().zip(Tab::ALL) {
                if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)) {
                    commands.push(Command::ShowTab(tab));
                }
            }
        });
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(egui::Button::new("New").shortcut_text("Ctrl+N"))
                    .clicked()
                {
                    commands.push(Command::New);
                }
                if ui
                    .add(egui::Button::new("Open…").shortcut_text("Ctrl+O"))
                    .clicked()
                {
                    commands.push(Command::Open);
                }
                ui.menu_button("Open Recent", |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for p in &self.prefs.recent {
                        if ui.button(p.display().to_string()).clicked() {
                            commands.push(Command::OpenPath(p.clone()));
                        }
                    }
                });
                if ui
                    .add(egui::Button::new("Save").shortcut_text("Ctrl+S"))
                    .clicked()
                {
                    commands.push(Command::Save);
                }
                if ui
                    .add(egui::Button::new("Save As…").shortcut_text("Ctrl+Shift+S"))
                    .clicked()
                {
                    commands.push(Command::SaveAs);
                }
                if ui
                    .add(egui::Button::new("Export PDF…").shortcut_text("Ctrl+E"))
                    .clicked()
                {
                    commands.push(Command::ExportPdf);
                }
                ui.separator();
                if ui
                    .add(egui::Button::new("Quit").shortcut_text("Ctrl+Q"))
                    .clicked()
                {
                    commands.push(Command::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                if ui
                    .add_enabled(
                        self.doc.can_undo(),
                        egui::Button::new("Undo").shortcut_text("Ctrl+Z"),
                    )
                    .clicked()
                {
                    commands.push(Command::Undo);
                }
                if ui
                    .add_enabled(
                        self.doc.can_redo(),
                        egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z"),
                    )
                    .clicked()
                {
                    commands.push(Command::Redo);
                }
            });
            ui.menu_button("View", |ui| {
                if ui.checkbox(&mut self.prefs.dark, "Dark theme").changed() {
                    apply_prefs(ui.ctx(), &self.prefs);
                }
                ui.label(format!(
                    "Zoom {:.0}% (Ctrl + / Ctrl − / Ctrl 0)",
                    self.prefs.zoom * 100.0
                ));
            });
            ui.menu_button("Help", |ui| {
                if ui.button("Open example case").clicked() {
                    commands.push(Command::OpenExample);
                }
                if ui.button("About MesoCDS").clicked() {
                    self.show_about = true;
                }
            });
        });
    }

    fn tab_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            for tab in Tab::ALL {
                ui.selectable_value(
                    &mut self.prefs.tab,
                    tab,
                    RichText::new(tab.label()).size(16.0),
                );
            }
        });
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(e) = &self.error {
            let mut dismiss = false;
            egui::Frame::new()
                .fill(ui.visuals().extreme_bg_color)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.colored_label(ui.visuals().error_fg_color, format!("Error: {e}"));
                        dismiss = ui.button("Dismiss").clicked();
                    });
                });
            if dismiss {
                self.error = None;
            }
        }
        ui.horizontal_wrapped(|ui| {
            let path = self
                .doc
                .path
                .as_ref()
                .map_or_else(|| "not saved yet".to_owned(), |p| p.display().to_string());
            ui.label(RichText::new(path).weak());
            if let Some(i) = &self.info {
                ui.label(RichText::new(format!("· {i}")).weak());
            }
            ui.label(RichText::new(format!("· {INTENDED_USE}")).weak());
        });
    }

    fn modals_ui(&mut self, ctx: &egui::Context) {
        if let Some(action) = self.prompt.clone() {
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("unsaved_prompt")).show(ctx, |ui| {
                ui.heading("Unsaved changes");
                ui.label(format!(
                    "Save the changes to \"{}\" before {}?",
                    self.doc.display_name(),
                    match action {
                        PendingAction::New => "starting a new case",
                        PendingAction::Open(_) | PendingAction::OpenExample =>
                            "opening another case",
                        PendingAction::Quit => "quitting",
                    }
                ));
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        choice = Some(1);
                    }
                    if ui.button("Discard").clicked() {
                        choice = Some(2);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(3);
                    }
                });
            });
            match choice {
                Some(1) => {
                    self.prompt = None;
                    if self.save(false) {
                        self.proceed(action, ctx);
                    }
                }
                Some(2) => {
                    self.prompt = None;
                    self.recovery.clear();
                    self.proceed(action, ctx);
                }
                Some(3) => self.prompt = None,
                _ => {}
            }
        }
        if let Some((case, origin)) = self.recovery_offer.clone() {
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("recovery_offer")).show(ctx, |ui| {
                ui.heading("Recover unsaved work?");
                ui.label(format!(
                    "MesoCDS closed with unsaved changes to \"{}\"{}.",
                    if case.label.trim().is_empty() { "an untitled case" } else { case.label.trim() },
                    origin
                        .as_ref()
                        .map_or_else(String::new, |p| format!(" ({})", p.display()))
                ));
                ui.label("Recovering opens them as unsaved changes; your own file is not changed until you save.");
                ui.horizontal(|ui| {
                    if ui.button("Recover").clicked() {
                        choice = Some(true);
                    }
                    if ui.button("Discard recovered work").clicked() {
                        choice = Some(false);
                    }
                });
            });
            match choice {
                Some(true) => {
                    self.doc = Document::recovered(case, origin);
                    self.file_fingerprint = None;
                    self.form = FormText::from_case(&self.doc.case);
                    self.recovery_offer = None;
                    self.info = Some("Recovered unsaved work".to_owned());
                }
                Some(false) => {
                    self.recovery.clear();
                    self.recovery_offer = None;
                }
                None => {}
            }
        }
        if self.show_about {
            let content = self
                .tables
                .as_ref()
                .map_or_else(|e| e.to_string(), |t| t.content_version());
            egui::Modal::new(egui::Id::unique("about")).show(ctx, |ui| {
                ui.heading("MesoCDS");
                ui.label(format!("Version {APP_VERSION}"));
                ui.label(format!("Clinical content: {content}"));
                ui.label(format!("Intended use: {INTENDED_USE}"));
                ui.label("Offline: MesoCDS makes no network connections; case files stay where you save them.");
                ui.label("Not an NCI or PDQ product.");
                if ui.button("Close").clicked() {
                    self.show_about = false;
                }
            });
        }
    }

    fn autosave(&mut self, ctx: &egui::Context, now: f64) {
        let Some(due) = self.autosave_due else { return };
        if !self.doc.is_dirty() {
            self.autosave_due = None;
            self.recovery.clear();
            return;
        }
        if now >= due {
            self.autosave_due = None;
            if let Err(e) =
                self.recovery
                    .write(&self.doc.case, self.doc.path.as_deref(), &self.saved_with())
            {
                self.error = Some(format!("Could not write the recovery file: {e}"));
            }
        } else {
            ctx.request_repaint_after(Duration::from_secs_f64(due - now));
        }
    }
}

fn sanitize(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn apply_style(ctx: &egui::Context) {
    // Solid scroll bars, always shown where content overflows: floating bars that appear only on
    // hover hide the fact that a tab scrolls, which matters at 150% zoom.
    ctx.all_styles_mut(|s| s.spacing.scroll = egui::style::ScrollStyle::solid());
}

fn apply_prefs(ctx: &egui::Context, prefs: &Prefs) {
    ctx.set_theme(if prefs.dark {
        egui::ThemePreference::Dark
    } else {
        egui::ThemePreference::Light
    });
    ctx.set_zoom_factor(prefs.zoom);
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

        let mut commands = Vec::new();
        Self::shortcuts(&ctx, &mut commands);
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
        let assessment = assess(&self.doc.case, tables);

        let first_run = self.doc.path.is_none()
            && self.doc.case == mesocds_core::Case::default()
            && self.form == FormText::default();
        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_bar_ui(ui, &mut commands);
            self.tab_bar_ui(ui);
            if first_run {
                ui.horizontal_wrapped(|ui| {
                    ui.label("New to MesoCDS? Enter a case on the Case tab, or look at a filled-in one first:");
                    if ui.button("Open example case").clicked() {
                        commands.push(Command::OpenExample);
                    }
                });
            }
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        match self.prefs.tab {
            Tab::Case => tabs::case_tab_ui(ui, &mut self.doc.case, &mut self.form, &assessment),
            Tab::Staging => tabs::staging_tab_ui(ui, &mut self.doc.case, &assessment, tables),
            Tab::Prognosis => tabs::prognosis_tab_ui(ui, &assessment),
            Tab::Treatment => tabs::treatment_tab_ui(ui, &assessment),
            Tab::Report => {
                let report = self.report(tables);
                if let Some(c) = tabs::report_tab_ui(ui, &report) {
                    commands.push(c);
                }
            }
        }
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
