#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Issue 13: the Board tab, driven through AccessKit (`egui_kittest`) with scripted dialogs and
//! real files: add cases (dialog, folder, drop), the table's stages and questions, reorder with
//! Alt+Up/Down, open one, remove, the board file, the pack PDF and the FHIR export.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use mesocds::app::MesoApp;
use mesocds::app::services::Recovery;
use mesocds::app::tabs::Tab;
use mesocds_core::Case;
use mesocds_core::case_file::{self, SavedWith};

use crate::ui::path_field::enter_path;
use crate::ui::support::{ScriptedDialogs, app_harness};

// The board file, the pack PDF and the FHIR export.
mod files;
// Defects found by a new-user trial: non-case files, the same patient twice, long questions.
mod trial;

#[derive(serde::Deserialize)]
struct GoldenCase {
    case: Case,
}

/// Saves the case of golden case `name` (`tests/cases`) as a case file in `dir`.
pub(crate) fn golden_case_file(dir: &Path, name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let g: GoldenCase = ron::Options::default()
        .from_str(&std::fs::read_to_string(root.join("tests/cases").join(name)).unwrap())
        .unwrap();
    let path = dir.join(name);
    case_file::save(&path, &g.case, &SavedWith::default()).unwrap();
    path
}

/// Three case files: stage IIIA 8th edition without a date, 9th edition IIIA (2025), and the
/// course example (a board question).
pub(crate) fn three_cases(dir: &Path) -> Vec<PathBuf> {
    let course = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/course/recurrent-with-course.ron");
    let c = dir.join("recurrent-with-course.ron");
    std::fs::copy(course, &c).unwrap();
    vec![
        golden_case_file(dir, "01_new_pleural_stage_iiia_advanced.ron"),
        golden_case_file(dir, "25_pleural_2025_ninth_applies_t3_n0.ron"),
        c,
    ]
}

pub(crate) fn board_harness(dialogs: ScriptedDialogs, dir: &Path) -> Harness<'static, MesoApp> {
    app_harness(dialogs, Recovery::in_dir(&dir.join("recovery")), None)
}

pub(crate) fn click(h: &mut Harness<'_, MesoApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

/// The board's case labels as the table shows them (numbered rows), in order.
pub(crate) fn row_labels(h: &Harness<'_, MesoApp>) -> Vec<String> {
    h.state()
        .board()
        .board
        .items
        .iter()
        .map(|i| i.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

/// A harness on the Board tab without file dialogs, and a folder `cases` of the three cases
/// (not yet on the board): the harness, the folder, its case files.
pub(crate) fn board_without_dialogs(
    dir: &Path,
) -> (Harness<'static, MesoApp>, PathBuf, Vec<PathBuf>) {
    let cases = dir.join("cases");
    std::fs::create_dir(&cases).unwrap();
    let files = three_cases(&cases);
    let dialogs = ScriptedDialogs {
        unavailable: true,
        ..ScriptedDialogs::default()
    };
    let mut h = board_harness(dialogs, dir);
    click(&mut h, "Board");
    (h, cases, files)
}

/// A board of the three cases, added through "Add cases…".
pub(crate) fn board_of_three(
    dir: &Path,
    extra: ScriptedDialogs,
) -> (Harness<'static, MesoApp>, Vec<PathBuf>) {
    let files = three_cases(dir);
    let dialogs = ScriptedDialogs {
        cases: vec![files.clone()],
        ..extra
    };
    let mut h = board_harness(dialogs, dir);
    click(&mut h, "Board");
    click(&mut h, "Add cases…");
    (h, files)
}

#[test]
fn added_cases_show_their_stage_edition_and_question() {
    let dir = tempfile::tempdir().unwrap();
    let (h, files) = board_of_three(dir.path(), ScriptedDialogs::default());
    assert_eq!(h.state().board().board.paths(), files);
    for row in ["1. golden-01", "2. golden-22", "3. course-example"] {
        assert!(h.query_by_label(row).is_some(), "{row}");
    }
    assert!(
        h.query_by_label("AJCC Version 9: Stage IIIA (cT3 N0 M0)")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("AJCC 8th: Stage IIIA (cT3 N1 M0)")
            .is_some()
    );
    assert!(h.query_by_label("Second-line options?").is_some());
    assert!(
        h.query_by_label("Recurrence: distant (course, 2025-05-01)")
            .is_some()
    );
    assert!(h.query_by_label("high (score 1.75)").is_some());
    assert!(h.query_by_label("Stage (edition that applies)").is_some());
}

#[test]
fn alt_arrows_move_the_selected_row_and_buttons_too() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, files) = board_of_three(dir.path(), ScriptedDialogs::default());
    h.get_by_label("3. course-example").click();
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run();
    assert_eq!(
        h.state().board().board.paths(),
        vec![files[2].clone(), files[0].clone(), files[1].clone()]
    );
    assert!(h.query_by_label("1. course-example").is_some());
    assert_eq!(
        h.state().board().selected,
        Some(0),
        "the selection follows the row"
    );
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    // A click anywhere on a row selects it.
    h.get_by_label("Second-line options?").click();
    h.run();
    assert_eq!(h.state().board().selected, Some(1));
    click(&mut h, "Move down");
    assert_eq!(
        row_labels(&h),
        [
            "01_new_pleural_stage_iiia_advanced.ron",
            "25_pleural_2025_ninth_applies_t3_n0.ron",
            "recurrent-with-course.ron"
        ]
    );
    // By keyboard alone: the row's label takes the focus, Space selects it.
    h.get_by_label("1. golden-01").focus();
    h.run();
    h.key_press(Key::Space);
    h.run();
    assert_eq!(h.state().board().selected, Some(0));
    // Elsewhere the keys do nothing to the board.
    click(&mut h, "Case");
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run();
    assert_eq!(h.state().board().board.paths(), files);
}

#[test]
fn open_case_loads_it_and_shows_the_case_tab_and_remove_drops_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, files) = board_of_three(dir.path(), ScriptedDialogs::default());
    h.get_by_label("2. golden-22").click();
    h.run();
    click(&mut h, "Open case");
    assert_eq!(
        h.state().document().path.as_deref(),
        Some(files[1].as_path())
    );
    assert_eq!(h.state().prefs().tab, Tab::Case);
    // Saved in the main window, its row shows the change.
    h.get_by_role_and_label(Role::TextInput, "Case label")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Case label")
        .type_text("-b");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    click(&mut h, "Board");
    assert!(h.query_by_label("2. golden-22-b").is_some());
    click(&mut h, "Remove from board");
    assert_eq!(
        h.state().board().board.paths(),
        vec![files[0].clone(), files[2].clone()]
    );
    assert!(files[1].exists(), "the file itself is untouched");
    assert!(h.query_by_label("2. course-example").is_some());
}

#[test]
fn opening_a_case_from_the_board_asks_about_unsaved_changes_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, files) = board_of_three(dir.path(), ScriptedDialogs::default());
    click(&mut h, "Case");
    h.get_by_role_and_label(Role::TextInput, "Case label")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Case label")
        .type_text("typed");
    h.run();
    click(&mut h, "Board");
    h.get_by_label("1. golden-01").click();
    h.run();
    click(&mut h, "Open case");
    assert!(
        h.state().pending_prompt().is_some(),
        "the unsaved-changes prompt is shown"
    );
    assert_eq!(h.state().document().case.label, "typed");
    click(&mut h, "Discard");
    assert_eq!(
        h.state().document().path.as_deref(),
        Some(files[0].as_path())
    );
    assert_eq!(h.state().prefs().tab, Tab::Case);
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

pub(crate) fn drop_files(h: &mut Harness<'_, MesoApp>, files: &[PathBuf]) {
    h.input_mut().dropped_files = files
        .iter()
        .map(|f| Arc::new(Dropped(f.clone())) as Arc<dyn egui::DroppedFile + Send + Sync>)
        .collect();
    h.run();
}

#[test]
fn files_dropped_on_the_board_tab_join_the_board_elsewhere_the_first_opens() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_cases(dir.path());
    let mut h = board_harness(ScriptedDialogs::default(), dir.path());
    drop_files(&mut h, &files);
    assert!(
        h.state().board().board.items.is_empty(),
        "not on the Board tab"
    );
    assert_eq!(
        h.state().document().path.as_deref(),
        Some(files[0].as_path())
    );
    click(&mut h, "Board");
    drop_files(&mut h, &files);
    assert_eq!(h.state().board().board.paths(), files);
    assert!(h.query_by_label("3. course-example").is_some());
    // Dropped again: each case is on the board once.
    drop_files(&mut h, &files[..1]);
    assert_eq!(h.state().board().board.items.len(), 3);
    assert!(h.state().info().unwrap().contains("1 already on it"));
}

#[test]
fn add_folder_adds_by_name_and_names_a_broken_file_with_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).unwrap();
    let files = three_cases(&cases);
    let broken = cases.join("00_broken.ron");
    std::fs::write(
        &broken,
        "MesoCdsCase(format: 2, saved_with: (app_version: \"t\", content: \"t\"),\n case: (label: 3))\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs {
        folder: vec![cases.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = board_harness(dialogs, dir.path());
    click(&mut h, "Board");
    click(&mut h, "Add folder…");
    // Only the readable case files join, sorted by name; the broken one is named, with why.
    assert_eq!(h.state().board().board.paths(), files, "sorted by name");
    assert!(h.query_by_label_contains("Cannot be read:").is_none());
    let error = h.state().error().unwrap();
    assert!(error.contains("1 file not added"), "{error}");
    assert!(error.contains("00_broken.ron"), "{error}");
    assert!(error.contains("line 2, column"), "{error}");
    assert_eq!(h.state().info(), Some("Added 3 cases to the board."));
}

#[test]
fn without_a_file_dialog_the_board_asks_for_paths_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, cases, files) = board_without_dialogs(dir.path());
    click(&mut h, "Add cases…");
    // A folder typed in the field adds its case files.
    enter_path(&mut h, &cases);
    assert_eq!(h.state().path_prompt_text(), None);
    assert_eq!(h.state().board().board.paths(), files);
    // The board file's name must end in .mesoboard.
    click(&mut h, "Save board as…");
    let board_file = dir.path().join("b.mesoboard");
    enter_path(&mut h, &dir.path().join("b.txt"));
    assert!(
        h.query_by_label("A board file's name ends in .mesoboard.")
            .is_some()
    );
    enter_path(&mut h, &board_file);
    assert_eq!(h.state().path_prompt_text(), None);
    assert!(board_file.is_file());
    // The pack PDF, from the field too.
    click(&mut h, "Export pack PDF…");
    enter_path(&mut h, &files[0].with_extension("pdf"));
    assert!(
        dir.path()
            .join("cases/01_new_pleural_stage_iiia_advanced.pdf")
            .is_file()
    );
}
