//! Issue 10: without a file-dialog service, Open, Save, Save As and Export ask for a path in the
//! window (a modal with a path field; Enter is OK, Escape is Cancel).

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use mesocds::app::MesoApp;
use mesocds_core::Case;
use mesocds_core::case_file;

use super::support::ScriptedDialogs;
use super::workflows::save_case;
use super::{harness_with, type_into};

/// Replaces the text of the path field and presses Enter.
pub(crate) fn enter_path(h: &mut Harness<'_, MesoApp>, path: &Path) {
    let field = h.get_by_role_and_label(Role::TextInput, "Path");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(&path.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn without_a_file_dialog_save_and_export_ask_for_a_path_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mc.ron");
    save_case(&file, "MC-PATH");
    let dialogs = ScriptedDialogs {
        unavailable: true,
        ..ScriptedDialogs::default()
    };
    let folders = dialogs.folders.clone();
    let mut h = harness_with(dialogs, &dir.path().join("r"), Some(file.clone()));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    // The dialog was asked to start in the case's folder; the field starts there too.
    assert_eq!(folders.borrow().first(), Some(&Some(dir.path().to_owned())));
    let start = h
        .state()
        .path_prompt_text()
        .expect("a path field")
        .to_owned();
    assert_eq!(start, dir.path().join("MC-PATH.ron").display().to_string());
    let copy = dir.path().join("copy.ron");
    enter_path(&mut h, &copy);
    assert_eq!(h.state().path_prompt_text(), None);
    assert_eq!(case_file::load(&copy).unwrap().case.label, "MC-PATH");
    assert_eq!(h.state().document().path.as_deref(), Some(copy.as_path()));

    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    let start = h
        .state()
        .path_prompt_text()
        .expect("a path field")
        .to_owned();
    assert!(start.ends_with("MC-PATH.pdf"), "{start}");
    // The case file itself is refused: a PDF's name ends in .pdf.
    let before = std::fs::read(&copy).unwrap();
    enter_path(&mut h, &copy);
    assert!(h.query_by_label_contains("ends in .pdf").is_some());
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        before,
        "the case file is untouched"
    );
    // Save As over another existing file is refused from the field.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    enter_path(&mut h, &file);
    assert!(h.query_by_label_contains("already exists").is_some());
    assert_eq!(case_file::load(&file).unwrap().case.label, "MC-PATH");
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    let pdf = dir.path().join("summary.pdf");
    enter_path(&mut h, &pdf);
    eprintln!(
        "{:?} {:?} {:?}",
        h.state().path_prompt_text(),
        h.state().error(),
        h.state().info()
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    assert_eq!(h.state().path_prompt_text(), None);

    // Escape is Cancel.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert!(h.state().path_prompt_text().is_some());
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().path_prompt_text(), None);
}

#[test]
fn save_in_the_unsaved_changes_prompt_asks_for_a_path_then_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs {
        unavailable: true,
        ..ScriptedDialogs::default()
    };
    let mut h = harness_with(dialogs, &dir.path().join("r"), None);
    type_into(&mut h, "Case label", "MC-NEXT");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_role_and_label(Role::Button, "Save").click();
    h.run();
    assert!(h.state().path_prompt_text().is_some(), "a path field");
    let target = dir.path().join("next.ron");
    enter_path(&mut h, &target);
    assert_eq!(case_file::load(&target).unwrap().case.label, "MC-NEXT");
    assert_eq!(
        h.state().document().case,
        Case::default(),
        "then the new case"
    );
}
