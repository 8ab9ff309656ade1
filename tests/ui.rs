#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The desktop app, driven headlessly through AccessKit with `egui_kittest` (no GPU, no display).

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use mesocds::app::services::Recovery;
use mesocds::app::{MesoApp, PendingAction};
use mesocds_core::Case;
use mesocds_core::case_file::{self, SavedWith};

#[path = "support/harness.rs"]
pub(crate) mod support;

use support::{ScriptedDialogs, app_harness};

// Issue 10: clipboard, prior therapy, recovery, keyboard, the path field.
mod workflows;

// Issue 10: the path field shown when no file dialog can be shown.
pub(crate) mod path_field;

// Export PDF and slides of the open case from the app (issues 10 and 13).
mod export;

fn harness_with(
    dialogs: ScriptedDialogs,
    recovery: &Path,
    open: Option<PathBuf>,
) -> Harness<'static, MesoApp> {
    app_harness(dialogs, Recovery::in_dir(recovery), open)
}

fn harness(recovery: &Path) -> Harness<'static, MesoApp> {
    harness_with(ScriptedDialogs::default(), recovery, None)
}

fn tab(h: &mut Harness<'_, MesoApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

/// Opens the combo box `combo` and picks `option`.
fn pick(h: &mut Harness<'_, MesoApp>, combo: &str, option: &str) {
    h.get_by_role_and_label(Role::ComboBox, combo).click();
    h.run();
    h.get_by_role_and_label(Role::Button, option).click();
    h.run();
}

fn type_into(h: &mut Harness<'_, MesoApp>, field: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, field).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, field)
        .type_text(text);
    h.run();
}

#[test]
fn every_tab_opens_by_its_label() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    tab(&mut h, "Staging");
    // Both editions' grids (issue 11) carry the title.
    assert!(
        h.query_all_by_label_contains("T×N grid shown for M0")
            .next()
            .is_some()
    );
    tab(&mut h, "Prognosis");
    assert!(h.query_by_label("EORTC prognostic score").is_some());
    assert!(h.query_by_label("No EORTC score").is_some());
    tab(&mut h, "Treatment options");
    assert!(h.query_by_label("No options listed").is_some());
    tab(&mut h, "Report");
    assert!(h.query_by_label("Copy plain text").is_some());
    tab(&mut h, "Case");
    assert!(h.query_by_label("Still missing").is_some());
    assert_eq!(h.state().prefs().tab, mesocds::app::tabs::Tab::Case);
}

#[test]
fn ctrl_number_switches_tabs() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num5);
    h.run();
    assert_eq!(h.state().prefs().tab, mesocds::app::tabs::Tab::Treatment);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    assert_eq!(h.state().prefs().tab, mesocds::app::tabs::Tab::Case);
}

#[test]
fn picking_t3_n1_m0_shows_stage_iiia() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    pick(&mut h, "Site", "Pleural");
    pick(&mut h, "Extent", "Diffuse (intracavitary)");
    tab(&mut h, "Staging");
    assert!(h.query_by_label("Stage IIIA").is_none());
    pick(&mut h, "T category", "T3");
    pick(&mut h, "N category", "N1");
    // Without M the stage is incomplete (both editions): M is never assumed M0.
    assert_eq!(h.query_all_by_label("Incomplete").count(), 2);
    pick(&mut h, "M category", "M0");
    assert!(h.query_by_label("Stage IIIA").is_some());
    assert!(h.query_all_by_label_contains("T3 N1 M0").next().is_some());
}

#[test]
fn without_m_the_grid_is_titled_as_shown_for_m0_not_as_the_patients() {
    // M is never taken as M0: the M0 grid may be shown for orientation, but not as this
    // patient's grid (it was titled "Stage groups for M0" while M was not entered).
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    pick(&mut h, "Site", "Pleural");
    pick(&mut h, "Extent", "Diffuse (intracavitary)");
    tab(&mut h, "Staging");
    pick(&mut h, "T category", "T3");
    pick(&mut h, "N category", "N1");
    assert!(h.query_by_label_contains("Stage groups for").is_none());
    assert_eq!(
        h.query_all_by_label_contains("T×N grid shown for M0 — M not entered")
            .count(),
        2,
        "both editions' grids"
    );
    pick(&mut h, "M category", "M0");
    assert_eq!(
        h.query_all_by_label_contains("Stage groups for M0").count(),
        2,
        "both editions' grids"
    );
    assert!(h.query_by_label_contains("M not entered").is_none());
}

#[test]
fn findings_derive_the_category_and_name_the_driver() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    tab(&mut h, "Staging");
    // The result column leaves the inputs 440 points (issue 11): the finding is below the fold.
    h.get_by_role_and_label(
        Role::CheckBox,
        "Direct extension of the tumor into the spine",
    )
    .scroll_to_me();
    h.run();
    h.get_by_role_and_label(
        Role::CheckBox,
        "Direct extension of the tumor into the spine",
    )
    .click();
    h.run();
    assert!(
        h.query_by_label_contains(
            "T4, from findings: Direct extension of the tumor into the spine"
        )
        .is_some()
    );
}

fn enter_eortc_inputs(h: &mut Harness<'_, MesoApp>, wbc: &str) {
    type_into(h, "WBC", wbc);
    pick(h, "Sex", "Male");
    pick(h, "ECOG performance status", "ECOG 1");
    pick(h, "Histology", "Epithelioid");
    pick(h, "Diagnostic certainty", "Definite");
}

#[test]
fn eortc_inputs_give_the_score_with_its_factors() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    enter_eortc_inputs(&mut h, "9.1");
    tab(&mut h, "Prognosis");
    // WBC 9.1 > 8.3 (0.55) + ECOG 1 (0.60) + male (0.60) = 1.75: high risk.
    assert!(h.query_by_label("EORTC score 1.75 — high risk").is_some());
    assert!(h.query_by_label("+0.55").is_some());
}

#[test]
fn letters_in_wbc_show_a_message_and_no_score() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    enter_eortc_inputs(&mut h, "9.1x");
    assert!(h.query_by_label_contains("is not a number").is_some());
    // Typing, even an invalid value, ends the first-run welcome line.
    assert!(h.query_by_label_contains("New to MesoCDS?").is_none());
    assert!(h.query_by_label_contains("Not used").is_some());
    assert_eq!(h.state().document().case.labs.wbc_10e9_per_l, None);
    tab(&mut h, "Prognosis");
    assert!(h.query_by_label("No EORTC score").is_some());
    // Both EORTC and CALGB say what they miss.
    assert_eq!(
        h.query_all_by_label_contains("Missing: White blood cell count")
            .count(),
        2
    );
}

#[test]
fn a_wbc_per_microlitre_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    type_into(&mut h, "WBC", "8300");
    assert!(h.query_by_label_contains("per µL").is_some());
    assert_eq!(h.state().document().case.labs.wbc_10e9_per_l, None);
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    type_into(&mut h, "Case label", "MC-42");
    assert!(h.state().document().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert_eq!(h.state().pending_prompt(), Some(&PendingAction::Quit));
    assert!(h.query_by_label("Unsaved changes").is_some());
    for b in ["Save", "Discard", "Cancel"] {
        assert!(h.query_by_role_and_label(Role::Button, b).is_some(), "{b}");
    }
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    assert_eq!(h.state().pending_prompt(), None);
    assert!(h.state().document().is_dirty(), "cancel keeps the work");
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    type_into(&mut h, "Case label", "MC-43");
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert_eq!(h.state().pending_prompt(), Some(&PendingAction::Quit));
}

#[test]
fn new_with_unsaved_changes_then_discard_starts_empty() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    type_into(&mut h, "Case label", "MC-44");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(h.state().pending_prompt(), Some(&PendingAction::New));
    h.get_by_role_and_label(Role::Button, "Discard").click();
    h.run();
    assert_eq!(h.state().document().case, Case::default());
    assert!(!h.state().document().is_dirty());
}

#[test]
fn undo_and_redo_of_case_edits() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    pick(&mut h, "Sex", "Female");
    assert!(h.state().document().case.patient.sex.is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().document().case.patient.sex, None);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert!(h.state().document().case.patient.sex.is_some());
}

#[test]
fn unsaved_work_is_autosaved_and_offered_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let recovery_dir = dir.path().join("recovery");
    {
        let mut h = harness(&recovery_dir);
        type_into(&mut h, "Case label", "MC-CRASH");
        // Let the autosave delay pass (each step advances egui's clock).
        for _ in 0..40 {
            h.step();
        }
        let recovery = h.state().recovery_file().expect("a recovery store");
        assert!(recovery.exists(), "autosaved");
        // Simulated crash: the harness is dropped without saving or discarding.
    }
    let mut h = harness(&recovery_dir);
    assert!(h.state().recovery_offered());
    assert!(h.query_by_label("Recover unsaved work?").is_some());
    h.get_by_role_and_label(Role::Button, "Recover").click();
    h.run();
    assert_eq!(h.state().document().case.label, "MC-CRASH");
    assert!(h.state().document().is_dirty(), "recovered work is unsaved");
}

#[test]
fn open_and_save_through_the_dialogs() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("existing.ron");
    let case = Case {
        label: "MC-FILE".to_owned(),
        ..Case::default()
    };
    case_file::save(&existing, &case, &SavedWith::default()).unwrap();
    let target = dir.path().join("saved-as.ron");
    let dialogs = ScriptedDialogs {
        open: vec![existing.clone()],
        save: vec![target.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = harness_with(dialogs, &dir.path().join("recovery"), None);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(h.state().document().case.label, "MC-FILE");
    assert_eq!(
        h.state().document().path.as_deref(),
        Some(existing.as_path())
    );
    assert_eq!(h.state().prefs().recent.first(), Some(&existing));
    type_into(&mut h, "Case label", "-2");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert!(!h.state().document().is_dirty());
    let saved = case_file::load(&target).unwrap();
    assert_eq!(saved.case.label, "MC-FILE-2");
    // The original file is untouched by Save As.
    assert_eq!(case_file::load(&existing).unwrap().case.label, "MC-FILE");
}

#[test]
fn a_bad_file_shows_an_error_and_keeps_the_open_case() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "MesoCdsCase(format: 1, saved_with: (").unwrap();
    let dialogs = ScriptedDialogs {
        open: vec![bad],
        ..ScriptedDialogs::default()
    };
    let mut h = harness_with(dialogs, &dir.path().join("recovery"), None);
    type_into(&mut h, "Case label", "KEEP");
    // Saving first would be asked; discard-free path: the case is dirty, so Open asks.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_role_and_label(Role::Button, "Discard").click();
    h.run();
    let err = h.state().error().expect("an error is shown").to_owned();
    assert!(err.contains("bad.ron"), "{err}");
    assert!(err.contains("line"), "{err}");
    assert!(
        h.query_by_label_contains("Could not open the case")
            .is_some()
    );
}

#[test]
fn opening_a_case_file_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("start.ron");
    let case = Case {
        label: "MC-START".to_owned(),
        ..Case::default()
    };
    case_file::save(&file, &case, &SavedWith::default()).unwrap();
    let h = harness_with(
        ScriptedDialogs::default(),
        &dir.path().join("r"),
        Some(file),
    );
    assert_eq!(h.state().document().case.label, "MC-START");
    assert_eq!(h.state().document().window_title(), "MC-START — MesoCDS");
}

#[test]
fn help_opens_the_example_case_with_every_tab_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    // On first run a welcome line offers the example; Help → Open example case does the same.
    assert!(h.query_by_label_contains("New to MesoCDS?").is_some());
    h.get_by_role_and_label(Role::Button, "Help").click();
    h.run();
    let items: Vec<_> = h
        .query_all_by_role_and_label(Role::Button, "Open example case")
        .collect();
    assert_eq!(items.len(), 2, "welcome button and Help menu item");
    items[1].click();
    h.run();
    assert_eq!(h.state().document().case.label, "EXAMPLE-1 (fictional)");
    assert!(
        h.query_by_label_contains("New to MesoCDS?").is_none(),
        "the welcome line goes away"
    );
    assert!(!h.state().document().is_dirty());
    assert_eq!(
        h.state().document().path,
        None,
        "Save asks where; the example is never overwritten"
    );
    assert!(
        h.query_by_label("Nothing: every result has its inputs.")
            .is_some()
    );
    tab(&mut h, "Staging");
    assert!(h.query_by_label("Stage IIIA").is_some());
    tab(&mut h, "Prognosis");
    assert!(h.query_by_label("EORTC score 1.75 — high risk").is_some());
    tab(&mut h, "Treatment options");
    assert!(
        h.query_by_label("Setting: Advanced (stages II, III and IV)")
            .is_some()
    );
    // The Report tab shows the report's one numbered reference list (it left the cases'
    // sections when a pack's cases came to share it).
    tab(&mut h, "Report");
    assert!(h.query_by_label("References").is_some());
    assert!(
        h.query_all_by_label_contains("PMID").count() > 1,
        "the numbered references, with their PMIDs"
    );
}

/// The status bar shows the file's path once: the message after opening or saving does not
/// repeat it (at 1024x700 and 150% the repetition took three lines).
#[test]
fn the_status_message_after_open_does_not_repeat_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("status.ron");
    case_file::save(&file, &Case::default(), &SavedWith::default()).unwrap();
    let h = harness_with(
        ScriptedDialogs::default(),
        &dir.path().join("r"),
        Some(file.clone()),
    );
    let info = h.state().info().unwrap_or_default().to_owned();
    assert!(
        !info.contains(&file.display().to_string()),
        "the message repeats the path: {info}"
    );
    // A case saved with other clinical content says so in one line: which content it was saved
    // with, and where the current content is named (Help → About), not the long content string
    // (four status lines at 1024x700 and 150%).
    let course = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/course/recurrent-with-course.ron");
    let h = harness_with(
        ScriptedDialogs::default(),
        &dir.path().join("r2"),
        Some(course),
    );
    let info = h.state().info().unwrap_or_default().to_owned();
    assert!(
        info.contains("saved with other clinical content (example)"),
        "{info}"
    );
    assert!(info.contains("Help, About MesoCDS"), "{info}");
    assert!(!info.contains("NCI PDQ"), "{info}");
}

/// Issue 11: the "Still missing" panel also lists what the 9th edition and the peritoneal
/// stage lack (Psum, Fmax, the date of diagnosis, the PCI), not only the 8th edition's inputs.
#[test]
fn still_missing_lists_the_ninth_edition_and_peritoneal_inputs() {
    use mesocds_core::vocab::{Extent, MCategory, NCategory, Site, StagingBasis, TCategory};
    let dir = tempfile::tempdir().unwrap();
    let mut case = Case::default();
    case.disease.site = Some(Site::Pleural);
    case.disease.extent = Some(Extent::Diffuse);
    case.staging.basis = Some(StagingBasis::Clinical);
    case.staging.t = Some(TCategory::T3);
    case.staging.n = Some(NCategory::N1);
    case.staging.m = Some(MCategory::M0);
    let pleural = dir.path().join("pleural.ron");
    case_file::save(&pleural, &case, &SavedWith::default()).unwrap();
    let mut h = harness_with(
        ScriptedDialogs::default(),
        &dir.path().join("r"),
        Some(pleural),
    );
    h.run();
    assert!(h.query_by_label("9th edition (AJCC Version 9)").is_some());
    assert!(
        h.query_by_label("Psum (sum of maximal pleural thickness at three levels, mm)")
            .is_some()
    );
    assert!(h.query_by_label("Date of diagnosis").is_some());

    let mut case = Case::default();
    case.disease.site = Some(Site::Peritoneal);
    let peritoneal = dir.path().join("peritoneal.ron");
    case_file::save(&peritoneal, &case, &SavedWith::default()).unwrap();
    let mut h = harness_with(
        ScriptedDialogs::default(),
        &dir.path().join("r2"),
        Some(peritoneal),
    );
    h.run();
    assert!(h.query_by_label("Peritoneal stage (proposed)").is_some());
    assert!(h.query_by_label("Peritoneal Cancer Index (PCI)").is_some());
}
