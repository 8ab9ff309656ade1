//! Small input widgets shared by the tabs. Every input carries an accessible label.

use egui::{RichText, Ui};
use mesocds_core::vocab::{Input, Vocab};

use crate::present::NOT_ENTERED_LABEL;

/// A labelled combo box for an optional vocabulary value, with "Not entered".
pub fn choice_ui<T: Vocab>(ui: &mut Ui, label: &str, value: &mut Option<T>) {
    let selected = value.map_or(NOT_ENTERED_LABEL, Vocab::label);
    egui::ComboBox::from_label(label)
        .selected_text(selected)
        .width(220.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, NOT_ENTERED_LABEL);
            for v in T::ALL {
                ui.selectable_value(value, Some(*v), v.label());
            }
        });
}

/// A labelled yes / no / not entered choice.
pub fn tri_state_ui(ui: &mut Ui, label: &str, value: &mut Option<bool>) {
    let text = match value {
        None => NOT_ENTERED_LABEL,
        Some(true) => "Yes",
        Some(false) => "No",
    };
    egui::ComboBox::from_label(label)
        .selected_text(text)
        .width(120.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, NOT_ENTERED_LABEL);
            ui.selectable_value(value, Some(true), "Yes");
            ui.selectable_value(value, Some(false), "No");
        });
}

/// A labelled one-line number field. The text is kept as typed; `parse` turns it into the value
/// (or "not entered"), and its error is shown under the field, in which case the value is not used.
pub fn number_field_ui<T>(
    ui: &mut Ui,
    label: &str,
    unit: &str,
    text: &mut String,
    value: &mut Option<T>,
    parse: impl Fn(&str) -> Result<Option<T>, String>,
) {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        let edit = egui::TextEdit::singleline(text)
            .desired_width(90.0)
            .hint_text(NOT_ENTERED_LABEL);
        ui.add(edit).labelled_by(l.id);
        ui.label(RichText::new(unit).weak());
    });
    match parse(text) {
        Ok(v) => *value = v,
        Err(message) => {
            *value = None;
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("Warning: {message} Not used."),
            );
        }
    }
}

/// A list of missing inputs, with their flag names.
pub fn missing_ui(ui: &mut Ui, missing: &[Input]) {
    if missing.is_empty() {
        return;
    }
    let names: Vec<&str> = missing.iter().map(|i| i.label()).collect();
    ui.colored_label(
        ui.visuals().warn_fg_color,
        format!("Missing: {}", names.join(", ")),
    );
}

/// Notes as a bulleted list.
pub fn notes_ui(ui: &mut Ui, notes: &[String]) {
    for n in notes {
        ui.horizontal_wrapped(|ui| {
            ui.label("•");
            ui.label(n);
        });
    }
}

/// A section heading.
pub fn heading_ui(ui: &mut Ui, text: &str) {
    ui.add_space(6.0);
    ui.heading(text);
    ui.separator();
}
