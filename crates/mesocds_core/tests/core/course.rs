//! The disease course and tumor-board entries (issue 13): save and load round trip, format-1
//! files opening with status and prior therapy intact, the derivation rules by property, the
//! validation errors, and the note when course and direct entry disagree
//! (`docs/clinical/disease-status.md`, "Disease course").

use std::collections::BTreeSet;
use std::path::PathBuf;

use mesocds_core::ajcc9::Date;
use mesocds_core::case::Case;
use mesocds_core::case_file::{self, SavedWith, SealStatus};
use mesocds_core::course::{
    self, BestResponse, BoardEntry, Course, CourseError, CourseEvent, Recurrence, Remission,
};
use mesocds_core::vocab::{DiseaseStatus, PriorTherapy};
use proptest::prelude::*;

fn d(y: u16, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn line(agents: &[PriorTherapy], start: Date, end: Option<Date>) -> CourseEvent {
    CourseEvent::SystemicLine {
        agents: agents.iter().copied().collect(),
        start,
        end,
        response: Some(BestResponse::PartialResponse),
    }
}

fn course_case() -> Case {
    let mut case = Case {
        label: "course-1".to_owned(),
        ..Case::default()
    };
    case.course.events = vec![
        CourseEvent::Diagnosis {
            date: d(2024, 2, 1),
        },
        line(
            &[PriorTherapy::PlatinumPemetrexed],
            d(2024, 3, 1),
            Some(d(2024, 7, 1)),
        ),
        CourseEvent::Surgery {
            date: d(2024, 8, 1),
            procedure: "pleurectomy/decortication".to_owned(),
        },
        CourseEvent::Radiotherapy {
            start: d(2024, 9, 1),
            end: None,
        },
        CourseEvent::Remission {
            date: d(2024, 10, 1),
            depth: Remission::Partial,
        },
        CourseEvent::Recurrence {
            date: d(2025, 5, 1),
            extent: Recurrence::Distant,
        },
    ];
    case.board = vec![BoardEntry {
        date: d(2025, 5, 20),
        question: "Second-line options?".to_owned(),
        decision: "Discussed; the treating team decides after the scan.".to_owned(),
        attendees: vec!["thoracic surgery".to_owned(), "oncology".to_owned()],
        next_review: Some(d(2025, 7, 1)),
    }];
    case
}

fn saved_with() -> SavedWith {
    SavedWith {
        app_version: "0.1.0-test".to_owned(),
        content: "test".to_owned(),
    }
}

#[test]
fn a_case_with_a_course_and_a_board_entry_round_trips_through_save_and_load() {
    let dir = std::env::temp_dir().join(format!("mesocds-course-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("course.mesocds.ron");
    let case = course_case();
    case_file::save(&path, &case, &saved_with()).unwrap();
    let loaded = case_file::load(&path).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(loaded.case, case);
    assert_eq!(loaded.seal, SealStatus::Valid);
    assert_eq!(loaded.migrated_from, None);
}

#[test]
fn an_empty_course_and_board_are_not_written() {
    let text = case_file::to_ron(&Case::default(), &saved_with()).unwrap();
    assert!(!text.contains("course"), "{text}");
    assert!(!text.contains("board"), "{text}");
    let text = case_file::to_ron(&course_case(), &saved_with()).unwrap();
    assert!(text.contains("course") && text.contains("board"), "{text}");
}

const FORMAT1_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/format1");

#[test]
fn format1_files_open_with_status_and_prior_therapy_intact_as_an_undated_course() {
    let path = PathBuf::from(FORMAT1_DIR).join("main-pleural-recurrent-t4.ron");
    let loaded = case_file::load(&path).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));
    let case = &loaded.case;
    assert!(case.course.is_empty() && case.board.is_empty());
    assert_eq!(case.disease.status, Some(DiseaseStatus::LocalRecurrence));
    let prior: BTreeSet<_> = [PriorTherapy::PlatinumPemetrexed].into();
    assert_eq!(case.therapy.prior_systemic, Some(prior.clone()));
    let view = course::course_view(case);
    assert!(view.dated.is_empty());
    assert_eq!(view.undated_status, Some(DiseaseStatus::LocalRecurrence));
    assert_eq!(view.undated_prior, Some(&prior));
    let effective = course::effective_case(case);
    assert_eq!(&effective.case, case);
    assert!(effective.notes.is_empty());
    // Every format-1 fixture opens, and its effective case is itself.
    for entry in std::fs::read_dir(FORMAT1_DIR).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) == Some("ron") {
            let loaded = case_file::load(&path).unwrap();
            assert_eq!(course::effective_case(&loaded.case).case, loaded.case);
        }
    }
}

#[test]
fn the_course_wins_and_a_disagreement_is_a_note_in_the_assessment() {
    let mut case = course_case();
    case.disease.status = Some(DiseaseStatus::New);
    case.therapy.prior_systemic = Some(BTreeSet::new());
    let effective = course::effective_case(&case);
    assert_eq!(
        effective.case.disease.status,
        Some(DiseaseStatus::DistantRecurrence)
    );
    assert_eq!(
        effective.case.therapy.prior_systemic,
        Some([PriorTherapy::PlatinumPemetrexed].into())
    );
    assert_eq!(effective.notes.len(), 2, "{:?}", effective.notes);
    let assessment = mesocds_core::assess(&case, crate::fixtures::tables());
    for note in &effective.notes {
        assert!(assessment.treatment.notes.contains(note));
    }
    // Agreement: no note.
    case.disease.status = Some(DiseaseStatus::DistantRecurrence);
    case.therapy.prior_systemic = Some([PriorTherapy::PlatinumPemetrexed].into());
    assert!(course::effective_case(&case).notes.is_empty());
}

#[test]
fn validation_names_each_problem() {
    let today = d(2025, 6, 1);
    let mut case = course_case();
    assert_eq!(course::validate_case(&case, today), vec![]);
    case.course
        .events
        .push(line(&[], d(2025, 5, 1), Some(d(2025, 4, 1))));
    case.course.events.push(CourseEvent::Diagnosis {
        date: d(2025, 6, 2),
    });
    case.board[0].next_review = Some(d(2025, 5, 1));
    let errors = course::validate_case(&case, today);
    let subjects: Vec<course::Subject> = errors.iter().map(CourseError::subject).collect();
    assert_eq!(
        subjects,
        [7, 7, 8]
            .map(course::Subject::CourseEvent)
            .into_iter()
            .chain([course::Subject::BoardEntry(1)])
            .collect::<Vec<_>>()
    );
    assert_eq!(
        errors[2].to_string(),
        "course event 8: date 2025-06-02 is in the future (today is 2025-06-01)"
    );
    assert_eq!(
        errors,
        vec![
            CourseError::EndBeforeStart {
                index: 7,
                start: d(2025, 5, 1),
                end: d(2025, 4, 1)
            },
            CourseError::NoAgent { index: 7 },
            CourseError::InFuture {
                what: course::Subject::CourseEvent(8),
                date: d(2025, 6, 2),
                today
            },
            CourseError::ReviewBeforeBoard {
                index: 1,
                date: d(2025, 5, 20),
                next: d(2025, 5, 1)
            },
        ]
    );
}

fn any_date() -> impl Strategy<Value = Date> {
    (2000u16..2030, 1u8..=12, 1u8..=28).prop_map(|(y, m, day)| d(y, m, day))
}

fn any_agent() -> impl Strategy<Value = PriorTherapy> {
    prop_oneof![
        Just(PriorTherapy::PlatinumPemetrexed),
        Just(PriorTherapy::Pemetrexed),
        Just(PriorTherapy::Immunotherapy),
        Just(PriorTherapy::Bevacizumab),
        Just(PriorTherapy::OtherChemotherapy),
    ]
}

fn any_event() -> impl Strategy<Value = CourseEvent> {
    prop_oneof![
        any_date().prop_map(|date| CourseEvent::Diagnosis { date }),
        (prop::collection::btree_set(any_agent(), 1..3), any_date()).prop_map(|(agents, start)| {
            CourseEvent::SystemicLine {
                agents,
                start,
                end: None,
                response: None,
            }
        }),
        any_date().prop_map(|date| CourseEvent::Surgery {
            date,
            procedure: String::new()
        }),
        (any_date(), any::<bool>()).prop_map(|(date, c)| CourseEvent::Remission {
            date,
            depth: if c {
                Remission::Complete
            } else {
                Remission::Partial
            }
        }),
        (any_date(), any::<bool>()).prop_map(|(date, l)| CourseEvent::Recurrence {
            date,
            extent: if l {
                Recurrence::Local
            } else {
                Recurrence::Distant
            }
        }),
    ]
}

proptest! {
    /// The latest status-setting event decides; no such event, no status from the course.
    #[test]
    fn the_latest_event_decides_the_status(events in prop::collection::vec(any_event(), 0..8)) {
        let course = Course { events: events.clone() };
        let latest = events.iter().filter(|e| e.status().is_some()).map(CourseEvent::date).max();
        match course.status() {
            None => prop_assert!(latest.is_none()),
            Some((status, date)) => {
                prop_assert_eq!(Some(date), latest);
                prop_assert!(events.iter().any(|e| e.date() == date && e.status() == Some(status)));
            }
        }
    }

    /// Prior systemic therapy is the union of the lines' agents; no line, nothing from the course.
    #[test]
    fn prior_therapy_is_the_union_of_the_agents(events in prop::collection::vec(any_event(), 0..8)) {
        let course = Course { events: events.clone() };
        let mut union = BTreeSet::new();
        let mut lines = 0;
        for event in &events {
            if let CourseEvent::SystemicLine { agents, .. } = event {
                lines += 1;
                union.extend(agents.iter().copied());
            }
        }
        prop_assert_eq!(course.prior_systemic(), (lines > 0).then_some(union));
    }

    /// Any course round-trips through the case-file text.
    #[test]
    fn any_course_round_trips(events in prop::collection::vec(any_event(), 0..6)) {
        let case = Case { course: Course { events }, ..Case::default() };
        let text = case_file::to_ron(&case, &saved_with()).unwrap();
        prop_assert_eq!(case_file::from_ron(&text).unwrap().case, case);
    }
}

#[test]
fn a_format1_file_holding_a_course_or_board_is_refused() {
    let text = case_file::to_ron(&course_case(), &saved_with())
        .unwrap()
        .replace("format: 2", "format: 1");
    let err = case_file::from_ron(&text).unwrap_err();
    assert!(err.to_string().contains("course"), "{err}");
    let mut board_only = course_case();
    board_only.course = Course::default();
    let text = case_file::to_ron(&board_only, &saved_with())
        .unwrap()
        .replace("format: 2", "format: 1");
    let err = case_file::from_ron(&text).unwrap_err();
    assert!(err.to_string().contains("board"), "{err}");
}

/// `docs/clinical/decisions.md#d68`: the course's earliest diagnosis event is the date of
/// diagnosis, so it decides the staging edition; a different date entered directly is a note.
#[test]
fn the_course_diagnosis_date_decides_the_edition() {
    use mesocds_core::ajcc9::{Edition, EditionChoice};
    let tables = crate::fixtures::tables();
    let mut case = course_case();
    assert_eq!(case.disease.diagnosed, None);
    let a = mesocds_core::assess(&case, tables);
    assert_eq!(
        a.edition,
        EditionChoice::Applies {
            edition: Edition::Ajcc8,
            diagnosed: d(2024, 2, 1)
        },
        "no date entered: the course's diagnosis event decides, not 'unknown'"
    );
    // A date entered directly that differs: the course is used and the note names both.
    case.disease.diagnosed = Some(d(2025, 3, 1));
    let effective = course::effective_case(&case);
    assert_eq!(effective.case.disease.diagnosed, Some(d(2024, 2, 1)));
    let note = effective
        .notes
        .iter()
        .find(|n| n.starts_with("Date of diagnosis"))
        .expect("a note on the two dates");
    assert!(
        note.contains("2024-02-01") && note.contains("2025-03-01"),
        "{note}"
    );
    let a = mesocds_core::assess(&case, tables);
    assert_eq!(a.edition.edition(), Some(Edition::Ajcc8));
    assert!(a.treatment.notes.contains(note));
    // The same date: no note.
    case.disease.diagnosed = Some(d(2024, 2, 1));
    assert!(
        !course::effective_case(&case)
            .notes
            .iter()
            .any(|n| n.starts_with("Date of diagnosis"))
    );
    // The earliest of two diagnosis events; a 2025 diagnosis gives the 9th edition.
    case.disease.diagnosed = None;
    case.course.events[0] = CourseEvent::Diagnosis {
        date: d(2025, 2, 1),
    };
    case.course.events.push(CourseEvent::Diagnosis {
        date: d(2025, 4, 1),
    });
    assert_eq!(case.course.diagnosed(), Some(d(2025, 2, 1)));
    let a = mesocds_core::assess(&case, tables);
    assert_eq!(a.edition.edition(), Some(Edition::Ajcc9));
    // No diagnosis event: the course gives no date; the direct entry stands.
    case.course
        .events
        .retain(|e| !matches!(e, CourseEvent::Diagnosis { .. }));
    case.disease.diagnosed = Some(d(2019, 5, 1));
    assert_eq!(
        course::effective_case(&case).case.disease.diagnosed,
        Some(d(2019, 5, 1))
    );
}
