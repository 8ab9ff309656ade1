//! Load-time checks of the stage grid and the findings table.

use super::{
    Category, CellValue, FindingEntry, FindingsTable, Implies, Ranked as _, StageTable,
    Unassignable,
};
use crate::table_problem::TableProblem;
use crate::vocab::{Finding, MCategory, NCategory, TCategory, Vocab as _};

/// Checks a stage table: every T×N×M exactly once, and each `NotAssignable` reason matching
/// its cell (TX ⇔ `PrimaryNotAssessed`, T0 ⇔ `NoPrimaryTumour`, NX ⇔ `NodesNotAssessed`).
pub(crate) fn validate_stage_table(table: &StageTable) -> Result<(), TableProblem> {
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
                        return Err(TableProblem::MissingCell {
                            cell: format!("{} {} {}", t.code(), n.code(), m.code()),
                        });
                    }
                    1 => {}
                    _ => {
                        return Err(TableProblem::DuplicateCell {
                            cell: format!("{} {} {}", t.code(), n.code(), m.code()),
                        });
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
                return Err(TableProblem::ReasonsMismatch {
                    cell: format!("{} {} {}", c.t.code(), c.n.code(), c.m.code()),
                    reasons: format!("{reasons:?}"),
                });
            }
        }
    }
    Ok(())
}

/// Checks a findings table: every [`Finding`] exactly once, every category defined exactly once,
/// and no finding implying TX, T0 or NX (those are picked, never derived).
pub(crate) fn validate_findings(table: &FindingsTable) -> Result<(), TableProblem> {
    for &f in Finding::ALL {
        let count = table.findings.iter().filter(|e| e.finding == f).count();
        if count != 1 {
            return Err(TableProblem::FindingCount { finding: f, count });
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
            return Err(TableProblem::FindingNotDerivable { finding: e.finding });
        }
        if e.text.trim().is_empty() {
            return Err(TableProblem::FindingWithoutText { finding: e.finding });
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
            return Err(TableProblem::CategoryCount {
                category: format!("{c:?}"),
                count,
            });
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
