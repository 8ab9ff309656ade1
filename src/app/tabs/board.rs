//! The Board tab (issue 13): the cases of a tumor board in the order they will be presented, one
//! row each (built by [`crate::board::row`] from the core's assessment), with the buttons to add,
//! reorder, open and remove cases, save the list, and export the pack PDF and FHIR. Draws and
//! emits [`Command`]s; only the selection and the layout choice change here.

use egui::{Align, Layout, RichText, Ui};

use crate::app::board_ops::{BoardState, PackLayout};
use crate::app::command::Command;
use crate::board::COLUMNS;

/// Widths of the table's columns (points), in the order of [`COLUMNS`]; the text wraps inside.
const WIDTHS: [f32; 10] = [
    130.0, 70.0, 60.0, 80.0, 110.0, 45.0, 250.0, 140.0, 160.0, 200.0,
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

/// The Board tab. Returns the commands of the buttons pressed.
pub fn board_tab_ui(ui: &mut Ui, state: &mut BoardState) -> Vec<Command> {
    let mut commands = Vec::new();
    let selected = state.selected.filter(|&i| i < state.board.items.len());
    state.selected = selected;
    let any = !state.board.items.is_empty();
    egui::Panel::top("board_bar").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let name = state
                .board
                .file
                .as_deref()
                .and_then(|f| f.file_name())
                .map_or_else(
                    || "Unsaved board".to_owned(),
                    |n| format!("Board {}", n.to_string_lossy()),
                );
            let dirty = if state.board.is_dirty() {
                " (unsaved changes)"
            } else {
                ""
            };
            ui.label(
                RichText::new(format!("{name}{dirty} · {} cases", state.board.items.len()))
                    .strong(),
            );
            button_ui(ui, true, Command::BoardAddCases, &mut commands);
            button_ui(ui, true, Command::BoardAddFolder, &mut commands);
            button_ui(ui, true, Command::OpenBoard, &mut commands);
            button_ui(ui, any, Command::SaveBoardAs, &mut commands);
            button_ui(ui, any, Command::BoardReload, &mut commands);
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
            for layout in [PackLayout::Handout, PackLayout::Slides] {
                ui.radio_value(&mut state.layout, layout, layout.label());
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
        egui::ScrollArea::both()
            .id_salt("board_table")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                table_ui(ui, state, &mut commands);
            });
    });
    commands
}

/// The table: a header row, then one row per case (a row that could not be read shows its
/// error).
fn table_ui(ui: &mut Ui, state: &mut BoardState, commands: &mut Vec<Command>) {
    egui::Grid::new("board_grid")
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for (heading, width) in COLUMNS.iter().zip(WIDTHS) {
                cell_ui(ui, width, RichText::new(*heading).strong());
            }
            ui.end_row();
            for (i, item) in state.board.items.iter().enumerate() {
                let file = item.path.file_name().map_or_else(
                    || item.path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                let label = match &item.row {
                    Ok(row) => row.label().to_owned(),
                    Err(_) => file.clone(),
                };
                let row_ui = |ui: &mut Ui| {
                    ui.selectable_label(state.selected == Some(i), format!("{}. {label}", i + 1))
                        .on_hover_text(item.path.display().to_string())
                };
                let r = ui
                    .allocate_ui_with_layout(
                        egui::vec2(WIDTHS[0], 0.0),
                        Layout::top_down(Align::Min),
                        |ui| {
                            ui.set_width(WIDTHS[0]);
                            row_ui(ui)
                        },
                    )
                    .inner;
                if r.clicked() {
                    state.selected = Some(i);
                }
                if r.double_clicked() {
                    state.selected = Some(i);
                    commands.push(Command::BoardOpenCase);
                }
                match &item.row {
                    Ok(row) => {
                        for (text, width) in row.cells.iter().zip(WIDTHS).skip(1) {
                            cell_ui(ui, width, text.as_str());
                        }
                    }
                    Err(e) => {
                        let error = RichText::new(format!("Cannot be read: {e}"))
                            .color(ui.visuals().error_fg_color);
                        cell_ui(ui, WIDTHS[1..].iter().sum::<f32>() * 0.6, error);
                    }
                }
                ui.end_row();
            }
        });
}
