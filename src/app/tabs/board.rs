//! The Board tab (issue 13): the cases of a tumor board in the order they will be presented, one
//! row each (built by [`crate::board::row`] from the core's assessment), with the buttons to add,
//! reorder, open and remove cases, save the list, and export the pack PDF and FHIR. Draws and
//! emits [`Command`]s; only the selection and the layout choice change here.

use egui::{Align, Layout, RichText, Ui};

use crate::app::board_ops::BoardState;
use crate::app::command::Command;
use crate::board::COLUMNS;
use crate::report::pdf::PdfLayout;

/// Widths of the table's columns (points), in the order of [`COLUMNS`]; the text wraps inside.
const WIDTHS: [f32; 10] = [
    120.0, 65.0, 60.0, 75.0, 100.0, 45.0, 230.0, 130.0, 150.0, 180.0,
];

/// A command button; its shortcut, when it has one, shows on hover.
fn button_ui(ui: &mut Ui, enabled: bool, command: Command, commands: &mut Vec<Command>) {
    let mut response = ui.add_enabled(enabled, egui::Button::new(command.label()));
    if let Some(keys) = command.shortcut() {
        response = response.on_hover_text(format!("Shortcut: {}", ui.ctx().format_shortcut(&keys)));
    }
    if response.clicked() {
        commands.push(command);
    }
}

/// A table cell of `width` whose text wraps.
fn cell_ui(ui: &mut Ui, width: f32, text: impl Into<egui::WidgetText>) {
    ui.allocate_ui_with_layout(egui::vec2(width, 0.0), Layout::top_down(Align::Min), |ui| {
        ui.set_width(width);
        ui.add(egui::Label::new(text).wrap());
    });
}

/// The most lines the question cell shows; the full question is in its tooltip and its
/// accessible label.
const QUESTION_LINES: usize = 3;

/// A table cell of `width` showing at most [`QUESTION_LINES`] lines of `text`, cut at a word
/// with "…" when longer; the whole text shows on hover and is the cell's accessible label.
fn clamped_cell_ui(ui: &mut Ui, width: f32, text: &str) {
    ui.allocate_ui_with_layout(egui::vec2(width, 0.0), Layout::top_down(Align::Min), |ui| {
        ui.set_width(width);
        let font = egui::TextStyle::Body.resolve(ui.style());
        let layout = |t: String| {
            let mut job =
                egui::text::LayoutJob::simple(t, font.clone(), egui::Color32::PLACEHOLDER, width);
            job.wrap.max_rows = QUESTION_LINES;
            job.wrap.overflow_character = Some('…');
            ui.fonts_mut(|f| f.layout_job(job))
        };
        let mut galley = layout(text.to_owned());
        if galley.elided {
            // Cut back to the last whole word shown.
            let shown = galley.text().trim_end_matches('…').to_owned();
            let cut = shown
                .rfind(char::is_whitespace)
                .map_or(&*shown, |i| &shown[..i]);
            galley = layout(format!("{}…", cut.trim_end()));
        }
        let elided = galley.text() != text;
        let response = ui.add(egui::Label::new(galley));
        if elided {
            let full = text.to_owned();
            response
                .on_hover_text(text)
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &full));
        }
    });
}

/// A cell of the table's scrolled part: its text, width, and whether it is clamped to
/// [`QUESTION_LINES`].
type Cell = (egui::WidgetText, f32, bool);

/// The Board tab. Returns the commands of the buttons pressed.
pub fn board_tab_ui(ui: &mut Ui, state: &mut BoardState) -> Vec<Command> {
    let mut commands = Vec::new();
    let selected = state.selected.filter(|&i| i < state.board.items.len());
    state.selected = selected;
    let any = !state.board.items.is_empty();
    egui::Panel::top("board_bar").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            // The buttons first, so they stay in place while the board's name and count change.
            button_ui(ui, true, Command::BoardAddCases, &mut commands);
            button_ui(ui, true, Command::BoardAddFolder, &mut commands);
            button_ui(ui, true, Command::OpenBoard, &mut commands);
            button_ui(ui, any, Command::SaveBoardAs, &mut commands);
            button_ui(ui, any, Command::BoardReload, &mut commands);
            let n = state.board.items.len();
            ui.label(
                RichText::new(format!(
                    "{} · {n} {}",
                    state.board.status(),
                    if n == 1 { "case" } else { "cases" }
                ))
                .strong(),
            );
        });
        ui.horizontal_wrapped(|ui| {
            let sel = selected.is_some();
            let last = state.board.items.len().saturating_sub(1);
            button_ui(
                ui,
                sel && selected != Some(0),
                Command::BoardMove(true),
                &mut commands,
            );
            button_ui(
                ui,
                sel && selected != Some(last),
                Command::BoardMove(false),
                &mut commands,
            );
            button_ui(ui, sel, Command::BoardOpenCase, &mut commands);
            button_ui(ui, sel, Command::BoardRemove, &mut commands);
            ui.separator();
            ui.label("Pack layout:");
            for (layout, label) in [
                (PdfLayout::Handout, "Handout (portrait)"),
                (PdfLayout::Slides, "Slides (landscape, to project)"),
            ] {
                ui.radio_value(&mut state.layout, layout, label);
            }
            button_ui(ui, any, Command::BoardExportPack, &mut commands);
            button_ui(ui, any, Command::BoardExportFhir, &mut commands);
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        if !any {
            ui.label(
                "No cases on this board yet. Add cases… or Add folder…, open a saved board, or \
                 drop case files (.ron) on this window.",
            );
            return;
        }
        ui.label(
            RichText::new(
                "Cases in the order they will be presented. Select a row (click, or Tab and \
                 Space), then Alt+Up / Alt+Down to move it; double-click or Open case to open it.",
            )
            .weak(),
        );
        // The header stays in view: it scrolls sideways with the rows (last frame's offset),
        // never up and away. The Label column stays put (drawn shifted by that offset, over the
        // cells scrolled under it) so every row keeps its patient in view.
        let offset_id = ui.scope_id().with("board_table_x");
        let x = ui.data(|d| d.get_temp::<f32>(offset_id)).unwrap_or(0.0);
        egui::ScrollArea::horizontal()
            .id_salt("board_header")
            .horizontal_scroll_offset(x)
            .scroll_source(egui::scroll_area::ScrollSource::NONE)
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
            .show(ui, |ui| header_ui(ui, x));
        ui.separator();
        let body = egui::ScrollArea::both()
            .id_salt("board_table")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                table_ui(ui, state, x, &mut commands);
            });
        let new_x = body.state.clamped_offset().x;
        if (new_x - x).abs() > 0.5 {
            ui.data_mut(|d| d.insert_temp(offset_id, new_x));
            ui.ctx().request_repaint();
        }
    });
    commands
}

/// One table row: the cells side by side, top-aligned, the row as tall as its tallest cell.
/// `first` draws the first cell, kept in view at the left while the rest scroll sideways by
/// `x` (drawn over them, on an opaque background); the rest are wrapped texts.
fn row_ui<R>(
    ui: &mut Ui,
    x: f32,
    first: impl FnOnce(&mut Ui) -> R,
    rest: &[Cell],
    fill: Option<egui::Color32>,
) -> (R, egui::Rect) {
    // A placeholder behind the row, filled once its height is known.
    let background = ui.painter().add(egui::Shape::Noop);
    let inner = ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = CELL_GAP;
        let (slot, _) = ui.allocate_exact_size(egui::vec2(WIDTHS[0], 0.0), egui::Sense::hover());
        for (text, width, clamped) in rest {
            if *clamped {
                clamped_cell_ui(ui, *width, text.text());
            } else {
                cell_ui(ui, *width, text.clone());
            }
        }
        slot
    });
    let slot = inner.inner;
    let row = inner.response.rect;
    // The frozen first cell: an opaque background over the cells scrolled under it.
    let cell = egui::Rect::from_min_size(
        slot.min + egui::vec2(x, 0.0),
        egui::vec2(WIDTHS[0], row.height()),
    );
    let cover = ui.painter().add(egui::Shape::Noop);
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(cell)
            .layout(Layout::top_down(Align::Min)),
    );
    let r = first(&mut child);
    let used = child.min_rect().union(cell);
    // A first cell taller than the others makes the row taller.
    let extra = used.bottom() - row.bottom();
    if extra > 0.0 {
        ui.add_space(extra);
    }
    let rect = row
        .union(used.translate(egui::vec2(-x, 0.0)))
        .expand2(egui::vec2(4.0, 3.0));
    // Over the first column and the gap after it, so nothing scrolled under it shows.
    let cover_rect = egui::Rect::from_x_y_ranges(
        (used.left() - 4.0)..=(cell.right() + CELL_GAP),
        rect.y_range(),
    );
    let panel = ui.visuals().panel_fill;
    let mut shapes = vec![egui::Shape::rect_filled(cover_rect, 0.0, panel)];
    if let Some(fill) = fill {
        ui.painter()
            .set(background, egui::Shape::rect_filled(rect, 2.0, fill));
        shapes.push(egui::Shape::rect_filled(cover_rect, 0.0, fill));
    }
    ui.painter().set(cover, egui::Shape::Vec(shapes));
    ui.add_space(6.0);
    (r, rect)
}

/// Space between two columns.
const CELL_GAP: f32 = 10.0;

/// The table's header row (`x`: the sideways scroll of the rows).
fn header_ui(ui: &mut Ui, x: f32) {
    let header: Vec<Cell> = COLUMNS
        .iter()
        .zip(WIDTHS)
        .skip(1)
        .map(|(h, w)| (RichText::new(*h).strong().into(), w, false))
        .collect();
    row_ui(
        ui,
        x,
        |ui| ui.label(RichText::new(COLUMNS[0]).strong()),
        &header,
        None,
    );
}

/// The table's rows, one per case (a row that could not be read shows its error; a row that
/// may be the same patient as another says so under its label).
fn table_ui(ui: &mut Ui, state: &mut BoardState, x: f32, commands: &mut Vec<Command>) {
    let question = COLUMNS.len() - 1;
    for (i, item) in state.board.items.iter().enumerate() {
        let file = item.path.file_name().map_or_else(
            || item.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let (label, rest): (String, Vec<Cell>) = match &item.row {
            Ok(row) => (
                row.label().to_owned(),
                row.cells
                    .iter()
                    .zip(WIDTHS)
                    .enumerate()
                    .skip(1)
                    .map(|(c, (t, w))| (t.as_str().into(), w, c == question))
                    .collect(),
            ),
            Err(e) => {
                let error = RichText::new(format!("Cannot be read: {e}"))
                    .color(ui.visuals().error_fg_color);
                (
                    file,
                    vec![(error.into(), WIDTHS[1..].iter().sum::<f32>() * 0.7, false)],
                )
            }
        };
        let warning = state.board.duplicate_warning(i);
        let selected = state.selected == Some(i);
        let v = ui.visuals();
        let fill = if selected {
            Some(v.selection.bg_fill.gamma_multiply(0.35))
        } else {
            (i % 2 == 1).then_some(v.faint_bg_color)
        };
        let path = item.path.display().to_string();
        let (r, rect) = row_ui(
            ui,
            x,
            |ui| {
                let r = ui
                    .selectable_label(selected, format!("{}. {label}", i + 1))
                    .on_hover_text(path);
                if let Some(w) = warning {
                    ui.colored_label(ui.visuals().warn_fg_color, format!("Warning: {w}"));
                }
                r
            },
            &rest,
            fill,
        );
        // A click anywhere on the row selects it (the label alone takes the keyboard focus).
        let whole = ui.interact(
            rect,
            ui.scope_id().with(("board_row", i)),
            egui::Sense::click(),
        );
        if r.clicked() || whole.clicked() {
            state.selected = Some(i);
        }
        if r.double_clicked() || whole.double_clicked() {
            state.selected = Some(i);
            commands.push(Command::BoardOpenCase);
        }
    }
}
