//! The 9th-edition stage grid: strictly loaded, validated RON data.
//!
//! `assets/clinical/ajcc9_pleural_stage_groups.ron` holds every T×N×M cell (48) with the
//! unknown-category rules (`docs/clinical/staging-ajcc9.md` §6) written out as cells. The loader rejects a
//! parse error (with line and column), a missing or duplicate cell, a known T1–T4 N0–N2 cell
//! without a group, and an NX cell that disagrees with its row (an NX cell is a group exactly
//! when every N0–N2 cell of its row gives that one group).

use std::fmt;
use std::sync::OnceLock;

use crate::staging::Unassignable;
use crate::table_problem::TableProblem;
use crate::tables::{TABLE_FORMAT, TableError};
use crate::vocab::{MCategory, NCategory, TCategory, Vocab};

/// The table's file name, as errors name it.
pub const TABLE_NAME: &str = "ajcc9_pleural_stage_groups.ron";

/// The stage grid source text, embedded at compile time.
pub const STAGE_TABLE_9_RON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/clinical/ajcc9_pleural_stage_groups.ron"
));

/// A 9th-edition stage group. There is no IA/IB split in the 9th edition.
///
/// Deliberately a type of its own: an 8th-edition group cannot be stored in a 9th-edition cell.
/// Source: `docs/clinical/staging-ajcc9.md` §6 [1S: NDRS TNM 9 sheet].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[expect(
    clippy::upper_case_acronyms,
    reason = "Roman numerals are the clinical notation"
)]
pub enum StageGroup9 {
    /// Stage I
    I,
    /// Stage II
    II,
    /// Stage IIIA
    IIIA,
    /// Stage IIIB
    IIIB,
    /// Stage IV
    IV,
}

impl Vocab for StageGroup9 {
    const ALL: &'static [Self] = &[Self::I, Self::II, Self::IIIA, Self::IIIB, Self::IV];
    const NAME: &'static str = "9th-edition stage group";
    fn code(self) -> &'static str {
        match self {
            Self::I => "I",
            Self::II => "II",
            Self::IIIA => "IIIA",
            Self::IIIB => "IIIB",
            Self::IV => "IV",
        }
    }
    fn label(self) -> &'static str {
        self.code()
    }
}

impl StageGroup9 {
    /// Whether the group is stage I, which selects the PDQ's stage I (localized) lists; II–IV
    /// select the advanced lists, with a note (`docs/clinical/staging-ajcc9.md` §7).
    pub fn is_stage_one(self) -> bool {
        self == Self::I
    }
}

impl fmt::Display for StageGroup9 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The 9th-edition T×N×M grid.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageTable9 {
    /// Format of this table file.
    pub format: u32,
    /// Edition.
    pub edition: String,
    /// Chapter.
    pub chapter: String,
    /// Source document.
    pub source: String,
    /// The single-source caveat shown with every 9th-edition group.
    pub caveat: String,
    /// One cell for every T×N×M combination.
    pub cells: Vec<StageCell9>,
}

/// One cell.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageCell9 {
    /// T.
    pub t: TCategory,
    /// N.
    pub n: NCategory,
    /// M.
    pub m: MCategory,
    /// The group, or why none.
    pub cell: CellValue9,
}

/// What a cell says.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum CellValue9 {
    /// A stage group.
    Group(StageGroup9),
    /// No group, for these reasons.
    NotAssignable(Vec<Unassignable>),
}

impl StageTable9 {
    /// The cell for T, N, M (`None` only for a table that did not pass validation).
    pub fn lookup(&self, t: TCategory, n: NCategory, m: MCategory) -> Option<&CellValue9> {
        self.cells
            .iter()
            .find(|c| c.t == t && c.n == n && c.m == m)
            .map(|c| &c.cell)
    }

    /// The group of a cell, if it has one.
    pub fn group(&self, t: TCategory, n: NCategory, m: MCategory) -> Option<StageGroup9> {
        match self.lookup(t, n, m) {
            Some(CellValue9::Group(g)) => Some(*g),
            _ => None,
        }
    }

    /// The distinct groups the N0, N1 and N2 cells of a row give, in N order.
    pub fn row_groups(&self, t: TCategory, m: MCategory) -> Vec<StageGroup9> {
        let mut out = Vec::new();
        for n in KNOWN_N {
            if let Some(g) = self.group(t, n, m)
                && !out.contains(&g)
            {
                out.push(g);
            }
        }
        out
    }

    /// Parses and validates the table from its RON text.
    ///
    /// # Errors
    /// [`TableError`] naming the table and, for parse errors, the line and column.
    pub fn from_ron(text: &str) -> Result<Self, TableError> {
        let table: Self =
            ron::Options::default()
                .from_str(text)
                .map_err(|e: ron::error::SpannedError| TableError::Parse {
                    table: TABLE_NAME,
                    line: e.span.start.line,
                    column: e.span.start.col,
                    message: e.code.to_string(),
                })?;
        if table.format != TABLE_FORMAT {
            return Err(TableError::Format {
                table: TABLE_NAME,
                found: table.format,
                supported: TABLE_FORMAT,
            });
        }
        validate(&table).map_err(|problem| TableError::Invalid {
            table: TABLE_NAME,
            problem,
        })?;
        Ok(table)
    }

    /// The table embedded in this build, loaded once.
    ///
    /// # Errors
    /// [`TableError`] if the embedded table is invalid (a defect of the build, caught by tests).
    pub fn embedded() -> Result<&'static Self, TableError> {
        static TABLE: OnceLock<Result<StageTable9, TableError>> = OnceLock::new();
        TABLE
            .get_or_init(|| Self::from_ron(STAGE_TABLE_9_RON))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// N0, N1, N2: the N categories a known row has.
pub const KNOWN_N: [NCategory; 3] = [NCategory::N0, NCategory::N1, NCategory::N2];

fn cell_name(t: TCategory, n: NCategory, m: MCategory) -> String {
    format!("{} {} {}", t.code(), n.code(), m.code())
}

/// Checks the grid: every cell exactly once; T1–T4 × N0–N2 cells are groups; TX/T0 cells that
/// are not groups give exactly their reasons; an NX cell is the row's single group when the row
/// has one, else not assignable with `NodesNotAssessed` (and the T reason for TX/T0).
fn validate(table: &StageTable9) -> Result<(), TableProblem> {
    if table.edition.trim().is_empty() || table.caveat.trim().is_empty() {
        return Err(TableProblem::EmptyText {
            what: "edition and caveat",
        });
    }
    for &t in TCategory::ALL {
        for &n in NCategory::ALL {
            for &m in MCategory::ALL {
                let count = table
                    .cells
                    .iter()
                    .filter(|c| c.t == t && c.n == n && c.m == m)
                    .count();
                match count {
                    1 => {}
                    0 => {
                        return Err(TableProblem::MissingCell {
                            cell: cell_name(t, n, m),
                        });
                    }
                    _ => {
                        return Err(TableProblem::DuplicateCell {
                            cell: cell_name(t, n, m),
                        });
                    }
                }
            }
        }
    }
    for c in &table.cells {
        let name = cell_name(c.t, c.n, c.m);
        let t_reason = match c.t {
            TCategory::TX => Some(Unassignable::PrimaryNotAssessed),
            TCategory::T0 => Some(Unassignable::NoPrimaryTumour),
            _ => None,
        };
        let row_group = match table.row_groups(c.t, c.m).as_slice() {
            [g] if table.row_all_groups(c.t, c.m) => Some(*g),
            _ => None,
        };
        match (&c.cell, c.n) {
            (CellValue9::Group(g), NCategory::NX) if row_group != Some(*g) => {
                return Err(TableProblem::CellRule {
                    cell: name,
                    rule: format!("group {g} for NX, but N0-N2 of the row do not all give {g}"),
                });
            }
            (CellValue9::Group(_), _) => {}
            (CellValue9::NotAssignable(reasons), n) => {
                if n == NCategory::NX && row_group.is_some() {
                    return Err(TableProblem::CellRule {
                        cell: name,
                        rule: "every N0-N2 cell of the row gives one group, so NX must give it"
                            .to_owned(),
                    });
                }
                let expected: Vec<Unassignable> = t_reason
                    .into_iter()
                    .chain((n == NCategory::NX).then_some(Unassignable::NodesNotAssessed))
                    .collect();
                if expected.is_empty() || reasons != &expected {
                    return Err(TableProblem::ReasonsMismatch {
                        cell: name,
                        reasons: format!("{reasons:?}"),
                    });
                }
            }
        }
    }
    Ok(())
}

impl StageTable9 {
    fn row_all_groups(&self, t: TCategory, m: MCategory) -> bool {
        KNOWN_N.iter().all(|n| self.group(t, *n, m).is_some())
    }
}
