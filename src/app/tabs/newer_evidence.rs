//! The "Newer evidence (not in the PDQ version used)" panel of the Treatment options tab, and the
//! one-line pointer on each PDQ card that a newer trial concerns (issue 12).
//!
//! The panel is drawn apart from the PDQ cards: its own frame, colour and heading, after them. A
//! negative or harmful result is drawn in the warning colour and says so in words (the core's
//! direction labels: "harm", "no benefit"). Every sentence comes from the core's
//! `mesocds_core::evidence` (the same wording as the report and the JSON); this file only draws
//! (docs/clinical/newer-evidence.md).

use egui::{Color32, RichText, Stroke, Ui};
use mesocds_core::evidence::{AppliedEvidence, Caveat, Direction, EvidenceTable};

use super::ViewCtx;
use crate::app::widgets::missing_ui;

/// The panel's own accent (violet), unlike any colour of the PDQ cards.
const ACCENT: Color32 = Color32::from_rgb(0x7b, 0x4f, 0xb8);

fn accent_fill() -> Color32 {
    Color32::from_rgba_unmultiplied(0x7b, 0x4f, 0xb8, 20)
}

/// The colour of a result or an entry's overall line: the warning colour when it is negative.
fn direction_color(ui: &Ui, d: Direction) -> Color32 {
    if d.is_negative() {
        ui.visuals().warn_fg_color
    } else {
        ui.visuals().text_color()
    }
}

fn entry_ui(ui: &mut Ui, index: usize, a: &AppliedEvidence<'_>) {
    let e = a.entry;
    ui.add_space(6.0);
    ui.label(
        RichText::new(format!("{index}. {}", e.heading()))
            .strong()
            .size(15.0)
            .color(ACCENT),
    );
    ui.label(e.design_line());
    ui.label(
        RichText::new(e.direction_line())
            .strong()
            .color(direction_color(ui, e.direction)),
    );
    for r in &e.results {
        ui.colored_label(
            direction_color(ui, r.direction),
            format!("• {}", e.result_line(r)),
        );
    }
    for w in e.withheld_lines() {
        ui.label(RichText::new(format!("• {w}")).weak());
    }
    for n in &e.notes {
        ui.label(RichText::new(n).italics());
    }
    ui.label(RichText::new("Why it is shown for this patient:").strong());
    for r in &a.reasons {
        ui.label(format!("• {}", r.text()));
    }
    for c in &a.caveats {
        // A qualification is a warning, except a performance status within the trial's limit.
        let color = if matches!(c, Caveat::EcogWithin(..)) {
            ui.visuals().text_color()
        } else {
            ui.visuals().warn_fg_color
        };
        ui.colored_label(color, format!("• {}", c.text(&e.trial)));
    }
    missing_ui(ui, &a.missing);
    ui.label(
        RichText::new(format!("Reference: {}", e.citation_line()))
            .small()
            .weak(),
    );
}

fn footer_ui(ui: &mut Ui, table: &EvidenceTable) {
    let footer = table.footer();
    if footer.is_empty() {
        return;
    }
    ui.separator();
    ui.label(RichText::new("Guideline changes").strong());
    for line in footer {
        ui.label(format!("• {line}"));
    }
}

/// The "Newer evidence (not in the PDQ version used)" panel: every entry that applies to the open
/// case, then the guideline changes once. Drawn after the PDQ cards.
pub fn newer_evidence_ui(ui: &mut Ui, view: ViewCtx<'_>) {
    let table = &view.tables.evidence;
    let applied = &view.assessment.newer_evidence;
    ui.add_space(8.0);
    egui::Frame::new()
        .fill(accent_fill())
        .stroke(Stroke::new(2.0, ACCENT))
        .corner_radius(6)
        .inner_margin(10)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(&table.title)
                    .size(18.0)
                    .strong()
                    .color(ACCENT),
            );
            ui.label(RichText::new(table.scope_line()).weak());
            if applied.is_empty() {
                ui.label(EvidenceTable::NONE_APPLIES);
            }
            for (i, a) in applied.iter().enumerate() {
                entry_ui(ui, i + 1, a);
            }
            footer_ui(ui, table);
        });
}

/// The one-line pointer on the PDQ card of `option_id`, one per newer trial that concerns it.
///
/// `option_id` is an id of `pdq_treatment_options.ron`. E.g. MARS 2 on extrapleural pneumonectomy
/// and on pleurectomy/decortication; nothing when no trial concerns the option. A negative or
/// harmful trial's pointer is in the warning colour.
pub fn evidence_pointer_ui(ui: &mut Ui, view: ViewCtx<'_>, option_id: &str) {
    for a in view
        .assessment
        .newer_evidence
        .iter()
        .filter(|a| a.concerns(option_id))
    {
        let color = if a.entry.direction.is_negative() {
            ui.visuals().warn_fg_color
        } else {
            ACCENT
        };
        ui.label(RichText::new(a.pointer()).strong().color(color));
    }
}
