//! The re-staging line: what changed between the 8th and the 9th edition for one patient,
//! e.g. "cT3 N0 M0: 8th IB -> 9th IIIA".
//!
//! Plain comparison of the two results; no clinical rule of its own.

use super::types::{Stage9, Stage9Result};
use crate::staging::{StageResult, StageStatus};
use crate::vocab::Vocab as _;

/// One edition's side of the comparison, as text: the group, or why there is none.
fn side_8th(r: &StageResult) -> String {
    match (r.status(), r.group()) {
        (StageStatus::Assigned, Some(g)) => g.code().to_owned(),
        (StageStatus::Incomplete, _) => {
            let m: Vec<&str> = r.missing.iter().map(|i| i.code()).collect();
            format!("incomplete ({} missing)", m.join(", "))
        }
        (StageStatus::NotApplicable, _) => "not staged".to_owned(),
        _ => "not assignable".to_owned(),
    }
}

fn side_9th(r: &Stage9Result) -> String {
    match &r.stage {
        Stage9::Assigned { group } => group.code().to_owned(),
        Stage9::Incomplete { missing, .. } => {
            let m: Vec<&str> = missing.iter().map(|i| i.code()).collect();
            format!("incomplete ({} missing)", m.join(", "))
        }
        Stage9::NotApplicable { .. } => "not staged".to_owned(),
        Stage9::NotAssignable { .. } => "not assignable".to_owned(),
    }
}

/// The re-staging line for a patient staged with both editions.
///
/// Written with `->`, not an arrow character: the desktop app's default font has no U+2192
/// (egui panics on a missing glyph), and the line is shown there (issue 11).
///
/// When both editions read the same categories: `"cT3 N0 M0: 8th IB -> 9th IIIA"`. When the
/// categories differ (the 9th edition finds clinical T from measurements):
/// `"8th cT2 N0 M0 IB -> 9th cT3 N0 M0 IIIA"`. When the group is the same: `"… (unchanged)"`.
pub fn restaging_line(eighth: &StageResult, ninth: &Stage9Result) -> String {
    // Both in words: a missing category reads "T not entered", never "?" (the line is shown
    // on screen and in the report).
    let (tnm8, tnm9) = (eighth.tnm_text(), ninth.tnm_text());
    let (g8, g9) = (side_8th(eighth), side_9th(ninth));
    let unchanged = matches!(
        (eighth.group(), ninth.stage.group()),
        (Some(a), Some(b)) if a.code() == b.code()
    );
    let tail = if unchanged { " (unchanged)" } else { "" };
    if tnm8 == tnm9 {
        format!("{tnm8}: 8th {g8} -> 9th {g9}{tail}")
    } else {
        format!("8th {tnm8} {g8} -> 9th {tnm9} {g9}{tail}")
    }
}
