//! The clinical tables, embedded in the binary and loaded strictly.
//!
//! This is the only module that names the asset paths. Each table is RON with
//! `deny_unknown_fields`, so a typo is a parse error with its line and column; after parsing,
//! each table is validated (a missing or duplicate cell, an unknown finding, an option without a
//! citation all fail). A failure is an error value, never a panic and never a silent fallback.

use std::sync::OnceLock;

use crate::evidence::{EVIDENCE_RON, EvidenceError, EvidenceTable};
use crate::staging::{FindingsTable, StageTable, validate_findings, validate_stage_table};
use crate::table_problem::TableProblem;
use crate::treatment::{TreatmentCatalogue, validate};

/// Stage grid source text.
pub const STAGE_TABLE_RON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/clinical/ajcc8_pleural_stage_groups.ron"
));
/// Findings source text.
pub const FINDINGS_TABLE_RON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/clinical/ajcc8_pleural_findings.ron"
));
/// Treatment catalogue source text.
pub const TREATMENTS_RON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/clinical/pdq_treatment_options.ron"
));

/// The table file format this build reads.
pub const TABLE_FORMAT: u32 = 1;

/// The content release: bump it whenever any clinical table or scored constant changes.
pub const CONTENT_RELEASE: u32 = 2;

/// The source document and its date, as the decisions page asks to cite it.
pub const CONTENT_SOURCE: &str =
    "NCI PDQ Malignant Mesothelioma Treatment (HP), updated 05/12/2025";

/// The staging edition, as the JSON contract names it.
pub const STAGING_EDITION: &str = "AJCC 8th";

/// A clinical table that failed to load.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    /// The RON did not parse.
    #[error("clinical table {table}: line {line}, column {column}: {message}")]
    Parse {
        /// Which table.
        table: &'static str,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What was wrong.
        message: String,
    },
    /// The table's format is not the one this build reads.
    #[error("clinical table {table}: format {found}, this build reads format {supported}")]
    Format {
        /// Which table.
        table: &'static str,
        /// Format in the file.
        found: u32,
        /// Format read.
        supported: u32,
    },
    /// The table parsed but is not valid.
    #[error("clinical table {table}: {problem}")]
    Invalid {
        /// Which table.
        table: &'static str,
        /// What is wrong.
        problem: TableProblem,
    },
    /// The newer-evidence table (`newer_evidence.ron`) did not load: its own error, with the
    /// line and column or the entry at fault.
    #[error("clinical table {0}")]
    Evidence(Box<EvidenceError>),
}

/// All clinical tables, loaded and validated.
#[derive(Clone, Debug, PartialEq)]
pub struct ClinicalTables {
    /// AJCC 8th edition stage grid.
    pub stage: StageTable,
    /// AJCC 8th edition findings and category definitions.
    pub findings: FindingsTable,
    /// PDQ treatment options.
    pub treatments: TreatmentCatalogue,
    /// Evidence newer than the PDQ version used, kept apart from the PDQ options
    /// (docs/clinical/newer-evidence.md).
    pub evidence: EvidenceTable,
    /// The 9th-edition stage grid (`assets/clinical/ajcc9_pleural_stage_groups.ron`), the one
    /// embedded in this build.
    pub stage9: &'static crate::ajcc9::StageTable9,
}

fn parse<T: serde::de::DeserializeOwned>(table: &'static str, text: &str) -> Result<T, TableError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e: ron::error::SpannedError| TableError::Parse {
            table,
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
}

fn check_format(table: &'static str, found: u32) -> Result<(), TableError> {
    if found == TABLE_FORMAT {
        Ok(())
    } else {
        Err(TableError::Format {
            table,
            found,
            supported: TABLE_FORMAT,
        })
    }
}

impl ClinicalTables {
    /// Parses and validates the three PDQ-based tables from their RON text, with the embedded
    /// newer-evidence table ([`EVIDENCE_RON`]; [`Self::from_ron_with_evidence`] takes that one
    /// too) and the embedded 9th-edition grid.
    ///
    /// # Errors
    /// [`TableError`] naming the table and, for parse errors, the line and column.
    pub fn from_ron(stage: &str, findings: &str, treatments: &str) -> Result<Self, TableError> {
        Self::from_ron_with_evidence(stage, findings, treatments, EVIDENCE_RON)
    }

    /// Parses and validates all four tables from their RON text. The evidence table is loaded
    /// strictly like the others, after the treatment catalogue its option ids are checked against.
    ///
    /// # Errors
    /// [`TableError`] naming the table and, for parse errors, the line and column; a fault in the
    /// evidence table is [`TableError::Evidence`], naming the entry.
    pub fn from_ron_with_evidence(
        stage: &str,
        findings: &str,
        treatments: &str,
        evidence: &str,
    ) -> Result<Self, TableError> {
        const STAGE: &str = "ajcc8_pleural_stage_groups.ron";
        const FINDINGS: &str = "ajcc8_pleural_findings.ron";
        const TREATMENTS: &str = "pdq_treatment_options.ron";
        let stage: StageTable = parse(STAGE, stage)?;
        check_format(STAGE, stage.format)?;
        validate_stage_table(&stage).map_err(|problem| TableError::Invalid {
            table: STAGE,
            problem,
        })?;
        let findings: FindingsTable = parse(FINDINGS, findings)?;
        check_format(FINDINGS, findings.format)?;
        validate_findings(&findings).map_err(|problem| TableError::Invalid {
            table: FINDINGS,
            problem,
        })?;
        let treatments: TreatmentCatalogue = parse(TREATMENTS, treatments)?;
        check_format(TREATMENTS, treatments.format)?;
        validate(&treatments).map_err(|problem| TableError::Invalid {
            table: TREATMENTS,
            problem,
        })?;
        let evidence = EvidenceTable::from_ron(evidence, &treatments)
            .map_err(|e| TableError::Evidence(Box::new(e)))?;
        Ok(Self {
            stage,
            findings,
            treatments,
            evidence,
            stage9: crate::ajcc9::StageTable9::embedded()?,
        })
    }

    /// The tables embedded in this build, loaded once.
    ///
    /// # Errors
    /// [`TableError`] if an embedded table is invalid (a defect of the build, caught by tests).
    pub fn embedded() -> Result<&'static Self, TableError> {
        static TABLES: OnceLock<Result<ClinicalTables, TableError>> = OnceLock::new();
        TABLES
            .get_or_init(|| Self::from_ron(STAGE_TABLE_RON, FINDINGS_TABLE_RON, TREATMENTS_RON))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The content version: source document and date, content release, staging edition, and the
    /// newer-evidence release and date.
    pub fn content_version(&self) -> String {
        format!(
            "{CONTENT_SOURCE}; {} (pleural); content release {CONTENT_RELEASE}; {}",
            self.stage.edition,
            self.evidence.content_version()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_are_valid() {
        let tables = ClinicalTables::embedded();
        assert!(tables.is_ok(), "{tables:?}");
    }

    #[test]
    fn a_failing_evidence_table_fails_the_load() {
        // A parse error (unknown field), with its position.
        let bad = EVIDENCE_RON.replacen("summary:", "sumary:", 1);
        let err = ClinicalTables::from_ron_with_evidence(
            STAGE_TABLE_RON,
            FINDINGS_TABLE_RON,
            TREATMENTS_RON,
            &bad,
        )
        .unwrap_err();
        assert!(
            matches!(&err, TableError::Evidence(e) if matches!(**e, EvidenceError::Parse { .. })),
            "{err:?}"
        );
        assert!(
            err.to_string().contains("newer_evidence.ron: line"),
            "{err}"
        );
        // A validation error (an option id not in the PDQ catalogue), naming the entry.
        let bad = EVIDENCE_RON.replacen("\"maintenance_gemcitabine\"", "\"no_such_option\"", 1);
        let err = ClinicalTables::from_ron_with_evidence(
            STAGE_TABLE_RON,
            FINDINGS_TABLE_RON,
            TREATMENTS_RON,
            &bad,
        )
        .unwrap_err();
        assert!(
            matches!(&err, TableError::Evidence(e) if matches!(**e, EvidenceError::Entry { ref entry, .. } if entry == "denim")),
            "{err:?}"
        );
        // The embedded text loads, and its release is in the content version.
        let ok = ClinicalTables::from_ron_with_evidence(
            STAGE_TABLE_RON,
            FINDINGS_TABLE_RON,
            TREATMENTS_RON,
            EVIDENCE_RON,
        )
        .unwrap();
        // (The release and date themselves are checked in the core's evidence tests.)
        assert_eq!(
            ok.content_version(),
            format!(
                "{CONTENT_SOURCE}; AJCC 8th edition (pleural); content release {CONTENT_RELEASE}; \
                 newer evidence release {} ({})",
                ok.evidence.release, ok.evidence.date
            )
        );
    }

    #[test]
    fn unknown_field_is_a_parse_error_with_position() {
        let bad = STAGE_TABLE_RON.replacen("edition:", "editon:", 1);
        let err = ClinicalTables::from_ron(&bad, FINDINGS_TABLE_RON, TREATMENTS_RON).unwrap_err();
        match err {
            TableError::Parse { line, message, .. } => {
                assert!(line > 1);
                assert!(message.contains("editon"), "{message}");
            }
            other => panic!("expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn unknown_category_is_a_parse_error() {
        let bad = STAGE_TABLE_RON.replacen("(t: T1, n: N0", "(t: T7, n: N0", 1);
        assert!(matches!(
            ClinicalTables::from_ron(&bad, FINDINGS_TABLE_RON, TREATMENTS_RON),
            Err(TableError::Parse { .. })
        ));
    }

    #[test]
    fn missing_cell_fails() {
        let bad = STAGE_TABLE_RON.replacen("(t: T3, n: N1, m: M0, cell: Group(IIIA)),", "", 1);
        let err = ClinicalTables::from_ron(&bad, FINDINGS_TABLE_RON, TREATMENTS_RON).unwrap_err();
        assert_eq!(
            err,
            TableError::Invalid {
                table: "ajcc8_pleural_stage_groups.ron",
                problem: TableProblem::MissingCell {
                    cell: "T3 N1 M0".to_owned()
                }
            }
        );
    }

    #[test]
    fn duplicate_cell_fails() {
        let bad = STAGE_TABLE_RON.replacen(
            "(t: T3, n: N1, m: M0, cell: Group(IIIA)),",
            "(t: T3, n: N1, m: M0, cell: Group(IIIA)), (t: T3, n: N1, m: M0, cell: Group(IIIB)),",
            1,
        );
        let err = ClinicalTables::from_ron(&bad, FINDINGS_TABLE_RON, TREATMENTS_RON).unwrap_err();
        assert!(
            matches!(err, TableError::Invalid { problem: TableProblem::DuplicateCell { ref cell }, .. } if cell == "T3 N1 M0"),
            "{err}"
        );
    }

    #[test]
    fn wrong_unassignable_reason_fails() {
        let bad = STAGE_TABLE_RON.replacen(
            "(t: T1, n: NX, m: M0, cell: NotAssignable([NodesNotAssessed])),",
            "(t: T1, n: NX, m: M0, cell: NotAssignable([PrimaryNotAssessed])),",
            1,
        );
        assert!(matches!(
            ClinicalTables::from_ron(&bad, FINDINGS_TABLE_RON, TREATMENTS_RON),
            Err(TableError::Invalid { .. })
        ));
    }

    #[test]
    fn newer_table_format_fails() {
        let bad = STAGE_TABLE_RON.replacen("format: 1,", "format: 2,", 1);
        assert!(matches!(
            ClinicalTables::from_ron(&bad, FINDINGS_TABLE_RON, TREATMENTS_RON),
            Err(TableError::Format { found: 2, .. })
        ));
    }

    #[test]
    fn duplicate_or_missing_finding_fails() {
        let dup = FINDINGS_TABLE_RON.replacen("(finding: Spine,", "(finding: Myocardium,", 1);
        assert!(matches!(
            ClinicalTables::from_ron(STAGE_TABLE_RON, &dup, TREATMENTS_RON),
            Err(TableError::Invalid { .. })
        ));
    }

    #[test]
    fn finding_implying_tx_fails() {
        let bad = FINDINGS_TABLE_RON.replacen(
            "(finding: Spine, implies: T(T4)",
            "(finding: Spine, implies: T(TX)",
            1,
        );
        assert!(matches!(
            ClinicalTables::from_ron(STAGE_TABLE_RON, &bad, TREATMENTS_RON),
            Err(TableError::Invalid { .. })
        ));
    }

    #[test]
    fn median_os_must_match_the_outcome_text() {
        let bad = TREATMENTS_RON.replacen("option_months: 18.1", "option_months: 19.1", 1);
        let err = ClinicalTables::from_ron(STAGE_TABLE_RON, FINDINGS_TABLE_RON, &bad).unwrap_err();
        assert!(
            matches!(err, TableError::Invalid { problem: TableProblem::MedianNotInOutcomes { ref months, .. }, .. } if months == "19.1"),
            "{err}"
        );
    }

    #[test]
    fn catalogue_checks() {
        let dup_id =
            TREATMENTS_RON.replacen("id: \"vinorelbine\"", "id: \"nivolumab_ipilimumab\"", 1);
        assert!(matches!(
            ClinicalTables::from_ron(STAGE_TABLE_RON, FINDINGS_TABLE_RON, &dup_id),
            Err(TableError::Invalid {
                problem: TableProblem::DuplicateOption { .. },
                ..
            })
        ));
        let wrong_ci = TREATMENTS_RON.replacen(
            "ci_level_percent: Some(96.6)",
            "ci_level_percent: Some(95.0)",
            1,
        );
        assert!(matches!(
            ClinicalTables::from_ron(STAGE_TABLE_RON, FINDINGS_TABLE_RON, &wrong_ci),
            Err(TableError::Invalid { problem: TableProblem::CiLevelNotWritten { ref level, .. }, .. }) if level == "95"
        ));
        let unknown_setting =
            TREATMENTS_RON.replacen("settings: [LocalRecurrence]", "settings: [Remission]", 1);
        assert!(matches!(
            ClinicalTables::from_ron(STAGE_TABLE_RON, FINDINGS_TABLE_RON, &unknown_setting),
            Err(TableError::Parse { .. })
        ));
        let no_local =
            TREATMENTS_RON.replacen("settings: [LocalRecurrence]", "settings: [RecurrentAny]", 1);
        assert!(matches!(
            ClinicalTables::from_ron(STAGE_TABLE_RON, FINDINGS_TABLE_RON, &no_local),
            Err(TableError::Invalid {
                problem: TableProblem::SettingWithoutOption {
                    setting: crate::treatment::Setting::LocalRecurrence
                },
                ..
            })
        ));
    }
}
