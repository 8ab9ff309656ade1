#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The Course tab and the Case tab's course values (issue 13), driven headlessly through
//! AccessKit with `egui_kittest`: events and board entries entered through the UI, undo, inline
//! date errors, validation, the save path, format-1 files and the timeline's accessible labels.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use mesocds::app::MesoApp;
use mesocds::app::tabs::Tab;
use mesocds_core::Case;
use mesocds_core::ajcc9::Date;
use mesocds_core::course::{BestResponse, CourseEvent};
use mesocds_core::treatment::Setting;
use mesocds_core::vocab::{DiseaseStatus, Ecog, Extent, PriorTherapy, Vocab as _};

use crate::ui_tabs::{DT, WIDE, app, pleural, tab};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/course/recurrent-with-course.ron"
);

fn load(path: &Path) -> Case {
    mesocds_core::case_file::load(path).unwrap().case
}

fn d(text: &str) -> Date {
    text.parse().unwrap()
}

fn shows(h: &Harness<'_, MesoApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// The settings the core gives the app's open case now.
fn settings(h: &Harness<'_, MesoApp>) -> Vec<Setting> {
    let tables = mesocds_core::ClinicalTables::embedded().unwrap();
    mesocds_core::assess(&h.state().document().case, tables)
        .treatment
        .settings
}

/// Opens the combo box `combo` and picks `option`.
fn pick(h: &mut Harness<'_, MesoApp>, combo: &str, option: &str) {
    h.get_by_role_and_label(Role::ComboBox, combo).click();
    h.run();
    h.get_by_role_and_label(Role::Button, option).click();
    h.run();
}

/// The first text field (one line or several) labelled `field`.
fn field<'h>(h: &'h Harness<'_, MesoApp>, field: &'h str) -> egui_kittest::Node<'h> {
    h.query_all_by_label(field)
        .find(|n| {
            matches!(
                n.accesskit_node().role(),
                Role::TextInput | Role::MultilineTextInput
            )
        })
        .unwrap_or_else(|| panic!("no field {field:?}"))
}

/// Types `text` into the first text field labelled `field`, replacing what it held.
fn type_into(h: &mut Harness<'_, MesoApp>, label: &str, text: &str) {
    field(h, label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    field(h, label).type_text(text);
    h.run();
}

/// A recurrent pleural case with "no previous systemic therapy" entered directly.
fn recurrent_no_prior() -> Case {
    let mut c = pleural(Extent::Diffuse);
    c.disease.status = Some(DiseaseStatus::DistantRecurrence);
    c.therapy.prior_systemic = Some(Default::default());
    c.patient.ecog = Some(Ecog::Ecog1);
    c
}

/// On the Course tab: a line of platinum plus pemetrexed, 2024-03-01 to 2024-07-01, partial
/// response, entered through the add form.
fn add_line(h: &mut Harness<'_, MesoApp>) {
    tab(h, Tab::Course);
    pick(h, "Type of event", "Line of systemic therapy");
    type_into(h, "Start", "2024-03-01");
    type_into(h, "End", "2024-07-01");
    h.get_by_role_and_label(Role::CheckBox, "Platinum plus pemetrexed")
        .click();
    h.run();
    pick(h, "Best response (as you assessed it)", "partial response");
    h.get_by_role_and_label(Role::Button, "Add event").click();
    h.run();
}

#[test]
fn a_line_added_on_the_course_tab_moves_the_options_to_after_systemic_therapy() {
    let (mut h, _d) = app(WIDE, DT, Some(&recurrent_no_prior()));
    assert!(settings(&h).contains(&Setting::RecurrentNoPriorSystemic));
    add_line(&mut h);
    let events = &h.state().document().case.course.events;
    assert_eq!(
        events.as_slice(),
        [CourseEvent::SystemicLine {
            agents: [PriorTherapy::PlatinumPemetrexed].into(),
            start: d("2024-03-01"),
            end: Some(d("2024-07-01")),
            response: Some(BestResponse::PartialResponse),
        }]
    );
    // The course's line now gives the prior therapy: second-line lists, and the core's note
    // that the direct entry ("none") is not used.
    let s = settings(&h);
    assert!(s.contains(&Setting::RecurrentAfterSystemic), "{s:?}");
    assert!(!s.contains(&Setting::RecurrentNoPriorSystemic), "{s:?}");
    tab(&mut h, Tab::Treatment);
    assert!(shows(
        &h,
        "Setting: Recurrent, after first-line chemotherapy or immunotherapy"
    ));
    assert!(!shows(
        &h,
        "Setting: Recurrent, no previous systemic therapy"
    ));
}

#[test]
fn undo_removes_an_added_event_and_its_effect() {
    let (mut h, _d) = app(WIDE, DT, Some(&recurrent_no_prior()));
    add_line(&mut h);
    assert_eq!(h.state().document().case.course.events.len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().document().case.course.is_empty());
    assert!(settings(&h).contains(&Setting::RecurrentNoPriorSystemic));
    assert!(!shows(&h, "1. 2024-03-01 to 2024-07-01"));
    // Delete, then Undo on the Course tab brings it back.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().document().case.course.events.len(), 1);
    // The button says to a screen reader which event it deletes.
    h.get_by_role_and_label(
        Role::Button,
        "Delete event 1. 2024-03-01 to 2024-07-01: Systemic therapy: Platinum plus pemetrexed; \
         best response: partial response",
    )
    .click();
    h.run();
    assert!(h.state().document().case.course.is_empty());
    assert!(shows(&h, "Deleted: 2024-03-01 to 2024-07-01"));
    h.get_by_role_and_label(Role::Button, "Undo").click();
    h.run();
    assert_eq!(h.state().document().case.course.events.len(), 1);
}

#[test]
fn an_invalid_date_shows_its_error_and_does_not_change_the_case() {
    let (mut h, _d) = app(WIDE, DT, Some(&recurrent_no_prior()));
    tab(&mut h, Tab::Course);
    pick(&mut h, "Type of event", "Diagnosis");
    type_into(&mut h, "Date", "2024-02-30");
    assert!(shows(&h, "day 30 is outside 1 to 29"));
    h.get_by_role_and_label(Role::Button, "Add event").click();
    h.run();
    assert!(h.state().document().case.course.is_empty());
    assert!(!h.state().document().is_dirty());

    // An existing event keeps its date while the typed one does not read.
    let (mut h, _d) = app(WIDE, DT, Some(&load(Path::new(FIXTURE))));
    tab(&mut h, Tab::Course);
    type_into(&mut h, "Date", "2024-13-01");
    assert!(shows(&h, "month 13 is outside 1 to 12"));
    let case = &h.state().document().case;
    assert_eq!(case.course.events[0].date(), d("2024-02-01"));
    assert!(!h.state().document().is_dirty());
}

#[test]
fn an_end_before_the_start_shows_the_validation_error_beside_the_event() {
    let (mut h, _d) = app(WIDE, DT, Some(&load(Path::new(FIXTURE))));
    tab(&mut h, Tab::Course);
    assert!(!shows(&h, "To correct"));
    type_into(&mut h, "End", "2024-01-15");
    assert_eq!(
        h.state().document().case.course.events[1].end(),
        Some(d("2024-01-15"))
    );
    let message = "course event 2: ends 2024-01-15, before it starts 2024-03-01";
    // Beside the event and in the list of what to correct.
    assert_eq!(h.query_all_by_label_contains(message).count(), 2);
    assert!(shows(&h, "To correct"));
}

#[test]
fn a_board_entry_added_on_the_course_tab_is_saved_and_reloaded() {
    let (mut h, dir) = app(WIDE, DT, Some(&recurrent_no_prior()));
    let path: PathBuf = dir.path().join("case.ron");
    tab(&mut h, Tab::Course);
    type_into(&mut h, "Board date", "2025-05-20");
    type_into(&mut h, "Question for the board", "Second-line options?");
    type_into(
        &mut h,
        "Decision (the board's, in your own words)",
        "Restaging scan first.",
    );
    h.key_press(Key::Enter);
    h.run();
    field(&h, "Decision (the board's, in your own words)").type_text("Then rediscuss.");
    h.run();
    type_into(&mut h, "Attendees", "thoracic surgery, medical oncology");
    type_into(&mut h, "Next review", "2025-07-01");
    h.get_by_role_and_label(Role::Button, "Add board entry")
        .click();
    h.run();
    assert_eq!(h.state().document().case.board.len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().document().is_dirty());

    let saved = load(&path);
    let entry = &saved.board[0];
    assert_eq!(entry.date, d("2025-05-20"));
    assert_eq!(entry.question, "Second-line options?");
    assert_eq!(entry.decision, "Restaging scan first.\nThen rediscuss.");
    assert_eq!(entry.attendees, ["thoracic surgery", "medical oncology"]);
    assert_eq!(entry.next_review, Some(d("2025-07-01")));

    // Reopened in the app: the entry is there and listed on the Course tab.
    let (mut h, _d2) = app(WIDE, DT, Some(&saved));
    assert_eq!(h.state().document().case.board, saved.board);
    tab(&mut h, Tab::Course);
    assert!(shows(&h, "1. Tumor board of 2025-05-20"));
    assert!(
        h.query_by_label("Delete board entry 1. Tumor board of 2025-05-20")
            .is_some(),
        "the Delete button names its entry to a screen reader"
    );
}

#[test]
fn the_case_tab_says_which_values_the_course_gives() {
    let mut case = load(Path::new(FIXTURE));
    case.disease.status = Some(DiseaseStatus::New);
    let (h, _d) = app(WIDE, DT, Some(&case));
    assert!(shows(
        &h,
        "From the disease course: Recurrence: distant (since 2025-05-01)"
    ));
    assert!(shows(
        &h,
        "From the disease course: Platinum plus pemetrexed, Bevacizumab"
    ));
    assert!(shows(
        &h,
        "is not in use while the disease course gives one"
    ));
    // The core's note where the direct entry differs.
    assert!(shows(&h, "Disease status: the course gives"));
    // The course's diagnosis event is the date of diagnosis (decisions.md#d68).
    assert!(shows(
        &h,
        "From the disease course: diagnosed 2024-02-01 (this date decides the staging edition)"
    ));
    case.disease.diagnosed = Some(d("2025-03-01"));
    let (h, _d) = app(WIDE, DT, Some(&case));
    assert!(shows(
        &h,
        "Date of diagnosis: the course's diagnosis event is 2024-02-01"
    ));

    // Without a course: today's fields, nothing from a course.
    let (h, _d) = app(WIDE, DT, Some(&recurrent_no_prior()));
    assert!(!shows(&h, "From the disease course"));
    assert!(!shows(&h, "not in use"));
}

#[test]
fn format_1_files_keep_status_and_prior_therapy_as_undated_items() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/format1"
    ));
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("ron") {
            continue;
        }
        seen += 1;
        let original = load(&path);
        let (mut h, _d) = app(WIDE, DT, Some(&original));
        let case = &h.state().document().case;
        assert_eq!(case.disease.status, original.disease.status, "{path:?}");
        assert_eq!(
            case.therapy.prior_systemic, original.therapy.prior_systemic,
            "{path:?}"
        );
        tab(&mut h, Tab::Course);
        let status = original.disease.status.map_or("not entered", |s| s.label());
        assert!(shows(&h, &format!("Disease status: {status}")), "{path:?}");
        assert!(shows(&h, "Prior systemic therapy: "), "{path:?}");
        if let Some(p) = original
            .therapy
            .prior_systemic
            .as_ref()
            .filter(|p| !p.is_empty())
        {
            let first = p.iter().next().unwrap().label();
            assert!(shows(&h, first), "{path:?}");
        }
        assert!(shows(&h, "No dated event yet"), "{path:?}");
        assert!(!shows(&h, "Not in use"), "{path:?}");
        assert!(!h.state().document().is_dirty(), "{path:?}");
    }
    assert!(seen >= 4, "{seen} format-1 files");
}

#[test]
fn the_timeline_names_every_event_for_a_screen_reader() {
    let mut case = load(Path::new(FIXTURE));
    case.course.events.push(CourseEvent::Radiotherapy {
        start: d("2025-06-01"),
        end: None,
    });
    let (mut h, _d) = app(WIDE, DT, Some(&case));
    tab(&mut h, Tab::Course);
    for label in [
        "2024-02-01: Diagnosis",
        "2024-03-01 to 2024-07-01: Systemic therapy: Platinum plus pemetrexed, Bevacizumab; \
         best response: partial response",
        "2024-08-01: Surgery: pleurectomy/decortication",
        "2024-10-01: Partial remission",
        "2025-05-01: Recurrence: distant",
        "from 2025-06-01 (ongoing or end not entered): Radiotherapy",
        "Tumor board 2025-05-20: question: Second-line options?; decision: Discussed; decision \
         after the restaging scan.; next review: 2025-07-01",
    ] {
        assert!(
            h.query_by_role_and_label(Role::ListItem, label).is_some(),
            "no timeline item {label:?}"
        );
    }
    assert!(
        h.query_all_by_label_contains("Disease course timeline: 6 events and 1 tumor-board")
            .any(|n| n.accesskit_node().role() == Role::Figure)
    );
    // Keyboard only: Tab reaches the timeline's items (each one takes the focus in turn).
    let diagnosis = "2024-02-01: Diagnosis";
    let mut reached = false;
    for _ in 0..60 {
        h.key_press(Key::Tab);
        h.run();
        if h.get_by_role_and_label(Role::ListItem, diagnosis)
            .is_focused()
        {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab never reached the timeline item {diagnosis:?}");
    // Ctrl+2 is the Course tab, Ctrl+1 the Case tab.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    assert_eq!(h.state().prefs().tab, Tab::Case);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    assert_eq!(h.state().prefs().tab, Tab::Course);
}

#[test]
fn showing_the_course_tab_changes_nothing_in_the_case() {
    let mut case = load(Path::new(FIXTURE));
    case.board[0].attendees = vec![
        "Dr A, thoracic surgery".to_owned(),
        " radiology ".to_owned(),
    ];
    let (mut h, _d) = app(WIDE, DT, Some(&case));
    tab(&mut h, Tab::Course);
    h.run();
    assert_eq!(h.state().document().case, case);
    assert!(!h.state().document().is_dirty());
}
