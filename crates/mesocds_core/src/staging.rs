//! AJCC 8th edition staging of diffuse pleural mesothelioma.
//!
//! The stage grid and the findings are data (`assets/clinical/ajcc8_pleural_*.ron`, from the PDQ
//! Tables 1–4). This module applies the rules of shared/clinical-decisions.md, "Staging":
//! categories derived from findings (the highest category with a finding present, naming the
//! finding that drove it), disagreement between picked and derived categories shown rather than
//! resolved, missing input reported as incomplete (never M0 by default), and the scope rules
//! (non-pleural sites and solitary tumours get no AJCC stage).

use std::fmt;

use crate::case::Case;
use crate::vocab::{
    Axis, Extent, Finding, Input, MCategory, NCategory, Site, StageGroup, StagingBasis, TCategory,
    Vocab,
};

/// The full T×N×M stage grid of one edition.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageTable {
    /// Format of this table file.
    pub format: u32,
    /// Edition, e.g. "AJCC 8th edition".
    pub edition: String,
    /// Chapter of the staging manual.
    pub chapter: String,
    /// The source document.
    pub source: String,
    /// One cell for every T×N×M combination.
    pub cells: Vec<StageCell>,
}

/// One cell of the stage grid.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageCell {
    /// T category.
    pub t: TCategory,
    /// N category.
    pub n: NCategory,
    /// M category.
    pub m: MCategory,
    /// The stage group, or why none can be assigned.
    pub cell: CellValue,
}

/// What a cell of the grid says.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum CellValue {
    /// A stage group.
    Group(StageGroup),
    /// No stage group can be assigned, for these reasons.
    NotAssignable(Vec<Unassignable>),
}

/// Why a cell has no stage group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum Unassignable {
    /// TX: primary tumour cannot be assessed.
    PrimaryNotAssessed,
    /// T0: no evidence of primary tumour.
    NoPrimaryTumour,
    /// NX: regional lymph nodes cannot be assessed.
    NodesNotAssessed,
}

impl Unassignable {
    /// The explanation shown to the user.
    pub fn explanation(self) -> &'static str {
        match self {
            Self::PrimaryNotAssessed => {
                "TX (primary tumor cannot be assessed): no stage group can be assigned."
            }
            Self::NoPrimaryTumour => {
                "T0 (no evidence of primary tumor): no stage group can be assigned."
            }
            Self::NodesNotAssessed => {
                "NX (regional lymph nodes cannot be assessed): no stage group can be assigned."
            }
        }
    }
}

/// The PDQ wording of the findings and categories.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingsTable {
    /// Format of this table file.
    pub format: u32,
    /// Edition.
    pub edition: String,
    /// The source document.
    pub source: String,
    /// The definition of each category.
    pub categories: Vec<CategoryText>,
    /// Each finding, the category it implies and its wording.
    pub findings: Vec<FindingEntry>,
}

/// A T, N or M category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum Category {
    /// A T category.
    T(TCategory),
    /// An N category.
    N(NCategory),
    /// An M category.
    M(MCategory),
}

/// The definition of one category.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryText {
    /// The category.
    pub category: Category,
    /// Its PDQ definition.
    pub text: String,
}

/// What a finding implies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum Implies {
    /// This T category.
    T(TCategory),
    /// This N category.
    N(NCategory),
    /// This M category.
    M(MCategory),
    /// No category by itself: the qualifier in front of every T2–T4 feature.
    Qualifier,
}

impl Implies {
    /// The axis of the finding (the qualifier belongs to T).
    pub fn axis(self) -> Axis {
        match self {
            Self::T(_) | Self::Qualifier => Axis::T,
            Self::N(_) => Axis::N,
            Self::M(_) => Axis::M,
        }
    }
}

/// One finding of the findings table.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingEntry {
    /// The finding.
    pub finding: Finding,
    /// The category it implies.
    pub implies: Implies,
    /// The PDQ wording.
    pub text: String,
}

/// A category that can be derived from findings: it has a rank among the assessable categories.
pub trait Ranked: Vocab + fmt::Debug {
    /// The rank of an assessable category (T1 < T2 < T3 < T4; N0 < N1 < N2; M0 < M1), or `None`
    /// for TX, T0 and NX, which no finding implies.
    fn rank(self) -> Option<u8>;
}

impl Ranked for TCategory {
    fn rank(self) -> Option<u8> {
        match self {
            Self::TX | Self::T0 => None,
            Self::T1 => Some(1),
            Self::T2 => Some(2),
            Self::T3 => Some(3),
            Self::T4 => Some(4),
        }
    }
}

impl Ranked for NCategory {
    fn rank(self) -> Option<u8> {
        match self {
            Self::NX => None,
            Self::N0 => Some(0),
            Self::N1 => Some(1),
            Self::N2 => Some(2),
        }
    }
}

impl Ranked for MCategory {
    fn rank(self) -> Option<u8> {
        match self {
            Self::M0 => Some(0),
            Self::M1 => Some(1),
        }
    }
}

/// A category derived from findings, with the findings that drove it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Derived<C> {
    /// The highest category with a finding present.
    pub category: C,
    /// The findings of that category that were ticked.
    pub drivers: Vec<Finding>,
}

/// One axis of the stage: what was picked, what the findings give, and the value used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AxisResult<C> {
    /// Picked directly.
    pub picked: Option<C>,
    /// Derived from findings.
    pub derived: Option<Derived<C>>,
    /// The value used for staging: `None` when missing or in conflict.
    pub value: Option<C>,
    /// Picked and derived disagree.
    pub conflict: bool,
}

impl<C: Ranked> AxisResult<C> {
    fn new(picked: Option<C>, derived: Option<Derived<C>>) -> Self {
        let (value, conflict) = match (&picked, &derived) {
            (Some(p), Some(d)) if *p == d.category => (Some(*p), false),
            (Some(_), Some(_)) => (None, true),
            (Some(p), None) => (Some(*p), false),
            (None, Some(d)) => (Some(d.category), false),
            (None, None) => (None, false),
        };
        Self {
            picked,
            derived,
            value,
            conflict,
        }
    }

    /// The values that staging could use: the value, or both sides of a conflict.
    fn candidates(&self) -> Vec<C> {
        match (&self.value, &self.picked, &self.derived) {
            (Some(v), _, _) => vec![*v],
            (None, Some(p), Some(d)) => vec![*p, d.category],
            _ => Vec::new(),
        }
    }
}

/// The status of a stage, as the JSON contract names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StageStatus {
    /// A stage group is assigned.
    Assigned,
    /// Input is missing.
    Incomplete,
    /// The input is complete but no group can be assigned (TX, T0, NX, or a disagreement).
    NotAssignable,
    /// AJCC does not stage this tumour (non-pleural site, solitary tumour).
    NotApplicable,
}

/// What staging concluded. Each variant holds only what can exist in that state: a group only
/// when one is assigned, possible groups only when none is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StageOutcome {
    /// A stage group is assigned: the grid gives it, or every reading of a disagreement, an
    /// unknown or an axis not entered gives the same group (docs/clinical/staging-ajcc8.md).
    Assigned(StageGroup),
    /// Inputs are missing; the groups the stage could be once they are entered.
    Incomplete {
        /// The inputs that block the stage (T, N, M, site, extent).
        missing: Vec<Input>,
        /// Groups the stage could be.
        possible: Vec<StageGroup>,
    },
    /// The input is complete but gives no single group (TX, T0, NX, or a disagreement).
    NotAssignable {
        /// Groups the stage could be (each reading of a disagreement; T1-T4 for TX; N0-N2 for NX).
        possible: Vec<StageGroup>,
    },
    /// AJCC does not stage this tumour.
    NotApplicable {
        /// Why (non-pleural site, solitary tumour).
        reason: String,
    },
}

/// The stage of a case.
#[derive(Clone, Debug, PartialEq)]
pub struct StageResult {
    /// The edition of the table used.
    pub edition: String,
    /// Clinical, pathological or post-neoadjuvant.
    pub basis: Option<StagingBasis>,
    /// T.
    pub t: AxisResult<TCategory>,
    /// N.
    pub n: AxisResult<NCategory>,
    /// M.
    pub m: AxisResult<MCategory>,
    /// What staging concluded.
    pub outcome: StageOutcome,
    /// Every input the stage reads that is not entered (the staging basis included).
    pub missing: Vec<Input>,
    /// The categories, in any reading, that show disease beyond a solitary tumour (T4, N1-N2,
    /// M1). With an extent of "solitary" they contradict it, and the app shows that prominently.
    pub beyond_solitary: Vec<String>,
    /// Explanations: not assignable, incomplete, disagreement, scope, qualifier.
    pub notes: Vec<String>,
}

impl StageResult {
    /// The status, as the JSON contract names it.
    pub fn status(&self) -> StageStatus {
        match self.outcome {
            StageOutcome::Assigned(_) => StageStatus::Assigned,
            StageOutcome::Incomplete { .. } => StageStatus::Incomplete,
            StageOutcome::NotAssignable { .. } => StageStatus::NotAssignable,
            StageOutcome::NotApplicable { .. } => StageStatus::NotApplicable,
        }
    }

    /// The stage group, only when one is assigned.
    pub fn group(&self) -> Option<StageGroup> {
        match self.outcome {
            StageOutcome::Assigned(g) => Some(g),
            _ => None,
        }
    }

    /// The groups the stage could be, when none is assigned.
    pub fn possible(&self) -> &[StageGroup] {
        match &self.outcome {
            StageOutcome::Incomplete { possible, .. }
            | StageOutcome::NotAssignable { possible } => possible,
            StageOutcome::Assigned(_) | StageOutcome::NotApplicable { .. } => &[],
        }
    }

    /// The categories with their prefix, e.g. `cT3 N1 M0`; an axis without a value is written
    /// in words ("T not entered", "N in disagreement").
    pub fn tnm_text(&self) -> String {
        fn show<C: Ranked>(axis: &str, r: &AxisResult<C>) -> String {
            match r.value {
                Some(c) => c.code().to_owned(),
                None if r.conflict => format!("{axis} in disagreement"),
                None => format!("{axis} not entered"),
            }
        }
        // The c/p/yp prefix belongs to T; without a T value it would read "cT not entered".
        let prefix = if self.t.value.is_some() {
            self.basis.map_or("", StagingBasis::prefix)
        } else {
            ""
        };
        format!(
            "{prefix}{} {} {}",
            show("T", &self.t),
            show("N", &self.n),
            show("M", &self.m)
        )
    }
}

fn derive<C: Ranked>(
    findings: &FindingsTable,
    case_findings: &std::collections::BTreeSet<Finding>,
    category_of: impl Fn(Implies) -> Option<C>,
) -> Option<Derived<C>> {
    let present: Vec<(C, Finding)> = findings
        .findings
        .iter()
        .filter(|e| case_findings.contains(&e.finding))
        .filter_map(|e| category_of(e.implies).map(|c| (c, e.finding)))
        .collect();
    let top = present.iter().filter_map(|(c, _)| c.rank()).max()?;
    let category = present.iter().find(|(c, _)| c.rank() == Some(top))?.0;
    let drivers = present
        .iter()
        .filter(|(c, _)| *c == category)
        .map(|(_, f)| *f)
        .collect();
    Some(Derived { category, drivers })
}

/// The cell of `table` for T, N and M. Tables are validated complete at load, so this is `None`
/// only for a table that did not pass [`crate::tables::ClinicalTables`]'s checks.
pub fn lookup(table: &StageTable, t: TCategory, n: NCategory, m: MCategory) -> Option<&CellValue> {
    table
        .cells
        .iter()
        .find(|c| c.t == t && c.n == n && c.m == m)
        .map(|c| &c.cell)
}

fn finding_label(findings: &FindingsTable, f: Finding) -> String {
    findings
        .findings
        .iter()
        .find(|e| e.finding == f)
        .map_or_else(|| f.label().to_owned(), |e| e.text.clone())
}

fn conflict_note<C: Ranked>(
    axis: Axis,
    r: &AxisResult<C>,
    findings: &FindingsTable,
) -> Option<String> {
    if !r.conflict {
        return None;
    }
    let (picked, derived) = (r.picked?, r.derived.as_ref()?);
    let drivers: Vec<String> = derived
        .drivers
        .iter()
        .map(|f| finding_label(findings, *f))
        .collect();
    Some(format!(
        "{axis} disagreement: {} was picked, but the ticked findings give {} ({}). \
         Resolve the disagreement to assign a stage.",
        picked.code(),
        derived.category.code(),
        drivers.join("; ")
    ))
}

/// Stages a case.
///
/// Source: PDQ Tables 1–4 (AJCC 8th edition); docs/clinical/staging-ajcc8.md (scope, unknowns,
/// disagreements, the solitary-extent rule and the same-group-from-every-reading rule).
pub fn stage(case: &Case, table: &StageTable, findings: &FindingsTable) -> StageResult {
    let f = &case.staging.findings;
    let t = AxisResult::new(
        case.staging.t,
        derive(findings, f, |i| match i {
            Implies::T(c) => Some(c),
            _ => None,
        }),
    );
    let n = AxisResult::new(
        case.staging.n,
        derive(findings, f, |i| match i {
            Implies::N(c) => Some(c),
            _ => None,
        }),
    );
    let m = AxisResult::new(
        case.staging.m,
        derive(findings, f, |i| match i {
            Implies::M(c) => Some(c),
            _ => None,
        }),
    );

    let mut notes = finding_notes(f, &t, &n, findings);
    notes.extend(conflict_note(Axis::T, &t, findings));
    notes.extend(conflict_note(Axis::N, &n, findings));
    notes.extend(conflict_note(Axis::M, &m, findings));

    let mut missing = Vec::new();
    if case.staging.basis.is_none() {
        missing.push(Input::Basis);
        notes.push(
            "Staging basis (clinical, pathological or post-neoadjuvant) not entered: the stage is \
             shown without its c/p/yp prefix."
                .to_owned(),
        );
    }
    for (axis, absent) in [
        (Axis::T, t.value.is_none() && !t.conflict),
        (Axis::N, n.value.is_none() && !n.conflict),
        (Axis::M, m.value.is_none() && !m.conflict),
    ] {
        if absent {
            missing.push(Input::from(axis));
        }
    }

    let extent_contradictions = spread_beyond_solitary(&t, &n, &m);
    let finish = |outcome, mut missing: Vec<Input>, notes| {
        missing.sort();
        missing.dedup();
        StageResult {
            edition: table.edition.clone(),
            basis: case.staging.basis,
            t: t.clone(),
            n: n.clone(),
            m: m.clone(),
            outcome,
            missing,
            beyond_solitary: extent_contradictions.clone(),
            notes,
        }
    };

    // Scope: only diffuse pleural mesothelioma has an AJCC stage. A "solitary" tumour whose
    // findings show spread (N1-N2, M1, T4) is staged by the grid as if diffuse, with the
    // contradiction shown (docs/clinical/option-selection.md#solitary).
    let mut scope_missing = Vec::new();
    match case.disease.site {
        Some(site) if site != Site::Pleural => {
            let reason = format!(
                "{} mesothelioma has no AJCC stage: the AJCC 8th edition stages diffuse pleural \
                 mesothelioma only.",
                site.label()
            );
            // No AJCC stage: the pleural inputs (basis, T, N, M) are not asked for, and the
            // notes about them do not apply.
            return finish(
                StageOutcome::NotApplicable {
                    reason: reason.clone(),
                },
                Vec::new(),
                vec![reason],
            );
        }
        Some(_) => {}
        None => scope_missing.push(Input::Site),
    }
    match case.disease.extent {
        Some(Extent::Solitary) if extent_contradictions.is_empty() => {
            let reason = "Solitary (localized) pleural mesothelioma has no AJCC stage: the AJCC \
                          8th edition stages diffuse pleural mesothelioma only."
                .to_owned();
            notes.insert(0, reason.clone());
            // The localized (solitary) list reads N and M; the stage itself needs nothing more.
            missing.retain(|i| *i == Input::Basis);
            return finish(StageOutcome::NotApplicable { reason }, missing, notes);
        }
        Some(Extent::Solitary) => notes.insert(
            0,
            format!(
                "The extent \"solitary\" contradicts the findings ({}): staged by the AJCC grid \
                 as diffuse disease. Review the extent.",
                extent_contradictions.join("; ")
            ),
        ),
        Some(Extent::Diffuse) => {}
        None if extent_contradictions.is_empty() => scope_missing.push(Input::Extent),
        None => {
            missing.push(Input::Extent);
            notes.push(format!(
                "Extent (diffuse or solitary) not entered; with {} a solitary tumour would also \
                 be staged by the AJCC grid, so the stage does not depend on it.",
                extent_contradictions.join("; ")
            ));
        }
    }

    // Every reading: each axis's value, both sides of a disagreement, or every category of an
    // axis that was not entered.
    let readings = Readings::of(&t, &n, &m);
    let mut groups = readings.groups(table);
    if groups.len() == StageGroup::ALL.len() {
        // Every group is possible: saying so tells the user nothing.
        groups.clear();
    }
    let axes_missing: Vec<Input> = missing
        .iter()
        .copied()
        .filter(|i| matches!(i, Input::T | Input::N | Input::M))
        .collect();
    let single = readings.single_group(table);

    if !scope_missing.is_empty() {
        let what: Vec<&str> = scope_missing.iter().map(|i| i.label()).collect();
        let mut blocking = scope_missing.clone();
        blocking.extend(axes_missing.iter().copied());
        let possible = groups.clone();
        if possible.is_empty() {
            notes.push(format!(
                "Stage incomplete: {} not entered. The AJCC 8th edition stages diffuse pleural \
                 mesothelioma only.",
                join_and(&what)
            ));
        } else {
            let list: Vec<&str> = possible.iter().map(|g| g.code()).collect();
            notes.push(format!(
                "Stage incomplete: {} not entered. The AJCC 8th edition stages diffuse pleural \
                 mesothelioma only; if this tumour is diffuse and pleural, the stage would be {}.",
                join_and(&what),
                join_or(&list)
            ));
        }
        missing.extend(scope_missing);
        return finish(
            StageOutcome::Incomplete {
                missing: blocking,
                possible,
            },
            missing,
            notes,
        );
    }

    if let Some(g) = single {
        let unresolved = t.conflict || n.conflict || m.conflict;
        let unknown = readings.has_unknown();
        if !axes_missing.is_empty() {
            let what: Vec<&str> = axes_missing.iter().map(|i| i.label()).collect();
            notes.push(format!(
                "{} not entered, but every category gives stage {}: assigned. Enter it for the \
                 record.",
                join_and(&what),
                g.code()
            ));
        } else if unresolved || unknown {
            notes.push(format!(
                "Every reading of the disagreement or unknown category gives stage {}: assigned.",
                g.code()
            ));
        }
        return finish(StageOutcome::Assigned(g), missing, notes);
    }

    if !axes_missing.is_empty() {
        let names: Vec<&str> = axes_missing.iter().map(|i| i.label()).collect();
        let mut note = format!(
            "Stage incomplete: {} not entered. A category that was not entered is never assumed \
             (M is never taken as M0).",
            join_and(&names)
        );
        if !groups.is_empty() {
            let list: Vec<&str> = groups.iter().map(|g| g.code()).collect();
            note.push_str(&format!(
                " Once entered, the stage could be {}.",
                join_or(&list)
            ));
        }
        notes.push(note);
        return finish(
            StageOutcome::Incomplete {
                missing: axes_missing,
                possible: groups,
            },
            missing,
            notes,
        );
    }

    // Complete input with no single group: unknown categories (TX, T0, NX) or disagreements.
    if let (Some(tv), Some(nv), Some(mv)) = (t.value, n.value, m.value)
        && let Some(CellValue::NotAssignable(reasons)) = lookup(table, tv, nv, mv)
    {
        for r in reasons {
            notes.push(r.explanation().to_owned());
        }
    }
    if !groups.is_empty() {
        let list: Vec<&str> = groups.iter().map(|g| g.code()).collect();
        notes.push(format!(
            "Depending on the unknown or disputed category, the stage would be {}.",
            join_or(&list)
        ));
    }
    finish(
        StageOutcome::NotAssignable { possible: groups },
        missing,
        notes,
    )
}

/// Notes on the ticked findings themselves: the T2-T4 qualifier, the qualifier ticked alone,
/// and contradictory ticks.
fn finding_notes(
    f: &std::collections::BTreeSet<Finding>,
    t: &AxisResult<TCategory>,
    n: &AxisResult<NCategory>,
    findings: &FindingsTable,
) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(d) = &t.derived {
        let needs_qualifier = matches!(d.category, TCategory::T2 | TCategory::T3 | TCategory::T4);
        if needs_qualifier && !f.contains(&Finding::AllIpsilateralSurfaces) {
            notes.push(format!(
                "{} was derived from findings, but involvement of all ipsilateral pleural surfaces \
                 (parietal, mediastinal, diaphragmatic, and visceral pleura), which the AJCC \
                 wording of T2-T4 presumes, is not ticked.",
                d.category.code()
            ));
        }
    } else if f.contains(&Finding::AllIpsilateralSurfaces) && t.picked.is_none() {
        notes.push(format!(
            "\"{}\" is ticked, but it qualifies the T2-T4 features and gives no T category by \
             itself: tick a T feature or pick T.",
            finding_label(findings, Finding::AllIpsilateralSurfaces)
        ));
    }
    if f.contains(&Finding::NoRegionalNodes)
        && n.derived
            .as_ref()
            .is_some_and(|d| d.category != NCategory::N0)
    {
        notes.push(
            "Contradictory findings: \"No regional lymph node metastases\" is ticked together \
             with nodal metastases; the nodal metastases were used."
                .to_owned(),
        );
    }
    if f.contains(&Finding::NoDistantMetastasis) && f.contains(&Finding::DistantMetastasis) {
        notes.push(
            "Contradictory findings: \"No distant metastasis\" is ticked together with \
             \"Distant metastasis present\"; M1 was used."
                .to_owned(),
        );
    }
    notes
}

/// What, among the entered categories and findings, shows disease beyond a solitary tumour:
/// N1-N2, M1 or T4 in any reading (docs/clinical/option-selection.md#solitary).
fn spread_beyond_solitary(
    t: &AxisResult<TCategory>,
    n: &AxisResult<NCategory>,
    m: &AxisResult<MCategory>,
) -> Vec<String> {
    let mut out = Vec::new();
    if t.candidates().contains(&TCategory::T4) {
        out.push("T4".to_owned());
    }
    for c in n.candidates() {
        if matches!(c, NCategory::N1 | NCategory::N2) {
            out.push(c.code().to_owned());
        }
    }
    if m.candidates().contains(&MCategory::M1) {
        out.push("M1".to_owned());
    }
    out
}

/// The categories each axis could be, for the same-group-from-every-reading rule.
struct Readings {
    t: Vec<TCategory>,
    n: Vec<NCategory>,
    m: Vec<MCategory>,
}

impl Readings {
    fn of(t: &AxisResult<TCategory>, n: &AxisResult<NCategory>, m: &AxisResult<MCategory>) -> Self {
        fn axis<C: Ranked>(r: &AxisResult<C>, all: &[C]) -> Vec<C> {
            let c = r.candidates();
            if c.is_empty() { all.to_vec() } else { c }
        }
        Self {
            t: axis(t, TCategory::ALL),
            n: axis(n, NCategory::ALL),
            m: axis(m, MCategory::ALL),
        }
    }

    fn has_unknown(&self) -> bool {
        self.t.iter().any(|c| c.rank().is_none()) || self.n.iter().any(|c| c.rank().is_none())
    }

    fn cells<'a>(&'a self, table: &'a StageTable) -> impl Iterator<Item = Option<&'a CellValue>> {
        self.t.iter().flat_map(move |&tc| {
            self.n
                .iter()
                .flat_map(move |&nc| self.m.iter().map(move |&mc| lookup(table, tc, nc, mc)))
        })
    }

    /// The one group every reading gives, if every reading gives a group and they agree.
    fn single_group(&self, table: &StageTable) -> Option<StageGroup> {
        let mut found = None;
        for cell in self.cells(table) {
            match (cell, found) {
                (Some(CellValue::Group(g)), None) => found = Some(*g),
                (Some(CellValue::Group(g)), Some(f)) if *g == f => {}
                _ => return None,
            }
        }
        found
    }

    /// The groups the stage could be: each reading's group, with TX also read as T1-T4 and NX
    /// as N0-N2 (T0 gives a group only with M1), in table order.
    fn groups(&self, table: &StageTable) -> Vec<StageGroup> {
        let mut ts = self.t.clone();
        if ts.contains(&TCategory::TX) {
            ts.extend(TCategory::ALL.iter().filter(|c| c.rank().is_some()));
        }
        let mut ns = self.n.clone();
        if ns.contains(&NCategory::NX) {
            ns.extend([NCategory::N0, NCategory::N1, NCategory::N2]);
        }
        StageGroup::ALL
            .iter()
            .copied()
            .filter(|&g| {
                ts.iter().any(|&tc| {
                    ns.iter().any(|&nc| {
                        self.m
                            .iter()
                            .any(|&mc| lookup(table, tc, nc, mc) == Some(&CellValue::Group(g)))
                    })
                })
            })
            .collect()
    }
}

/// "a", "a and b", "a, b and c".
pub(crate) fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "a", "a or b", "a, b or c".
pub(crate) fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Checks a stage table: every T×N×M exactly once, and each `NotAssignable` reason matching
/// its cell (TX ⇔ `PrimaryNotAssessed`, T0 ⇔ `NoPrimaryTumour`, NX ⇔ `NodesNotAssessed`).
pub(crate) fn validate_stage_table(table: &StageTable) -> Result<(), String> {
    for &t in TCategory::ALL {
        for &n in NCategory::ALL {
            for &m in MCategory::ALL {
                let count = table
                    .cells
                    .iter()
                    .filter(|c| c.t == t && c.n == n && c.m == m)
                    .count();
                match count {
                    0 => {
                        return Err(format!(
                            "missing cell {} {} {}",
                            t.code(),
                            n.code(),
                            m.code()
                        ));
                    }
                    1 => {}
                    _ => {
                        return Err(format!(
                            "duplicate cell {} {} {}",
                            t.code(),
                            n.code(),
                            m.code()
                        ));
                    }
                }
            }
        }
    }
    for c in &table.cells {
        if let CellValue::NotAssignable(reasons) = &c.cell {
            let expect_t = match c.t {
                TCategory::TX => Some(Unassignable::PrimaryNotAssessed),
                TCategory::T0 => Some(Unassignable::NoPrimaryTumour),
                _ => None,
            };
            let expect_n = (c.n == NCategory::NX).then_some(Unassignable::NodesNotAssessed);
            let expected: Vec<Unassignable> = expect_t.into_iter().chain(expect_n).collect();
            if reasons != &expected || expected.is_empty() {
                return Err(format!(
                    "cell {} {} {}: reasons {reasons:?} do not match the categories",
                    c.t.code(),
                    c.n.code(),
                    c.m.code()
                ));
            }
        }
    }
    Ok(())
}

/// Checks a findings table: every [`Finding`] exactly once, every category defined exactly once,
/// and no finding implying TX, T0 or NX (those are picked, never derived).
pub(crate) fn validate_findings(table: &FindingsTable) -> Result<(), String> {
    for &f in Finding::ALL {
        let count = table.findings.iter().filter(|e| e.finding == f).count();
        if count != 1 {
            return Err(format!(
                "finding {f:?} appears {count} times (expected once)"
            ));
        }
    }
    for e in &table.findings {
        let derivable = match e.implies {
            Implies::T(c) => c.rank().is_some(),
            Implies::N(c) => c.rank().is_some(),
            Implies::M(c) => c.rank().is_some(),
            Implies::Qualifier => true,
        };
        if !derivable {
            return Err(format!(
                "finding {:?} implies a category that cannot be derived",
                e.finding
            ));
        }
        if e.text.trim().is_empty() {
            return Err(format!("finding {:?} has no text", e.finding));
        }
    }
    let all: Vec<Category> = TCategory::ALL
        .iter()
        .map(|c| Category::T(*c))
        .chain(NCategory::ALL.iter().map(|c| Category::N(*c)))
        .chain(MCategory::ALL.iter().map(|c| Category::M(*c)))
        .collect();
    for c in &all {
        let count = table.categories.iter().filter(|x| x.category == *c).count();
        if count != 1 {
            return Err(format!(
                "category {c:?} is defined {count} times (expected once)"
            ));
        }
    }
    Ok(())
}

impl FindingsTable {
    /// The PDQ definition of a category.
    pub fn category_text(&self, category: Category) -> Option<&str> {
        self.categories
            .iter()
            .find(|c| c.category == category)
            .map(|c| c.text.as_str())
    }

    /// The PDQ wording of a finding.
    pub fn finding(&self, finding: Finding) -> Option<&FindingEntry> {
        self.findings.iter().find(|e| e.finding == finding)
    }
}
