//! One row of the Board tab's table: a case summarised from the core's assessment, in the
//! shared wording ([`crate::present`], [`crate::report::model`]). Built here, never in the tab.

use mesocds_core::ajcc9::Edition;
use mesocds_core::staging::StageStatus;
use mesocds_core::vocab::Vocab as _;
use mesocds_core::{Assessment, Case};

use crate::present::{self, NOT_ENTERED};
use crate::report::model;

/// The table's column headings, in the order of [`BoardRow::cells`].
pub const COLUMNS: [&str; 10] = [
    "Label",
    "Age",
    "Sex",
    "Site",
    "Histology",
    "ECOG",
    "Stage (edition that applies)",
    "EORTC risk",
    "Status",
    "Question for the board",
];

/// A case on the board, as the table shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardRow {
    /// The cells, in the order of [`COLUMNS`].
    pub cells: [String; 10],
}

impl BoardRow {
    /// The case label (first cell).
    pub fn label(&self) -> &str {
        &self.cells[0]
    }
}

fn or_missing<T>(v: Option<T>, f: impl FnOnce(T) -> String) -> String {
    v.map_or_else(|| NOT_ENTERED.to_owned(), f)
}

/// The row of `case`, from `assessment` (the core's assessment of `case`).
pub fn board_row(case: &Case, assessment: &Assessment<'_>) -> BoardRow {
    let p = &case.patient;
    let d = &case.disease;
    let label = match case.label.trim() {
        "" => "(no case label)".to_owned(),
        l => l.to_owned(),
    };
    BoardRow {
        cells: [
            label,
            or_missing(p.age_years, |a| a.to_string()),
            or_missing(p.sex, |s| s.label().to_owned()),
            model::site_short(case),
            or_missing(d.histology, |h| h.label().to_owned()),
            or_missing(p.ecog, |e| e.code().to_owned()),
            stage_cell(assessment),
            eortc_cell(assessment),
            status_cell(case),
            question_cell(case),
        ],
    }
}

/// The stage of the edition that applies, named: "AJCC 8th: Stage IIIA (T3 N1 M0)".
///
/// Without a date of diagnosis the edition is unknown and both are shown; a non-pleural site has no AJCC
/// stage, and a peritoneal one adds the proposed stage (Yan 2011, not AJCC).
/// Edition rule: `docs/clinical/staging-ajcc9.md` §1 (the core's `applicable_edition`).
pub fn stage_cell(a: &Assessment<'_>) -> String {
    let eighth = || {
        format!(
            "{}: {}",
            Edition::Ajcc8.code(),
            present::stage_wording(&a.stage).lead
        )
    };
    let ninth = || {
        format!(
            "{}: {}",
            Edition::Ajcc9.code(),
            present::ninth_lead(&a.stage_9th)
        )
    };
    let mut text = if a.stage_9th.stage.status() == StageStatus::NotApplicable {
        present::stage_wording(&a.stage).lead
    } else {
        match a.edition.edition() {
            Some(Edition::Ajcc9) => ninth(),
            Some(Edition::Ajcc8) => eighth(),
            None => format!(
                "Edition unknown (no date of diagnosis):\n{};\n{}",
                eighth(),
                ninth()
            ),
        }
    };
    if let Some(p) = &a.peritoneal {
        text.push_str(&match p.stage() {
            Some(s) => format!("; proposed {} (Yan 2011, not AJCC)", s.code()),
            None => format!("; proposed: {}", p.outcome.status_code().replace('_', " ")),
        });
    }
    text
}

/// The EORTC risk group with its score, or "no score" and what is missing.
pub fn eortc_cell(a: &Assessment<'_>) -> String {
    let e = &a.eortc;
    match (e.score(), e.risk()) {
        (Some(score), Some(risk)) => format!(
            "{} (score {})",
            risk.label(),
            mesocds_core::eortc::hundredths(score)
        ),
        _ if !e.missing.is_empty() => {
            let names: Vec<&str> = e.missing.iter().map(|i| i.label()).collect();
            format!("no score; missing: {}", names.join(", "))
        }
        _ => "no score".to_owned(),
    }
}

/// The disease status: the course's, with the date of its event, when the course gives one
/// (as `mesocds_core::course::effective_case` applies it), else the status entered.
pub fn status_cell(case: &Case) -> String {
    match case.course.status() {
        Some((status, date)) => format!("{} (course, {date})", status.label()),
        None => or_missing(case.disease.status, |s| s.label().to_owned()),
    }
}

/// The question of the latest board entry (by date; the later-listed of two on one date), or
/// "not entered".
pub fn question_cell(case: &Case) -> String {
    case.board
        .iter()
        .enumerate()
        .max_by_key(|(i, e)| (e.date, *i))
        .map(|(_, e)| e.question.trim())
        .filter(|q| !q.is_empty())
        .map_or_else(|| NOT_ENTERED.to_owned(), str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mesocds_core::case_file;
    use mesocds_core::{ClinicalTables, assess};

    #[derive(serde::Deserialize)]
    struct GoldenCase {
        case: Case,
    }

    /// The row of a case file, or of the case of a golden case (`tests/cases`).
    fn row_of(path: &str) -> BoardRow {
        let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&full).unwrap();
        let case = if path.starts_with("tests/cases/") {
            let g: GoldenCase = ron::Options::default().from_str(&text).unwrap();
            g.case
        } else {
            case_file::from_ron(&text).unwrap().case
        };
        let tables = ClinicalTables::embedded().unwrap();
        board_row(&case, &assess(&case, tables))
    }

    #[test]
    fn stage_iiia_case_without_a_date_shows_both_editions_and_every_column() {
        let row = row_of("tests/cases/01_new_pleural_stage_iiia_advanced.ron");
        assert_eq!(
            row.cells,
            [
                "golden-01",
                "70 years",
                "Male",
                "Pleural",
                "Epithelioid",
                "1",
                "Edition unknown (no date of diagnosis):\nAJCC 8th: Stage IIIA (cT3 N1 M0);\n\
                 AJCC Version 9: Stage incomplete (T not entered N1 M0)",
                "high (score 1.75)",
                "Newly diagnosed",
                "not entered",
            ]
            .map(str::to_owned)
        );
    }

    #[test]
    fn ninth_edition_applies_from_2025() {
        let row = row_of("tests/cases/25_pleural_2025_ninth_applies_t3_n0.ron");
        assert_eq!(row.cells[6], "AJCC Version 9: Stage IIIA (cT3 N0 M0)");
        let row = row_of("tests/cases/26_pleural_2019_eighth_applies_pt2_n1.ron");
        assert_eq!(row.cells[6], "AJCC 8th: Stage II (pT2 N1 M0)");
    }

    #[test]
    fn peritoneal_has_no_ajcc_stage_and_the_proposed_one() {
        let row = row_of("tests/cases/27_peritoneal_pci_15_stage_ii.ron");
        assert_eq!(
            row.cells[6],
            "No AJCC stage (not applicable); proposed II (Yan 2011, not AJCC)"
        );
    }

    #[test]
    fn status_and_question_come_from_the_course_and_the_latest_board_entry() {
        let row = row_of("tests/fixtures/course/recurrent-with-course.ron");
        assert_eq!(row.cells[8], "Recurrence: distant (course, 2025-05-01)");
        assert_eq!(row.cells[9], "Second-line options?");
    }

    #[test]
    fn an_empty_case_says_not_entered_everywhere_it_must() {
        let tables = ClinicalTables::embedded().unwrap();
        let case = Case::default();
        let row = board_row(&case, &assess(&case, tables));
        assert_eq!(row.label(), "(no case label)");
        for i in [1, 2, 3, 4, 5, 8, 9] {
            assert_eq!(row.cells[i], NOT_ENTERED, "column {}", COLUMNS[i]);
        }
        assert!(
            row.cells[7].starts_with("no score; missing: "),
            "{}",
            row.cells[7]
        );
        assert!(
            row.cells[6].starts_with("Edition unknown"),
            "{}",
            row.cells[6]
        );
    }

    #[test]
    fn latest_question_is_by_date_not_by_position() {
        use mesocds_core::course::BoardEntry;
        let entry = |date: &str, q: &str| BoardEntry {
            date: date.parse().unwrap(),
            question: q.to_owned(),
            decision: String::new(),
            attendees: Vec::new(),
            next_review: None,
        };
        let case = Case {
            board: vec![entry("2026-05-01", "later"), entry("2026-01-01", "earlier")],
            ..Case::default()
        };
        assert_eq!(question_cell(&case), "later");
    }
}
