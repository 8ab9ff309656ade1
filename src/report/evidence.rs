//! The report's "Newer evidence (not in the PDQ version used)" section, after the PDQ options:
//! each applied entry with its design, every result with its direction, its date, tag where not
//! \[2S\], why it applies to this patient and its own reference; the guideline changes once at
//! the end. Every sentence comes from the core (`mesocds_core::evidence`); nothing is worded here
//! (docs/clinical/newer-evidence.md).

use mesocds_core::evidence::{AppliedEvidence, EvidenceTable};

use super::model::{Block, Section, SectionKind, missing_line};

/// The one-line pointers shown last on a PDQ option that newer trials concern (e.g. MARS 2 on
/// the surgical options): one bullet each, or nothing.
pub(super) fn pointer_block(applied: &[AppliedEvidence<'_>], option_id: &str) -> Option<Block> {
    let pointers: Vec<String> = applied
        .iter()
        .filter(|a| a.concerns(option_id))
        .map(AppliedEvidence::pointer)
        .collect();
    (!pointers.is_empty()).then_some(Block::Bullets(pointers))
}

/// The newer-evidence section of one case. It is always printed, so that a case with no entry
/// says so and the guideline changes are listed.
pub(super) fn evidence_section(applied: &[AppliedEvidence<'_>], table: &EvidenceTable) -> Section {
    let mut blocks = vec![Block::Text(table.scope_line())];
    if applied.is_empty() {
        blocks.push(Block::Text(EvidenceTable::NONE_APPLIES.to_owned()));
    }
    for (i, a) in applied.iter().enumerate() {
        let e = a.entry;
        blocks.push(Block::Subheading(format!("{}. {}", i + 1, e.heading())));
        blocks.push(Block::Text(e.design_line()));
        blocks.push(Block::Text(e.direction_line()));
        blocks.push(Block::Bullets(e.result_lines()));
        if !e.notes.is_empty() {
            blocks.push(Block::Bullets(
                e.notes.iter().map(|n| format!("Note: {n}")).collect(),
            ));
        }
        blocks.push(Block::Text("Why it is shown for this patient:".to_owned()));
        blocks.push(Block::Bullets(a.applies_because()));
        blocks.extend(missing_line(&a.missing));
        blocks.push(Block::Text(format!("Reference: {}", e.citation_line())));
    }
    let footer = table.footer();
    if !footer.is_empty() {
        blocks.push(Block::Subheading("Guideline changes".to_owned()));
        blocks.push(Block::Bullets(footer));
    }
    Section {
        kind: SectionKind::Detail,
        heading: table.title.clone(),
        blocks,
    }
}
