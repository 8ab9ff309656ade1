//! Defects a new-user trial found on the Board tab: files that are not case files joined the
//! board and broke the pack; the same patient could be on it twice unnoticed; a long question
//! made its row fill the screen; the path field's wording, banner and replace question.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use mesocds_core::Case;
use mesocds_core::case_file::{self, SavedWith};
use mesocds_core::course::BoardEntry;

use super::{board_harness, board_without_dialogs, click, drop_files, three_cases};
use crate::ui::path_field::enter_path;
use crate::ui::support::ScriptedDialogs;

/// A file that is not a case file (a PDF's first bytes, not UTF-8) and a malformed case file.
fn not_cases(dir: &Path) -> (PathBuf, PathBuf) {
    let pdf = dir.join("scan.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n").unwrap();
    let broken = dir.join("broken.ron");
    std::fs::write(
        &broken,
        "MesoCdsCase(format: 2, saved_with: (app_version: \"t\", content: \"t\"),\n case: (label: 3))\n",
    )
    .unwrap();
    (pdf, broken)
}

#[test]
fn add_cases_refuses_files_that_are_not_case_files_and_names_each() {
    let dir = tempfile::tempdir().unwrap();
    let good = three_cases(dir.path()).remove(0);
    let (pdf, broken) = not_cases(dir.path());
    let dialogs = ScriptedDialogs {
        cases: vec![vec![pdf.clone(), good.clone(), broken.clone()]],
        ..ScriptedDialogs::default()
    };
    let mut h = board_harness(dialogs, dir.path());
    click(&mut h, "Board");
    click(&mut h, "Add cases…");
    assert_eq!(h.state().board().board.paths(), vec![good.clone()]);
    assert_eq!(h.state().info(), Some("Added 1 case to the board."));
    let error = h.state().error().unwrap();
    assert!(error.contains("2 files not added"), "{error}");
    assert!(error.contains("scan.pdf"), "{error}");
    assert!(error.contains("broken.ron"), "{error}");
    assert!(error.contains("line 2, column"), "{error}");
    // Dropped on the board: refused the same way.
    drop_files(&mut h, std::slice::from_ref(&pdf));
    assert_eq!(h.state().board().board.items.len(), 1);
    assert!(h.state().error().unwrap().contains("scan.pdf"));
    assert_eq!(h.state().info(), Some("Added 0 cases to the board."));
}

/// A board file listing `cases`, opened in a harness on the Board tab.
fn opened_board(
    dir: &Path,
    cases: &[PathBuf],
    dialogs: ScriptedDialogs,
) -> egui_kittest::Harness<'static, mesocds::app::MesoApp> {
    let board_file = dir.join("b.mesoboard");
    mesocds::board::file::save(&board_file, cases).unwrap();
    let dialogs = ScriptedDialogs {
        board: vec![board_file],
        ..dialogs
    };
    let mut h = board_harness(dialogs, dir);
    click(&mut h, "Board");
    click(&mut h, "Open board…");
    h
}

#[test]
fn the_pack_is_refused_while_a_row_cannot_be_read_and_the_banner_goes_with_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut cases = three_cases(dir.path());
    cases.insert(1, dir.path().join("gone.ron"));
    let pdf = dir.path().join("pack.pdf");
    let dialogs = ScriptedDialogs {
        export: vec![pdf.clone(), pdf.clone()],
        fhir: vec![dir.path().join("b.json")],
        ..ScriptedDialogs::default()
    };
    let mut h = opened_board(dir.path(), &cases, dialogs);
    assert_eq!(
        h.state().board().board.items.len(),
        4,
        "a missing case stays a row"
    );
    assert_eq!(
        h.state().error(),
        Some("1 case file of this board could not be read; see its row.")
    );
    assert!(h.query_by_label("Board b.mesoboard").is_some());
    assert!(h.query_by_label("not saved yet").is_none());
    click(&mut h, "Export pack PDF…");
    assert!(!pdf.exists(), "nothing written");
    let error = h.state().error().unwrap();
    assert!(
        error.starts_with("The pack PDF was not written: 1 row cannot be read; fix or remove it"),
        "{error}"
    );
    assert!(error.contains("row 2: "), "{error}");
    assert!(error.contains("gone.ron: file not found"), "{error}");
    click(&mut h, "Export FHIR of the board…");
    assert!(!dir.path().join("b.json").exists());
    // A case file gone since it was added counts too: the cases are read again first.
    std::fs::rename(&cases[0], dir.path().join("moved.ron")).unwrap();
    click(&mut h, "Export pack PDF…");
    let error = h.state().error().unwrap();
    assert!(
        error.contains("2 rows cannot be read; fix or remove them"),
        "{error}"
    );
    std::fs::rename(dir.path().join("moved.ron"), &cases[0]).unwrap();
    // Reload files: the banner counts what is still unreadable.
    click(&mut h, "Reload files");
    assert_eq!(
        h.state().error(),
        Some("1 case file of this board could not be read; see its row.")
    );
    // Removing the unreadable row takes the banner away; then the pack is written.
    h.get_by_label("2. gone.ron").click();
    h.run();
    click(&mut h, "Remove from board");
    assert_eq!(h.state().error(), None);
    // The status bar tells the board's state on the Board tab, not the open case's.
    assert!(
        h.query_by_label("Board b.mesoboard (unsaved changes)")
            .is_some()
    );
    assert!(h.query_by_label("not saved yet").is_none());
    click(&mut h, "Export pack PDF…");
    assert!(pdf.is_file(), "{:?}", h.state().error());
    assert!(
        h.state().info().unwrap().contains("the pack of 3 cases"),
        "{:?}",
        h.state().info()
    );
}

#[test]
fn the_same_patient_twice_is_added_with_a_warning_on_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_cases(dir.path());
    let copy = dir.path().join("copy-of-01.ron");
    std::fs::copy(&files[0], &copy).unwrap();
    // Another file with the label of the third case.
    let third = case_file::load(&files[2]).unwrap().case;
    let relabelled = dir.path().join("same-label.ron");
    let other = Case {
        label: third.label.clone(),
        ..Case::default()
    };
    case_file::save(&relabelled, &other, &SavedWith::default()).unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&files[0], &link).unwrap();
    let dialogs = ScriptedDialogs {
        // Answered last first.
        cases: vec![vec![copy.clone(), relabelled.clone(), link], files.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = board_harness(dialogs, dir.path());
    click(&mut h, "Board");
    click(&mut h, "Add cases…");
    click(&mut h, "Add cases…");
    let mut expected = files.clone();
    expected.extend([copy, relabelled]);
    assert_eq!(
        h.state().board().board.paths(),
        expected,
        "a link to row 1 is refused"
    );
    let info = h.state().info().unwrap();
    assert!(
        info.starts_with("Added 2 cases to the board; 1 already on it"),
        "{info}"
    );
    assert!(
        info.contains("row 4 has the same content as row 1"),
        "{info}"
    );
    assert!(info.contains("row 5 has the same label as row 3"), "{info}");
    assert!(h.query_by_label("Warning: same content as row 1").is_some());
    assert!(h.query_by_label("Warning: same content as row 4").is_some());
    assert!(h.query_by_label("Warning: same label as row 3").is_some());
    assert!(h.query_by_label("Warning: same label as row 5").is_some());
}

#[test]
fn a_long_question_is_clamped_to_three_lines_with_the_full_text_for_screen_readers() {
    let dir = tempfile::tempdir().unwrap();
    let words = "Should this patient be offered extended pleurectomy decortication after \
                 chemotherapy, given the comorbidities discussed in clinic? ";
    let question: String = words.repeat(6).trim().to_owned();
    assert!(question.len() > 600);
    let path = dir.path().join("long.ron");
    let case = Case {
        label: "LONG-Q".to_owned(),
        board: vec![BoardEntry {
            date: "2026-05-01".parse().unwrap(),
            question: question.clone(),
            decision: String::new(),
            attendees: Vec::new(),
            next_review: None,
        }],
        ..Case::default()
    };
    case_file::save(&path, &case, &SavedWith::default()).unwrap();
    let dialogs = ScriptedDialogs {
        cases: vec![vec![path]],
        ..ScriptedDialogs::default()
    };
    let mut h = board_harness(dialogs, dir.path());
    click(&mut h, "Board");
    click(&mut h, "Add cases…");
    let cell = h.get_by_label(&question);
    let line = h.get_by_label("Age").rect().height();
    let height = cell.rect().height();
    assert!(height < 3.5 * line, "{height} for lines of {line}");
    assert!(height > 2.5 * line, "{height} for lines of {line}");
}

#[test]
fn the_label_column_stays_in_view_when_the_table_scrolls_sideways() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_cases(dir.path());
    let dialogs = ScriptedDialogs {
        cases: vec![files],
        ..ScriptedDialogs::default()
    };
    let mut h = board_harness(dialogs, dir.path());
    h.set_size(egui::vec2(700.0, 600.0));
    click(&mut h, "Board");
    click(&mut h, "Add cases…");
    let left = h.get_by_label("1. golden-01").rect().left();
    let third = h.get_by_label("3. course-example").rect().left();
    assert!(
        (third - left).abs() < 1.0,
        "rows aligned: {left} and {third}"
    );
    h.get_by_label("Second-line options?").scroll_to_me();
    h.run_steps(20);
    let question = h.get_by_label("Second-line options?").rect();
    assert!(question.right() < 700.0, "scrolled sideways: {question:?}");
    let label = h.get_by_label("1. golden-01").rect();
    assert!((label.left() - left).abs() < 1.0, "{left} then {label:?}");
    let header = h.get_by_label("Label").rect();
    assert!((header.left() - left).abs() < 1.0, "{left} then {header:?}");
}

#[test]
fn the_path_field_words_add_folder_and_asks_before_replacing_an_export() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, cases, files) = board_without_dialogs(dir.path());
    click(&mut h, "Add folder…");
    assert!(
        h.query_by_label("Add a folder of cases to the board")
            .is_some()
    );
    assert!(
        h.query_by_label("No file dialog is available on this desktop. Type the folder's path.")
            .is_some()
    );
    enter_path(&mut h, &files[0]);
    assert!(h.query_by_label_contains("is not a folder.").is_some());
    enter_path(&mut h, &cases);
    assert_eq!(h.state().board().board.paths(), files);
    // Slides get their own name.
    h.get_by_role_and_label(Role::RadioButton, "Slides (landscape, to project)")
        .click();
    h.run();
    click(&mut h, "Export pack PDF…");
    let text = h.state().path_prompt_text().unwrap().to_owned();
    assert!(text.ends_with("tumor-board-slides.pdf"), "{text}");
    // Writing over an existing file asks first.
    let old = dir.path().join("old.pdf");
    std::fs::write(&old, "%PDF-1.7 keep me").unwrap();
    enter_path(&mut h, &old);
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "%PDF-1.7 keep me");
    assert!(
        h.query_by_label_contains("Replace the existing file?")
            .is_some()
    );
    click(&mut h, "Replace");
    assert_eq!(h.state().path_prompt_text(), None);
    assert!(
        std::fs::read(&old).unwrap().len() > 1000,
        "{:?} {:?}",
        h.state().error(),
        h.state().info()
    );
}
