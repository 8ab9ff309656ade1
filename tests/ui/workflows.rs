//! Issue 10: the workflows that failed silently in a user's hands, each driven as the user does
//! (kittest; egui's clock advances a quarter of a second per step).

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers, OutputCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use mesocds::app::MesoApp;
use mesocds_core::Case;
use mesocds_core::case_file::{self, SavedWith};

use super::support::{EXAMPLE_PATH, ScriptedDialogs};
use super::{harness, harness_with, pick, tab, type_into};

/// Steps the app `n` frames (a quarter of a second each).
fn steps(h: &mut Harness<'_, MesoApp>, n: usize) {
    for _ in 0..n {
        h.step();
    }
}

/// The recovery files in `dir` (whatever they are named).
fn recovery_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir).map_or_else(
        |_| Vec::new(),
        |entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        },
    )
}

/// The text the app put on the clipboard in the last frame.
fn copied(h: &Harness<'_, MesoApp>) -> Option<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
}

/// Presses Ctrl+Shift+C in one frame, so that this frame's output is the one read.
fn press_copy_summary(h: &mut Harness<'_, MesoApp>) {
    h.input_mut().events.push(egui::Event::Key {
        key: Key::C,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::COMMAND | Modifiers::SHIFT,
    });
    h.step();
}

pub(super) fn save_case(path: &Path, label: &str) {
    let case = Case {
        label: label.to_owned(),
        ..Case::default()
    };
    case_file::save(path, &case, &SavedWith::default()).unwrap();
}

#[test]
fn ctrl_shift_c_copies_the_plain_text_summary_from_any_tab() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_with(
        ScriptedDialogs::default(),
        dir.path(),
        Some(PathBuf::from(EXAMPLE_PATH)),
    );
    for t in ["Staging", "Case", "Treatment options"] {
        tab(&mut h, t);
        press_copy_summary(&mut h);
        let text = copied(&h).unwrap_or_else(|| panic!("nothing copied on {t}"));
        assert!(text.contains("Stage IIIA"), "{t}: {text}");
        assert!(text.contains("EXAMPLE-1"), "{t}: {text}");
    }
    assert_eq!(h.state().info(), Some("Copied the plain-text summary"));
}

/// The value shown by the prior-therapy combo box.
fn prior_choice(h: &Harness<'_, MesoApp>) -> Option<String> {
    h.get_by_role_and_label(Role::ComboBox, "Prior systemic therapy")
        .value()
}

#[test]
fn prior_therapy_recorded_below_keeps_its_checklist_and_gives_second_line_options() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    pick(&mut h, "Site", "Pleural");
    pick(&mut h, "Disease status", "Recurrence: distant");
    pick(&mut h, "ECOG performance status", "ECOG 1");
    pick(&mut h, "Prior systemic therapy", "Recorded below");
    // The choice stays, with its checklist; nothing ticked yet is "not entered", not "none".
    assert_eq!(prior_choice(&h).as_deref(), Some("Recorded below"));
    assert_eq!(h.state().document().case.therapy.prior_systemic, None);
    h.get_by_role_and_label(Role::CheckBox, "Platinum plus pemetrexed")
        .click();
    h.run();
    let prior = h.state().document().case.therapy.prior_systemic.clone();
    assert_eq!(prior.map(|p| p.len()), Some(1));
    assert_eq!(prior_choice(&h).as_deref(), Some("Recorded below"));
    tab(&mut h, "Treatment options");
    assert!(
        h.query_all_by_label_contains("Gemcitabine plus ramucirumab")
            .next()
            .is_some(),
        "the second-line list"
    );
    // "None" records an empty list, "Not entered" records nothing.
    tab(&mut h, "Case");
    pick(&mut h, "Prior systemic therapy", "None");
    assert_eq!(
        h.state().document().case.therapy.prior_systemic,
        Some(Default::default())
    );
    assert!(
        h.query_by_role_and_label(Role::CheckBox, "Platinum plus pemetrexed")
            .is_none()
    );
    pick(&mut h, "Prior systemic therapy", "Not entered");
    assert_eq!(h.state().document().case.therapy.prior_systemic, None);
}

#[test]
fn an_undone_edit_stays_undone_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut h = harness(dir.path());
        type_into(&mut h, "Case label", "MC-UNDO");
        steps(&mut h, 12);
        pick(&mut h, "Sex", "Female");
        steps(&mut h, 12);
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.step();
        assert_eq!(h.state().document().case.patient.sex, None);
        steps(&mut h, 12);
        // Simulated crash: the harness is dropped without saving or discarding.
    }
    let mut h = harness(dir.path());
    assert!(h.state().recovery_offered());
    h.get_by_role_and_label(Role::Button, "Recover").click();
    h.run();
    let case = &h.state().document().case;
    assert_eq!(case.label, "MC-UNDO");
    assert_eq!(case.patient.sex, None, "the undone edit came back");
}

#[test]
fn the_autosave_comes_2_s_after_the_first_edit_even_while_typing_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    type_into(&mut h, "Case label", "M");
    // One key every quarter of a second for 4 s: a write is due 2 s after the first one.
    for i in 0..16 {
        h.get_by_role_and_label(Role::TextInput, "Case label")
            .type_text("x");
        h.step();
        if i >= 10 {
            assert!(
                !recovery_files(dir.path()).is_empty(),
                "nothing written {} s after the first edit",
                f64::from(i + 1) * 0.25
            );
        }
    }
}

#[test]
fn ctrl_q_while_recovery_is_offered_keeps_the_recovered_work() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut h = harness(dir.path());
        type_into(&mut h, "Case label", "MC-KEEP");
        steps(&mut h, 12);
    }
    {
        let mut h = harness(dir.path());
        assert!(h.state().recovery_offered());
        h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
        h.run();
    }
    assert_eq!(recovery_files(dir.path()).len(), 1, "still on disk");
    {
        // Escape is "Decide later": the offer closes, the work stays for the next start.
        let mut h = harness(dir.path());
        assert!(h.state().recovery_offered(), "offered again");
        h.key_press(Key::Escape);
        h.run();
        assert!(!h.state().recovery_offered());
        assert_eq!(h.state().document().case, Case::default());
    }
    assert_eq!(recovery_files(dir.path()).len(), 1, "kept by Escape");
    let mut h = harness(dir.path());
    assert!(h.state().recovery_offered(), "offered again");
    // Enter recovers.
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().document().case.label, "MC-KEEP");
    assert!(h.state().document().is_dirty());
}

#[test]
fn each_instance_has_its_own_recovery_and_never_offers_a_live_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("data");
    let file_a = dir.path().join("patient-a.ron");
    save_case(&file_a, "A");
    let mut a = harness_with(ScriptedDialogs::default(), &store, Some(file_a.clone()));
    type_into(&mut a, "Case label", "-edited");
    steps(&mut a, 12);
    let mut b = harness(&store);
    assert!(!b.state().recovery_offered(), "A is still running");
    type_into(&mut b, "Case label", "B");
    steps(&mut b, 12);
    drop(a); // A crashes; B keeps running.
    let c = harness(&store);
    assert!(c.state().recovery_offered(), "A's work is offered");
    let mut c = c;
    c.get_by_role_and_label(Role::Button, "Recover").click();
    c.run();
    // The case and the file it came from are A's, together.
    assert_eq!(c.state().document().case.label, "A-edited");
    assert_eq!(c.state().document().path.as_deref(), Some(file_a.as_path()));
    assert!(
        !c.state().recovery_offered(),
        "B's live work is not offered"
    );
    assert_eq!(b.state().document().case.label, "B");
    let names: Vec<String> = std::fs::read_dir(&store)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.ends_with(".ron") || n.ends_with(".lock")),
        "no separate origin file: {names:?}"
    );
    assert_eq!(case_file::load(&file_a).unwrap().case.label, "A");
}

#[test]
fn escape_closes_about_and_cancels_the_unsaved_changes_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_role_and_label(Role::Button, "Help").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "About MesoCDS")
        .click();
    h.run();
    assert!(
        h.query_by_label_contains("Not an NCI or PDQ product")
            .is_some()
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label_contains("Not an NCI or PDQ product")
            .is_none()
    );

    type_into(&mut h, "Case label", "MC-ESC");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.state().pending_prompt().is_some());
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().pending_prompt(), None);
    assert_eq!(
        h.state().document().case.label,
        "MC-ESC",
        "Cancel keeps the work"
    );
}

#[test]
fn escape_in_an_open_dropdown_keeps_the_keyboard_focus_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_role_and_label(Role::ComboBox, "Sex").focus();
    h.run();
    h.key_press(Key::Space);
    h.run();
    assert!(
        h.query_by_role_and_label(Role::Button, "Female").is_some(),
        "open"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_role_and_label(Role::Button, "Female").is_none(),
        "closed"
    );
    assert!(h.get_by_role_and_label(Role::ComboBox, "Sex").is_focused());
}

#[test]
fn keyboard_focus_is_drawn_with_a_visible_ring_in_light_and_dark() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(dir.path());
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        let style = h.ctx.style_of(theme);
        // egui draws a focused widget with the `active` style, a focused field with the
        // selection stroke; egui's defaults are 1 px.
        assert!(style.visuals.widgets.active.bg_stroke.width >= 2.0);
        assert!(style.visuals.selection.stroke.width >= 2.0);
        // Dark blue on light, light blue on dark: the colour of selected text's outline.
        assert_eq!(
            style.visuals.widgets.active.bg_stroke.color,
            style.visuals.selection.stroke.color
        );
    }
}

#[test]
fn a_case_file_changed_outside_mesocds_is_shown_with_the_seal_warning() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sealed.ron");
    save_case(&file, "MC-SEAL");
    // One edit outside MesoCDS: the seal written on save no longer matches.
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("MC-SEAL", "MC-SEAM")).unwrap();
    let mut h = harness_with(
        ScriptedDialogs::default(),
        &dir.path().join("r"),
        Some(file),
    );
    let warning = "changed outside MesoCDS or damaged";
    assert!(h.query_by_label_contains(warning).is_some(), "on screen");
    tab(&mut h, "Report");
    assert!(
        h.query_by_label_contains("Warning: case file integrity")
            .is_some()
    );
    press_copy_summary(&mut h);
    assert!(
        copied(&h).is_some_and(|t| t.contains(warning)),
        "in the summary"
    );
    // Saved by MesoCDS, the file has a matching seal again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.query_by_label_contains(warning).is_none());
}
