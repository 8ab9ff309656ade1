//! Small input widgets shared by the tabs. Every input carries an accessible label.
//!
//! Fields that an input of the core names ([`Input`]) register with [`field_target`], so that
//! "still missing" on the Case tab can take the user to them ([`go_to_field`]).

use egui::{Align, Id, Key, Response, RichText, Ui};
use mesocds_core::vocab::{Input, Vocab};

use crate::present::NOT_ENTERED_LABEL;

/// A labelled combo box for an optional vocabulary value, with "Not entered".
pub fn choice_ui<T: Vocab>(ui: &mut Ui, label: &str, value: &mut Option<T>) -> Response {
    let selected = value.map_or(NOT_ENTERED_LABEL, Vocab::label);
    egui::ComboBox::from_label(label)
        .selected_text(selected)
        .width(choice_width(ui))
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, NOT_ENTERED_LABEL);
            for v in T::ALL {
                ui.selectable_value(value, Some(*v), v.label());
            }
        })
        .response
}

/// [`choice_ui`] for the field of `input`, which "still missing" can take the user to.
pub fn input_choice_ui<T: Vocab>(
    ui: &mut Ui,
    (label, input): (&str, Input),
    value: &mut Option<T>,
) {
    let r = choice_ui(ui, label, value);
    field_target(ui, input, &r);
}

/// The width of a combo box: 220 points, less when the window is narrow (150% zoom on a small
/// screen), so that its label stays beside it.
pub fn choice_width(ui: &Ui) -> f32 {
    (ui.available_width() * 0.5).clamp(120.0, 220.0)
}

/// A labelled yes / no / not entered choice, for the field of `input`.
pub fn tri_state_ui(ui: &mut Ui, input: Input, label: &str, value: &mut Option<bool>) {
    let text = match value {
        None => NOT_ENTERED_LABEL,
        Some(true) => "Yes",
        Some(false) => "No",
    };
    let r = egui::ComboBox::from_label(label)
        .selected_text(text)
        .width(120.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, NOT_ENTERED_LABEL);
            ui.selectable_value(value, Some(true), "Yes");
            ui.selectable_value(value, Some(false), "No");
        })
        .response;
    field_target(ui, input, &r);
}

/// A labelled one-line number field for `input`, with its message line always reserved.
///
/// The text is kept as typed; `parse` turns it into the value (or "not entered"), and its error
/// is shown under the field, in which case the value is not used. The line under the field is
/// always there, so that the fields below never move while the user types.
pub fn number_field_ui<T>(
    ui: &mut Ui,
    input: Input,
    label_unit: (&str, &str),
    text: &mut String,
    value: &mut Option<T>,
    parse: impl Fn(&str) -> Result<Option<T>, String>,
) {
    let r = text_field_ui(ui, label_unit, text, value, parse);
    field_target(ui, input, &r);
}

/// [`number_field_ui`] for a field that no [`Input`] names (the date of diagnosis, the
/// 9th-edition measurements, the PCI total). Returns the text edit's response.
pub fn text_field_ui<T>(
    ui: &mut Ui,
    (label, unit): (&str, &str),
    text: &mut String,
    value: &mut Option<T>,
    parse: impl Fn(&str) -> Result<Option<T>, String>,
) -> Response {
    let r = ui
        .horizontal(|ui| {
            let l = ui.label(label);
            let edit = egui::TextEdit::singleline(text)
                .desired_width(90.0)
                .hint_text(NOT_ENTERED_LABEL);
            let r = ui.add(edit).labelled_by(l.id);
            ui.label(RichText::new(unit).weak());
            r
        })
        .inner;
    let message = match parse(text) {
        Ok(v) => {
            *value = v;
            None
        }
        Err(message) => {
            *value = None;
            Some(message)
        }
    };
    // One reserved line: the message, or a blank label of the same height.
    let text = message
        .as_ref()
        .map_or_else(|| " ".to_owned(), |m| format!("Warning: {m} Not used."));
    let line =
        ui.add(egui::Label::new(RichText::new(text).color(ui.visuals().error_fg_color)).truncate());
    if let Some(m) = message {
        line.on_hover_text(m);
    }
    r
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

/// Notes as warnings: each in a frame, in the warning colour.
pub fn warnings_ui(ui: &mut Ui, warnings: &[String]) {
    for w in warnings {
        warning_frame_ui(ui, |ui| {
            ui.label(
                RichText::new(format!("Warning: {w}"))
                    .strong()
                    .color(ui.visuals().warn_fg_color),
            );
        });
    }
}

/// A full-width framed block in the warning style.
pub fn warning_frame_ui(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    let stroke = egui::Stroke::new(1.5, ui.visuals().warn_fg_color);
    egui::Frame::group(ui.style())
        .stroke(stroke)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui);
        });
}

/// A section heading.
pub fn heading_ui(ui: &mut Ui, text: &str) -> Response {
    ui.add_space(6.0);
    let r = ui.heading(text);
    ui.separator();
    r
}

/// The vertical scroll area of a tab, with its own id and keyboard scrolling.
///
/// `id` is the tab's own, so each tab keeps its own scroll position (they shared one state,
/// issue 10). Its scroll bar is always there (drawn only when the content overflows): a bar that
/// comes and goes is animated in and out on every tab switch (~12 frames) and moves the content
/// sideways. While no text field has the keyboard, `PageUp`, `PageDown`, `Home`, `End` and the
/// arrow keys scroll it (the arrows only while no widget has focus: with a focused widget they
/// move the focus).
pub fn tab_scroll_ui<R>(ui: &mut Ui, id: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::ScrollArea::vertical()
        .id_salt(id)
        .auto_shrink([false, false])
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            keyboard_scroll(ui);
            add(ui)
        })
        .inner
}

/// Scrolls the enclosing scroll area by a page, a few lines or to an end, for the keys pressed.
fn keyboard_scroll(ui: &Ui) {
    let ctx = ui.ctx();
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    let nothing_focused = ctx.memory(|m| m.focused().is_none());
    let page = (ui.clip_rect().height() - 40.0).max(40.0);
    let line = ui.text_style_height(&egui::TextStyle::Body) * 3.0;
    let delta: f32 = ctx.input(|i| {
        let mut d = 0.0;
        if i.key_pressed(Key::PageDown) {
            d -= page;
        }
        if i.key_pressed(Key::PageUp) {
            d += page;
        }
        if nothing_focused {
            if i.key_pressed(Key::ArrowDown) {
                d -= line;
            }
            if i.key_pressed(Key::ArrowUp) {
                d += line;
            }
            if i.key_pressed(Key::End) {
                d -= 1.0e7;
            }
            if i.key_pressed(Key::Home) {
                d += 1.0e7;
            }
        }
        d
    });
    if delta != 0.0 {
        ui.scroll_with_delta_animation(egui::vec2(0.0, delta), ui.style().scroll_animation);
    }
}

fn goto_id() -> Id {
    Id::unique("mesocds_go_to_field")
}

/// Asks the field of `input` to scroll into view and take the keyboard focus when it is next
/// drawn (the caller shows its tab).
pub fn go_to_field(ctx: &egui::Context, input: Input) {
    ctx.data_mut(|d| d.insert_temp(goto_id(), input));
}

/// Registers `response` as the field of `input`: if the user asked to go to it, it is scrolled
/// into view and focused.
pub fn field_target(ui: &Ui, input: Input, response: &Response) {
    let wanted = ui.ctx().data(|d| d.get_temp::<Input>(goto_id()));
    if wanted == Some(input) {
        ui.ctx().data_mut(|d| d.remove::<Input>(goto_id()));
        response.scroll_to_me(Some(Align::Center));
        response.request_focus();
    }
}
