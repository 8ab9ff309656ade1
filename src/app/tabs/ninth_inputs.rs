//! The 9th-edition inputs of the Staging tab (issue 11): Psum as three levels or a sum, Fmax,
//! a 9th-edition T picked directly, and the cT4 items that no 8th-edition finding names, with
//! a collapsible panel on how Psum and Fmax are measured (`docs/clinical/staging-ajcc9.md` §2,
//! §3 and §9). Every value is read by the core's parser; its message (with the centimetre hint)
//! is shown under the field.

use egui::{RichText, Ui};
use mesocds_core::Case;
use mesocds_core::ajcc9::{MEASUREMENT_HELP, Millimetres, NinthFinding, Psum, PsumLevels};
use mesocds_core::vocab::Vocab as _;

use super::edition_form::{EditionFormText, PsumMode, parse_fmax, parse_mm, parse_psum};
use crate::app::widgets::{choice_ui, heading_ui, text_field_ui};

/// The heading of the 9th-edition inputs.
pub const NINTH_INPUTS_HEADING: &str = "9th-edition inputs (CT measurements)";

/// The 9th-edition inputs.
pub fn ninth_inputs_ui(ui: &mut Ui, case: &mut Case, form: &mut EditionFormText) {
    heading_ui(ui, NINTH_INPUTS_HEADING);
    egui::CollapsingHeader::new("How Psum and Fmax are measured")
        .id_salt("measurement_help")
        .show(ui, |ui| {
            ui.add(egui::Label::new(MEASUREMENT_HELP).wrap());
        });
    ui.horizontal(|ui| {
        ui.label("Psum entered as");
        ui.radio_value(&mut form.psum_mode, PsumMode::Levels, "three levels");
        ui.radio_value(&mut form.psum_mode, PsumMode::Sum, "a sum");
    });
    let ninth = &mut case.staging.ninth;
    match form.psum_mode {
        PsumMode::Levels => psum_levels_ui(ui, &mut form.psum_levels, &mut ninth.psum),
        PsumMode::Sum => {
            text_field_ui(
                ui,
                ("Psum (sum)", "mm"),
                &mut form.psum_sum,
                &mut ninth.psum,
                parse_psum,
            );
        }
    }
    text_field_ui(
        ui,
        ("Fmax", "mm"),
        &mut form.fmax,
        &mut ninth.fmax,
        parse_fmax,
    );
    choice_ui(ui, "9th-edition T (picked)", &mut ninth.t);
    ui.label(
        RichText::new(
            "On a clinical basis the measurements give cT; a pick here is compared with them. \
             The cT2 features mediastinal fat and a solitary chest-wall focus are ticked among \
             the 8th-edition findings above.",
        )
        .weak(),
    );
    ui.add_space(4.0);
    ui.label(RichText::new("9th-edition cT4 items").strong());
    ui.indent("ninth_findings", |ui| {
        for f in NinthFinding::ALL {
            let mut on = ninth.findings.contains(f);
            if ui.checkbox(&mut on, f.label()).changed() {
                if on {
                    ninth.findings.insert(*f);
                } else {
                    ninth.findings.remove(f);
                }
            }
        }
    });
}

/// Three level fields; Psum is their sum once all three are read, and the core checks the sum.
fn psum_levels_ui(ui: &mut Ui, text: &mut [String; 3], psum: &mut Option<Psum>) {
    let mut levels: [Option<Millimetres>; 3] = [None; 3];
    for ((label, t), v) in ["Psum upper third", "Psum middle third", "Psum lower third"]
        .into_iter()
        .zip(text.iter_mut())
        .zip(levels.iter_mut())
    {
        text_field_ui(ui, (label, "mm"), t, v, parse_mm);
    }
    let entered = levels.iter().filter(|l| l.is_some()).count();
    let (value, message) = match levels {
        [Some(u), Some(m), Some(l)] => match PsumLevels::new(u, m, l) {
            Ok(levels) => (
                Some(Psum::Levels(levels)),
                format!("Psum {} (sum of the three levels)", levels.sum()),
            ),
            Err(e) => (None, format!("Warning: {e} Not used.")),
        },
        _ if entered == 0 => (None, " ".to_owned()),
        _ => (
            None,
            "Psum: enter all three levels (or switch to a sum); not used until then.".to_owned(),
        ),
    };
    *psum = value;
    ui.add(egui::Label::new(message).wrap());
}
