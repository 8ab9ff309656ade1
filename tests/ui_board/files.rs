//! The Board tab's files: the board file round trip (relative paths, a missing case, a malformed
//! file), the pack PDF in the board's order (`pdftotext`), and the FHIR export from the app
//! parsed by `fhir-sdk`.

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use mesocds::app::services::Recovery;
use mesocds::app::tabs::Tab;

use super::{board_harness, board_of_three, click, row_labels, three_cases};
use crate::ui::support::{ScriptedDialogs, app_harness};

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn board_file_round_trip_with_relative_paths_and_a_missing_case() {
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).unwrap();
    let boards = dir.path().join("boards");
    std::fs::create_dir(&boards).unwrap();
    let board_file = boards.join("monday.mesoboard");
    let extra = ScriptedDialogs {
        board: vec![board_file.clone()],
        ..ScriptedDialogs::default()
    };
    let (mut h, files) = board_of_three(&cases, extra);
    h.get_by_label("3. course-example").click();
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run();
    click(&mut h, "Save board as…");
    let text = std::fs::read_to_string(&board_file).unwrap();
    assert!(text.contains("format: 1"), "{text}");
    assert!(
        text.contains("\"../cases/recurrent-with-course.ron\""),
        "{text}"
    );
    assert!(
        !text.contains(&dir.path().display().to_string()),
        "relative paths: {text}"
    );
    #[cfg(unix)]
    assert_eq!(mode(&board_file), 0o600);
    assert!(
        h.query_by_label_contains("Board monday.mesoboard · 3 cases")
            .is_some()
    );

    // Reopen it in a new session (the whole folder tree moved), with one case gone.
    let moved = tempfile::tempdir().unwrap();
    std::fs::rename(&cases, moved.path().join("cases")).unwrap();
    std::fs::rename(&boards, moved.path().join("boards")).unwrap();
    std::fs::remove_file(
        moved
            .path()
            .join("cases/25_pleural_2025_ninth_applies_t3_n0.ron"),
    )
    .unwrap();
    let board_file = moved.path().join("boards/monday.mesoboard");
    let mut h = app_harness(
        ScriptedDialogs::default(),
        Recovery::in_dir(&moved.path().join("r")),
        Some(board_file.clone()),
    );
    assert_eq!(h.state().prefs().tab, Tab::Board);
    let names: Vec<String> = row_labels(&h);
    let expected: Vec<String> = [&files[0], &files[2], &files[1]]
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, expected, "the saved order, the missing case kept");
    let missing = h.state().board().board.items[2].row.clone().unwrap_err();
    assert!(missing.ends_with("file not found"), "{missing}");
    assert!(h.query_by_label_contains("file not found").is_some());
    h.run();
    assert!(h.query_by_label("2. golden-01").is_none());
    assert!(h.query_by_label("1. golden-01").is_some());
}

#[test]
fn a_malformed_board_file_is_refused_with_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.mesoboard");
    std::fs::write(
        &bad,
        "MesoCdsBoard(\n  format: 1,\n  cases: [\"a.ron\" \"b.ron\"],\n)\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs {
        board: vec![bad.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = board_harness(dialogs, dir.path());
    click(&mut h, "File");
    click(&mut h, "Open board…");
    let error = h.state().error().unwrap().to_owned();
    assert!(error.contains("bad.mesoboard: line 3, column"), "{error}");
    assert!(h.state().board().board.items.is_empty());
}

fn pdftotext(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is needed (apt-get install -y poppler-utils)");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_pack_pdf_has_the_cases_in_the_board_order() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pack.pdf");
    let extra = ScriptedDialogs {
        export: vec![out.clone()],
        ..ScriptedDialogs::default()
    };
    let (mut h, _) = board_of_three(dir.path(), extra);
    h.get_by_label("3. course-example").click();
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run();
    h.get_by_role_and_label(Role::RadioButton, "Slides (landscape, to project)")
        .click();
    h.run();
    click(&mut h, "Export pack PDF…");
    assert_eq!(h.state().error(), None);
    let text = pdftotext(&out);
    // Each page's footer names its case file: their first pages come in the board's order.
    let at = |file: &str| {
        text.find(&format!("({file})"))
            .unwrap_or_else(|| panic!("{file}: {text}"))
    };
    assert!(at("recurrent-with-course.ron") < at("01_new_pleural_stage_iiia_advanced.ron"));
    assert!(
        at("01_new_pleural_stage_iiia_advanced.ron")
            < at("25_pleural_2025_ninth_applies_t3_n0.ron")
    );
    assert!(h.state().info().unwrap().contains("pack of 3 cases"));
    // The layout chosen on the tab reaches the PDF: landscape 16:9 slides.
    assert!(h.state().info().unwrap().contains(" slides)"));
    let info = std::process::Command::new("pdfinfo")
        .arg(&out)
        .output()
        .expect("pdfinfo is needed (apt-get install -y poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Page size:       960 x 540 pts"), "{info}");
}

#[test]
fn the_pack_is_never_written_over_a_case_of_the_board() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_cases(dir.path());
    let before = std::fs::read(&files[1]).unwrap();
    let dialogs = ScriptedDialogs {
        cases: vec![files.clone()],
        export: vec![files[1].clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = board_harness(dialogs, dir.path());
    click(&mut h, "Board");
    click(&mut h, "Add cases…");
    click(&mut h, "Export pack PDF…");
    assert!(
        h.state()
            .error()
            .unwrap()
            .contains("one of the input case files")
    );
    assert_eq!(std::fs::read(&files[1]).unwrap(), before);
}

fn parse_bundle(path: &Path) -> fhir_sdk::r4b::resources::Bundle {
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).expect("the FHIR library parses the export as an R4B Bundle")
}

#[test]
fn file_export_fhir_writes_the_case_on_screen_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_cases(dir.path());
    let out = dir.path().join("case.json");
    let dialogs = ScriptedDialogs {
        fhir: vec![out.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = app_harness(
        dialogs,
        Recovery::in_dir(&dir.path().join("r")),
        Some(files[1].clone()),
    );
    h.get_by_role_and_label(Role::TextInput, "Case label")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Case label")
        .type_text("-edited");
    h.run();
    click(&mut h, "File");
    click(&mut h, "Export FHIR…");
    let bundle = parse_bundle(&out);
    assert_eq!(bundle.r#type, fhir_sdk::r4b::codes::BundleType::Collection);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("golden-22-edited")
    );
    assert!(
        h.state().info().unwrap().contains("unsaved edits"),
        "{:?}",
        h.state().info()
    );
    #[cfg(unix)]
    assert_eq!(mode(&out), 0o600);
}

#[test]
fn board_export_fhir_writes_every_case() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("board.json");
    let extra = ScriptedDialogs {
        fhir: vec![out.clone()],
        ..ScriptedDialogs::default()
    };
    let (mut h, _) = board_of_three(dir.path(), extra);
    click(&mut h, "Export FHIR of the board…");
    let bundle = parse_bundle(&out);
    let text = std::fs::read_to_string(&out).unwrap();
    for label in ["golden-01", "golden-22", "course-example"] {
        assert!(text.contains(label), "{label}");
    }
    assert!(bundle.entry.len() >= 3);
    assert!(h.state().info().unwrap().contains("3 cases"));
}
