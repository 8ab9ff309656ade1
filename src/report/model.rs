//! The report model: the summary of one case (or a tumor-board pack of several) as plain,
//! text-level sections.
//!
//! It is built only from the core's assessment and the case as entered; the
//! PDF layout ([`super::pdf`]), the Report tab and the command line's text output all render this
//! same model, so they cannot disagree.

use mesocds_core::calgb::CalgbResult;
use mesocds_core::eortc::RISK_RULE_TEXT;
use mesocds_core::eortc::{EortcResult, hundredths};
use mesocds_core::staging::{AxisResult, Ranked, StageResult};
use mesocds_core::vocab::{Input, Vocab as _};
use mesocds_core::{Assessment, Case, ClinicalTables, INTENDED_USE};

use super::evidence::evidence_section;
use super::options::treatment_section;
use crate::present::{self, NOT_ENTERED};

/// Where a case came from, for the report's header and footer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseSource {
    /// The file name, or a description such as "unsaved case".
    pub file: String,
    /// A short SHA-256 of the case file as saved (`sha256:` and 12 hex digits), or a note that
    /// the case has unsaved changes.
    pub fingerprint: String,
}

/// Report-wide facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportMeta {
    /// Date of export, `YYYY-MM-DD`.
    pub export_date: String,
    /// The app version.
    pub app_version: String,
}

/// A whole report: one case summary, or a pack with a cover page.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Title of the document.
    pub title: String,
    /// Report-wide facts.
    pub meta: ReportMeta,
    /// Source document and date, content release, edition.
    pub content: String,
    /// The intended-use line.
    pub intended_use: &'static str,
    /// The cover page's rows (label, site, stage), for a pack of several cases.
    pub cover: Option<Vec<[String; 3]>>,
    /// One summary per case.
    pub cases: Vec<CaseReport>,
    /// The one numbered reference list of the whole report (a pack's cases share it): each
    /// reference once, numbered in order of first citation; the cases' "[ref N]" use these
    /// numbers. Printed once, at the end.
    pub references: Vec<String>,
}

/// The summary of one case.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseReport {
    /// The case label.
    pub label: String,
    /// Where it came from.
    pub source: CaseSource,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

/// The heading of the report's one reference list.
pub const REFERENCES: &str = "References";

/// What a section is to the layout. The headline and the decision open each case summary
/// (on its first page or slide); the detail follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SectionKind {
    /// The headline box: stage with its edition, scores, status, the question for the board,
    /// this patient's flags (`src/report/headline.rs`).
    Headline,
    /// The tumor board decision: the recorded board entries and the empty decision box.
    Decision,
    /// Everything else, in order.
    #[default]
    Detail,
}

/// A titled section.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// What it is to the layout.
    pub kind: SectionKind,
    /// The heading.
    pub heading: String,
    /// The content.
    pub blocks: Vec<Block>,
}

/// A block of content.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// The result, printed large.
    Lead(String),
    /// A bold sub-heading.
    Subheading(String),
    /// A paragraph.
    Text(String),
    /// Aligned "name: value" rows.
    Fields(Vec<(String, String)>),
    /// A table with a header row; `widths` are the columns' shares of the line.
    Table {
        /// Column headings.
        header: Vec<String>,
        /// Rows.
        rows: Vec<Vec<String>>,
        /// Column widths as fractions of the text width.
        widths: Vec<f32>,
    },
    /// A bulleted list.
    Bullets(Vec<String>),
    /// A numbered list (references).
    Numbered(Vec<String>),
    /// The empty tumor board decision box (after any recorded board entries).
    DecisionBox,
}

fn or_missing<T>(v: Option<T>, f: impl FnOnce(T) -> String) -> String {
    v.map_or_else(|| NOT_ENTERED.to_owned(), f)
}

pub(super) fn missing_line(missing: &[Input]) -> Option<Block> {
    (!missing.is_empty()).then(|| {
        let names: Vec<&str> = missing.iter().map(|i| i.label()).collect();
        Block::Text(format!("Missing: {}.", names.join(", ")))
    })
}

pub(super) fn notes(notes: &[String]) -> Option<Block> {
    (!notes.is_empty()).then(|| Block::Bullets(notes.to_vec()))
}

fn case_section(case: &Case) -> Section {
    let p = &case.patient;
    let d = &case.disease;
    let l = &case.labs;
    let t = &case.therapy;
    let yes_no = |b: Option<bool>| or_missing(b, |b| if b { "yes" } else { "no" }.to_owned());
    // From the disease course when it gives them (`docs/clinical/disease-status.md`).
    let prior = super::course::prior_field(case);
    let mut fields = vec![
        (
            "Site".to_owned(),
            or_missing(d.site, |v| v.label().to_owned()),
        ),
        (
            "Extent".to_owned(),
            or_missing(d.extent, |v| v.label().to_owned()),
        ),
        (
            "Histology".to_owned(),
            or_missing(d.histology, |v| v.label().to_owned()),
        ),
        (
            "Diagnostic certainty".to_owned(),
            or_missing(d.diagnosis, |v| v.label().to_owned()),
        ),
        (
            "Disease status".to_owned(),
            super::course::status_field(case),
        ),
        ("Age".to_owned(), or_missing(p.age_years, |v| v.to_string())),
        (
            "Sex".to_owned(),
            or_missing(p.sex, |v| v.label().to_owned()),
        ),
        (
            "ECOG performance status".to_owned(),
            or_missing(p.ecog, |v| v.code().to_owned()),
        ),
        (
            "WBC".to_owned(),
            or_missing(l.wbc_10e9_per_l, |v| v.to_string()),
        ),
        (
            "Hemoglobin".to_owned(),
            or_missing(l.hb_g_per_dl, |v| v.to_string()),
        ),
        ("Prior systemic therapy".to_owned(), prior),
        ("Anticoagulant".to_owned(), yes_no(t.anticoagulant)),
        ("Antiplatelet agent".to_owned(), yes_no(t.antiplatelet)),
        ("NSAID".to_owned(), yes_no(t.nsaid)),
    ];
    if !case.notes.trim().is_empty() {
        fields.push(("Notes".to_owned(), case.notes.trim().to_owned()));
    }
    Section {
        kind: SectionKind::Detail,
        heading: "Case".to_owned(),
        blocks: vec![Block::Fields(fields)],
    }
}

/// How a T, N or M category was reached: picked, derived from findings (named in the PDQ's
/// words), agreeing, or in disagreement.
pub fn axis_text<C: Ranked>(r: &AxisResult<C>, tables: &ClinicalTables) -> String {
    let drivers = |d: &mesocds_core::staging::Derived<C>| {
        d.drivers
            .iter()
            .map(|f| {
                tables
                    .findings
                    .finding(*f)
                    .map_or_else(|| f.label().to_owned(), |e| e.text.clone())
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    match (&r.picked, &r.derived) {
        (Some(p), None) => format!("{} (picked)", p.code()),
        (None, Some(d)) => format!("{}, from findings: {}", d.category.code(), drivers(d)),
        (Some(p), Some(d)) if !r.conflict => {
            format!("{} (picked; findings agree: {})", p.code(), drivers(d))
        }
        (Some(p), Some(d)) => format!(
            "disagreement: picked {}, findings give {} ({})",
            p.code(),
            d.category.code(),
            drivers(d)
        ),
        (None, None) => NOT_ENTERED.to_owned(),
    }
}

fn stage_section(s: &StageResult, tables: &ClinicalTables, case: &Case) -> Section {
    let mut blocks = vec![Block::Lead(present::stage_wording(s).lead)];
    // A non-pleural site has no AJCC stage: no pleural categories are shown (its N and M are the
    // peritoneal ones, printed with the peritoneal stage).
    let pleural_scope = case
        .disease
        .site
        .is_none_or(|site| site == mesocds_core::vocab::Site::Pleural);
    if pleural_scope {
        blocks.push(Block::Fields(vec![
            ("T".to_owned(), axis_text(&s.t, tables)),
            ("N".to_owned(), axis_text(&s.n, tables)),
            ("M".to_owned(), axis_text(&s.m, tables)),
        ]));
    }
    if !s.possible().is_empty() {
        let p: Vec<&str> = s.possible().iter().map(|g| g.code()).collect();
        blocks.push(Block::Text(format!(
            "Possible stage groups: {}.",
            p.join(", ")
        )));
    }
    blocks.extend(missing_line(&s.missing));
    blocks.extend(notes(&s.notes));
    Section {
        kind: SectionKind::Detail,
        heading: format!("Stage ({}, pleural)", tables.stage.edition),
        blocks,
    }
}

/// The EORTC result in one line: "Score 1.75: high risk; …", or "No score".
pub(super) fn eortc_lead(e: &EortcResult) -> String {
    match (e.score(), e.risk()) {
        (Some(score), Some(risk)) => format!(
            "Score {}: {} risk; {}",
            hundredths(score),
            risk.label(),
            present::eortc_survival(risk)
        ),
        _ => "No score".to_owned(),
    }
}

/// The CALGB result in one line: "Groups 2-5 (intermediate): …", or "No group".
pub(super) fn calgb_lead(c: &CalgbResult) -> String {
    match c.group {
        Some(g) => format!("{}: {}", g.label(), present::calgb_median(g)),
        None => "No group".to_owned(),
    }
}

fn eortc_section(e: &EortcResult) -> Section {
    let mut blocks = vec![Block::Lead(eortc_lead(e))];
    if !e.factors.is_empty() {
        blocks.push(Block::Table {
            header: vec![
                "Factor".to_owned(),
                "Entered".to_owned(),
                "Points".to_owned(),
            ],
            rows: e
                .factors
                .iter()
                .map(|f| {
                    vec![
                        f.factor.to_owned(),
                        f.value.clone(),
                        format!("+{}", hundredths(f.points)),
                    ]
                })
                .collect(),
            widths: vec![0.55, 0.3, 0.15],
        });
    }
    blocks.push(Block::Text(RISK_RULE_TEXT.to_owned()));
    blocks.extend(missing_line(&e.missing));
    blocks.extend(notes(&e.notes));
    Section {
        kind: SectionKind::Detail,
        heading: present::eortc_heading(),
        blocks,
    }
}

fn calgb_section(c: &CalgbResult) -> Section {
    let mut blocks = vec![Block::Lead(calgb_lead(c))];
    if !c.path.is_empty() {
        blocks.push(Block::Text(format!(
            "Decision path: {}.",
            present::calgb_path(c)
        )));
    }
    blocks.extend(missing_line(&c.missing));
    blocks.extend(notes(&c.notes));
    Section {
        kind: SectionKind::Detail,
        heading: present::calgb_heading(),
        blocks,
    }
}

/// The summary of one case: the headline and the decision first (a case's first page), then
/// the detail. Its citations are numbered in `refs`, the report's shared reference list.
pub fn case_report(
    case: &Case,
    assessment: &Assessment<'_>,
    tables: &ClinicalTables,
    source: CaseSource,
    refs: &mut Vec<String>,
) -> CaseReport {
    let treatment = treatment_section(&assessment.treatment, &assessment.newer_evidence, refs);
    let mut eighth = stage_section(&assessment.stage, tables, case);
    eighth.heading = super::editions::eighth_heading(assessment, tables);
    let mut sections = vec![
        super::headline::headline_section(case, assessment, tables),
        Section {
            kind: SectionKind::Decision,
            heading: super::headline::DECISION.to_owned(),
            blocks: super::course::board_blocks(case)
                .into_iter()
                .chain([Block::DecisionBox])
                .collect(),
        },
        case_section(case),
    ];
    sections.extend(super::course::course_section(case));
    sections.extend(super::editions::staging_sections(
        case, assessment, tables, eighth,
    ));
    sections.extend([
        eortc_section(&assessment.eortc),
        calgb_section(&assessment.calgb),
        treatment,
        evidence_section(&assessment.newer_evidence, &tables.evidence),
    ]);
    CaseReport {
        label: if case.label.trim().is_empty() {
            "(no case label)".to_owned()
        } else {
            case.label.trim().to_owned()
        },
        source,
        sections,
    }
}

/// A report of one or more cases; several get a cover page listing them.
pub fn report(
    cases: Vec<CaseReport>,
    references: Vec<String>,
    stages: Vec<String>,
    sites: Vec<String>,
    tables: &ClinicalTables,
    meta: ReportMeta,
) -> Report {
    let pack = cases.len() > 1;
    let cover = pack.then(|| {
        cases
            .iter()
            .zip(sites)
            .zip(stages)
            .map(|((c, site), stage)| [c.label.clone(), site, stage])
            .collect()
    });
    Report {
        title: if pack {
            format!("MesoCDS tumor board pack: {} cases", cases.len())
        } else {
            "MesoCDS case summary".to_owned()
        },
        meta,
        content: tables.content_version(),
        intended_use: INTENDED_USE,
        cover,
        cases,
        references,
    }
}

/// The short stage text for a cover page.
pub fn stage_short(s: &StageResult) -> String {
    present::stage_wording(s).short
}

/// The site for a cover page.
pub fn site_short(case: &Case) -> String {
    or_missing(case.disease.site, |s| s.label().to_owned())
}
