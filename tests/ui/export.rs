//! Export of the open case from the app: the PDF summary with the file's fingerprint, and the
//! landscape slides (issue 13), written through the (fake) file dialog and read back with poppler.

use std::path::Path;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use mesocds_core::Case;
use mesocds_core::case_file::{self, SavedWith};

use super::support::ScriptedDialogs;
use super::{harness_with, tab, type_into};

#[test]
fn export_pdf_from_the_app_writes_the_summary_with_the_file_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mc.ron");
    let case = Case {
        label: "MC-PDF".to_owned(),
        ..Case::default()
    };
    case_file::save(&file, &case, &SavedWith::default()).unwrap();
    let out = dir.path().join("mc.pdf");
    let dialogs = ScriptedDialogs {
        export: vec![out.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = harness_with(dialogs, &dir.path().join("r"), Some(file.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    let bytes = std::fs::read(&out).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(h.state().error(), None);
    // The Report tab previews the same model, with the saved file's fingerprint.
    tab(&mut h, "Report");
    let fp = mesocds::report::fingerprint(&std::fs::read(&file).unwrap());
    assert!(h.query_by_label_contains(&fp).is_some(), "{fp}");
    assert!(h.query_by_label("Tumor board decision").is_some());
    // After an edit the fingerprint no longer claims to match the file.
    tab(&mut h, "Case");
    type_into(&mut h, "Case label", "-2");
    tab(&mut h, "Report");
    assert!(h.query_by_label_contains("matches no saved file").is_some());
}

/// Issue 13: one case's slides from the app (File → Export slides, Ctrl+Shift+E, the Report tab's
/// button): the PDF is landscape 16:9, and the next plain Export is a portrait handout again.
#[test]
fn export_slides_from_the_app_writes_landscape_slides() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mc.ron");
    let case = Case {
        label: "MC-SLIDES".to_owned(),
        ..Case::default()
    };
    case_file::save(&file, &case, &SavedWith::default()).unwrap();
    let (slides, handout) = (dir.path().join("s.pdf"), dir.path().join("h.pdf"));
    let dialogs = ScriptedDialogs {
        // The fake dialog answers from the end of the list.
        export: vec![handout.clone(), slides.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = harness_with(dialogs, &dir.path().join("r"), Some(file));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    h.run();
    assert_eq!(h.state().error(), None);
    assert!(h.state().info().unwrap().contains(" slides)"));
    let size = |pdf: &Path| {
        let out = std::process::Command::new("pdfinfo")
            .arg(pdf)
            .output()
            .expect("pdfinfo is needed (apt-get install -y poppler-utils)");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.lines()
            .find(|l| l.starts_with("Page size:"))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(size(&slides).contains("960 x 540 pts"), "{}", size(&slides));
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(
        size(&handout).contains("595.28 x 841.89 pts"),
        "{}",
        size(&handout)
    );
}

/// The View menu holds what the preferences hold (a user trial found Reduce motion and the
/// paper choice had no control): Reduce motion turns animations off, US Letter makes the next
/// handout Letter-sized, and Zoom In zooms.
#[test]
fn the_view_menu_sets_reduce_motion_the_paper_and_the_zoom() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("letter.pdf");
    let dialogs = ScriptedDialogs {
        export: vec![out.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = harness_with(dialogs, &dir.path().join("r"), None);
    let view_item = |h: &mut egui_kittest::Harness<'_, mesocds::app::MesoApp>, item: &str| {
        h.get_by_role_and_label(Role::Button, "View").click();
        h.run();
        // A menu item's accessible name may carry its shortcut text.
        h.get_by_label_contains(item).click();
        h.run();
    };
    view_item(&mut h, "Reduce motion");
    assert!(h.state().prefs().reduce_motion);
    assert_eq!(h.ctx.global_style().animation_time, 0.0);
    view_item(&mut h, "US Letter");
    assert!(h.state().prefs().letter_paper);
    let zoom = h.ctx.zoom_factor();
    view_item(&mut h, "Zoom In");
    assert!(h.ctx.zoom_factor() > zoom);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    let info = std::process::Command::new("pdfinfo")
        .arg(&out)
        .output()
        .expect("pdfinfo is needed (apt-get install -y poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("612 x 792 pts"), "{info}");
}
