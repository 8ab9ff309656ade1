//! The strict loader: every fault is a typed error naming its entry, never a panic or a fallback.

use super::*;

use mesocds_core::evidence::EVIDENCE_RON;

/// The embedded text with the `nth` (from 0) occurrence of `from` replaced by `to`.
fn edit(from: &str, to: &str, nth: usize) -> String {
    let (at, _) = EVIDENCE_RON
        .match_indices(from)
        .nth(nth)
        .unwrap_or_else(|| panic!("{from:?} occurs fewer than {} times", nth + 1));
    format!(
        "{}{to}{}",
        &EVIDENCE_RON[..at],
        &EVIDENCE_RON[at + from.len()..]
    )
}

fn entry_problem(text: &str) -> (String, EntryProblem) {
    match load(text) {
        Err(EvidenceError::Entry { entry, problem }) => (entry, problem),
        other => panic!("expected an entry error, got {other:?}"),
    }
}

#[test]
fn unknown_field_is_a_parse_error_with_position() {
    let err = load(&edit("summary:", "sumary:", 1)).unwrap_err();
    match err {
        EvidenceError::Parse { line, message, .. } => {
            assert!(line > 30, "{line}");
            assert!(message.contains("sumary"), "{message}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
    // An unknown setting or direction is a parse error too (closed vocabularies).
    assert!(matches!(
        load(&edit("settings: [Advanced,", "settings: [Advanced2,", 0)),
        Err(EvidenceError::Parse { .. })
    ));
    assert!(matches!(
        load(&edit("direction: Harm,\n", "direction: Worse,\n", 0)),
        Err(EvidenceError::Parse { .. })
    ));
}

#[test]
fn ci_level_not_written_in_the_text_names_the_entry() {
    let bad = edit(
        "ci_level_percent: Some(95.0), direction: Harm",
        "ci_level_percent: Some(96.6), direction: Harm",
        0,
    );
    let (entry, problem) = entry_problem(&bad);
    assert_eq!(entry, "mars2");
    assert_eq!(
        problem,
        EntryProblem::CiLevelNotWritten {
            endpoint: "Overall survival, hazard ratio".to_owned(),
            written: "96.6% CI".to_owned()
        }
    );
    let err = load(&bad).unwrap_err().to_string();
    assert!(err.contains("newer_evidence.ron: entry \"mars2\""), "{err}");
    // A CI in the text without a level.
    let bad = edit(
        "ci_level_percent: Some(95.0), direction: NoBenefit",
        "ci_level_percent: None, direction: NoBenefit",
        0,
    );
    assert_eq!(
        entry_problem(&bad),
        (
            "denim".to_owned(),
            EntryProblem::CiWithoutLevel("Overall survival".to_owned())
        )
    );
}

#[test]
fn missing_citation_fails() {
    let bad = edit(
        "citation: (text: \"Aerts JG et al., Lancet Oncol 2024.\"",
        "citation: (text: \"\"",
        0,
    );
    assert_eq!(
        entry_problem(&bad),
        ("denim".to_owned(), EntryProblem::MissingCitation)
    );
    // A citation without its text field does not parse.
    let bad = edit("(text: \"Aerts JG et al., Lancet Oncol 2024.\", ", "(", 0);
    assert!(matches!(load(&bad), Err(EvidenceError::Parse { .. })));
    let bad = edit("pmid: Some(38848742)", "pmid: Some(0)", 0);
    assert_eq!(entry_problem(&bad).1, EntryProblem::BadPmid);
}

#[test]
fn bad_publication_dates_fail() {
    for date in [
        "2024-13",
        "24",
        "2024/06",
        "2024-6",
        "2023-02-29",
        "June 2024",
        "",
        "2024-06-01-01",
    ] {
        let bad = edit("published: \"2022\"", &format!("published: \"{date}\""), 0);
        assert_eq!(
            entry_problem(&bad),
            (
                "checkmate743_3y".to_owned(),
                EntryProblem::BadDate(date.to_owned())
            ),
            "{date}"
        );
    }
    let bad = edit("published: \"2022\"", "published: \"2026-12\"", 0);
    assert_eq!(
        entry_problem(&bad).1,
        EntryProblem::DateAfterRelease("2026-12".to_owned())
    );
    for good in ["2026", "2026-11", "2024-02-29", "2022-06-30"] {
        assert!(
            load(&edit(
                "published: \"2022\"",
                &format!("published: \"{good}\""),
                0
            ))
            .is_ok(),
            "{good}"
        );
    }
    for bad in ["2026-11", "26-11-24", "2026-11-31"] {
        assert_eq!(
            load(&edit(
                "date: \"2026-11-24\"",
                &format!("date: \"{bad}\""),
                0
            )),
            Err(EvidenceError::ReleaseDate(bad.to_owned()))
        );
    }
}

#[test]
fn pub_date_parses_each_precision() {
    let d = |y, m, d| {
        Some(PubDate {
            year: y,
            month: m,
            day: d,
        })
    };
    assert_eq!(PubDate::parse("2024"), d(2024, None, None));
    assert_eq!(PubDate::parse("2024-06"), d(2024, Some(6), None));
    assert_eq!(PubDate::parse("2024-09-17"), d(2024, Some(9), Some(17)));
    assert_eq!(
        PubDate::parse("2024-09-17").unwrap().to_string(),
        "2024-09-17"
    );
    for bad in ["2024-00", "2024-04-31", "1899", "2024-", "-2024", "2024-1a"] {
        assert_eq!(PubDate::parse(bad), None, "{bad}");
    }
}

#[test]
fn tags_that_are_not_shown_as_fact_are_rejected() {
    // A DREAM3R-like entry ([2nd]) cannot be added.
    let bad = edit(
        "tag: OneSource,\n            citation: (text: \"Popat",
        "tag: Secondary,\n            citation: (text: \"Popat",
        0,
    );
    assert_eq!(
        entry_problem(&bad),
        (
            "beat_meso".to_owned(),
            EntryProblem::TagNotShowable(Tag::Secondary)
        )
    );
    // Nor a [2nd] figure shown as a result.
    let bad = edit(
        "direction: Harm, tag: Some(OneSource)",
        "direction: Harm, tag: Some(Secondary)",
        0,
    );
    assert_eq!(
        entry_problem(&bad),
        (
            "mars2".to_owned(),
            EntryProblem::TagNotShowable(Tag::Secondary)
        )
    );
    // A withheld figure must really have a weaker tag.
    let bad = edit("tag: Secondary)]", "tag: OneSource)]", 0);
    assert!(matches!(
        entry_problem(&bad).1,
        EntryProblem::WithheldButShowable(_)
    ));
    // A guideline too.
    let bad = edit(
        "tag: OneSource),\n        (name: \"NCCN v1.2025\"",
        "tag: NotVerified),\n        (name: \"NCCN v1.2025\"",
        0,
    );
    assert!(matches!(
        load(&bad),
        Err(EvidenceError::Guideline { ref name, problem: EntryProblem::TagNotShowable(Tag::NotVerified) })
            if name == "NCCN Pleural Mesothelioma v2.2024"
    ));
}

#[test]
fn withheld_figures_cannot_creep_into_results() {
    let bad = edit(
        "no significant benefit overall from adding atezolizumab",
        "HR 0.9, no significant benefit",
        0,
    );
    assert_eq!(
        entry_problem(&bad),
        (
            "beat_meso".to_owned(),
            EntryProblem::FigureInWithheld("Overall survival".to_owned())
        )
    );
}

#[test]
fn direction_must_match_the_results() {
    let bad = edit("direction: Harm,\n", "direction: Benefit,\n", 0);
    assert_eq!(
        entry_problem(&bad),
        (
            "mars2".to_owned(),
            EntryProblem::DirectionNotInResults(Direction::Benefit)
        )
    );
    let bad = edit("direction: NoBenefit,\n", "direction: Descriptive,\n", 0);
    assert_eq!(
        entry_problem(&bad),
        ("denim".to_owned(), EntryProblem::DescriptiveEntry)
    );
    let bad = edit("direction: Inconclusive,\n", "direction: Benefit,\n", 0);
    assert_eq!(entry_problem(&bad).0, "atomic_meso");
}

#[test]
fn attachment_faults() {
    let bad = edit(
        "\"maintenance_gemcitabine\"",
        "\"maintenance_gemcitabin\"",
        0,
    );
    assert_eq!(
        entry_problem(&bad),
        (
            "denim".to_owned(),
            EntryProblem::UnknownOption("maintenance_gemcitabin".to_owned())
        )
    );
    let bad = edit("options: [\"maintenance_gemcitabine\"]", "options: []", 0);
    assert_eq!(
        entry_problem(&bad),
        ("denim".to_owned(), EntryProblem::NoAttachment)
    );
    let bad = edit(
        "enrolled_ecog_max: Some(1)",
        "enrolled_ecog_max: Some(5)",
        0,
    );
    assert_eq!(entry_problem(&bad).1, EntryProblem::BadEcog(5));
}

#[test]
fn identity_and_format_faults() {
    let bad = edit("id: \"denim\"", "id: \"mars2\"", 0);
    assert_eq!(
        entry_problem(&bad),
        ("mars2".to_owned(), EntryProblem::DuplicateId)
    );
    let bad = edit("format: 1,", "format: 2,", 0);
    assert_eq!(load(&bad), Err(EvidenceError::Format { found: 2 }));
    let bad = edit(
        "doi: Some(\"10.1200/JCO-24-02425\")",
        "doi: Some(\"JCO-24-02425\")",
        0,
    );
    assert!(matches!(
        load(&bad),
        Err(EvidenceError::Guideline {
            problem: EntryProblem::BadDoi(_),
            ..
        })
    ));
    let bad = edit(
        "(endpoint: \"Overall survival\", text: \"median 16.8",
        "// (",
        0,
    );
    assert_eq!(
        entry_problem(&bad),
        ("denim".to_owned(), EntryProblem::NoResults)
    );
}
