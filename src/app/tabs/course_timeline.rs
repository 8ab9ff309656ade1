//! The disease-course timeline, painted with egui's painter: a date axis (years, months), one
//! lane per kind of event (systemic therapy, radiotherapy, surgery, status, tumor board), bars
//! for lines and radiotherapy (an open-ended one drawn to today with a dashed end and labelled
//! so), markers for the other events. Every item has its words beside it, a tooltip with the
//! whole event, and an accessible label; colour is never the only carrier of meaning (each kind
//! has its own shape and lane). Only what was entered is drawn; nothing is computed.

use egui::{Align2, Color32, FontId, Rect, Sense, Shape, Stroke, Ui, pos2, vec2};
use mesocds_core::Case;
use mesocds_core::ajcc9::Date;
use mesocds_core::course::{CourseEvent, Recurrence, Remission};

use super::course_marks::{
    AXIS_HEIGHT, Item, Mark, Palette, ROW_HEIGHT, axis_ui, day_number, draw_bar, draw_marker,
    marker_label_span,
};
use crate::present::{END_NOT_ENTERED, agents_text, board_text, event_text, response_text};

/// Width of the lane names on the left (points).
const LANE_LABEL_WIDTH: f32 = 118.0;
/// Rows of labels a marker lane may use before labels overlap.
const MAX_LABEL_ROWS: usize = 3;

/// A lane: its name and items; bars get a row each, markers share rows.
struct Lane {
    name: &'static str,
    bars: bool,
    items: Vec<Item>,
}

fn lanes(case: &Case, today_day: i64, pal: &Palette) -> Vec<Lane> {
    let lane = |name, bars| Lane {
        name,
        bars,
        items: Vec::new(),
    };
    let mut systemic = lane("Systemic therapy", true);
    let mut radio = lane("Radiotherapy", true);
    let mut surgery = lane("Surgery", false);
    let mut status = lane("Disease status", false);
    let mut board = lane("Tumor board", false);
    for e in case.course.sorted() {
        let start = day_number(e.date());
        let end = e.end().map(day_number);
        let full = event_text(e);
        let bar = |label: String, color| Item {
            start,
            end: Some(end.unwrap_or(today_day.max(start))),
            open_ended: end.is_none(),
            mark: Mark::Circle,
            color,
            label,
            full: full.clone(),
        };
        let marker = |mark, color, label: String| Item {
            start,
            end: None,
            open_ended: false,
            mark,
            color,
            label,
            full: full.clone(),
        };
        match e {
            CourseEvent::SystemicLine {
                agents, response, ..
            } => {
                let mut label = format!("{} · {}", agents_text(agents), response_text(*response));
                if end.is_none() {
                    label = format!("{label} · {END_NOT_ENTERED}");
                }
                systemic.items.push(bar(label, pal.systemic));
            }
            CourseEvent::Radiotherapy { .. } => {
                let label = if end.is_none() {
                    format!("Radiotherapy · {END_NOT_ENTERED}")
                } else {
                    "Radiotherapy".to_owned()
                };
                radio.items.push(bar(label, pal.radiotherapy));
            }
            CourseEvent::Surgery { .. } => {
                surgery
                    .items
                    .push(marker(Mark::Diamond, pal.surgery, e.describe()));
            }
            CourseEvent::Diagnosis { .. } => {
                status
                    .items
                    .push(marker(Mark::Circle, pal.neutral, e.describe()));
            }
            CourseEvent::Remission { depth, .. } => {
                let filled = *depth == Remission::Complete;
                let mark = Mark::TriangleUp { filled };
                status.items.push(marker(mark, pal.remission, e.describe()));
            }
            CourseEvent::Recurrence { extent, .. } => {
                let filled = *extent == Recurrence::Distant;
                let mark = Mark::TriangleDown { filled };
                status
                    .items
                    .push(marker(mark, pal.recurrence, e.describe()));
            }
        }
    }
    board.items = board_items(case, pal);
    [systemic, radio, surgery, status, board]
        .into_iter()
        .filter(|l| !l.items.is_empty())
        .collect()
}

/// The board entries by date (filled squares) and their next reviews (outlined squares).
fn board_items(case: &Case, pal: &Palette) -> Vec<Item> {
    let mut items = Vec::new();
    let mut entries: Vec<_> = case.board.iter().collect();
    entries.sort_by_key(|b| b.date);
    for b in entries {
        items.push(Item {
            start: day_number(b.date),
            end: None,
            open_ended: false,
            mark: Mark::Square { filled: true },
            color: pal.neutral,
            label: format!("Board {}", b.date),
            full: board_text(b),
        });
        if let Some(next) = b.next_review {
            items.push(Item {
                start: day_number(next),
                end: None,
                open_ended: false,
                mark: Mark::Square { filled: false },
                color: pal.neutral,
                label: format!("Next review {next}"),
                full: format!("Next review {next} (tumor board of {})", b.date),
            });
        }
    }
    items
}

/// The latest date the case's course and board entries name, if any.
fn latest_date(case: &Case) -> Option<Date> {
    let events = case
        .course
        .events
        .iter()
        .flat_map(|e| [Some(e.date()), e.end()]);
    let board = case
        .board
        .iter()
        .flat_map(|b| [Some(b.date), b.next_review]);
    events.chain(board).flatten().max()
}

/// The days the axis spans: every item, with a margin on each side.
fn day_range(lanes: &[Lane], fallback: i64) -> (i64, i64) {
    let items = || lanes.iter().flat_map(|l| l.items.iter());
    let first = items().map(|i| i.start).min().unwrap_or(fallback);
    let last = items()
        .map(|i| i.end.unwrap_or(i.start))
        .max()
        .unwrap_or(first);
    let pad = ((last - first) / 25).max(20);
    (first - pad, last + pad)
}

/// Rows: each bar its own; markers packed into up to [`MAX_LABEL_ROWS`] rows so that their
/// labels do not overlap. Returns (lane, item, row) for every item, and the rows of each lane.
fn pack_rows(
    ui: &Ui,
    lanes: &[Lane],
    (x_of, plot): (&impl Fn(i64) -> f32, (f32, f32)),
    font: &FontId,
) -> (Vec<(usize, usize, usize)>, Vec<usize>) {
    let mut placed = Vec::new();
    let mut lane_rows = Vec::new();
    for (li, lane) in lanes.iter().enumerate() {
        // The spans taken in each row of this lane.
        let mut taken: Vec<Vec<(f32, f32)>> = Vec::new();
        for (ii, item) in lane.items.iter().enumerate() {
            let row = if lane.bars {
                ii
            } else {
                let w = ui
                    .painter()
                    .layout_no_wrap(item.label.clone(), font.clone(), Color32::WHITE)
                    .size()
                    .x;
                let (_, (l, r)) = marker_label_span(x_of(item.start), w, plot);
                let free =
                    |row: &Vec<(f32, f32)>| row.iter().all(|(a, b)| r + 6.0 < *a || *b + 6.0 < l);
                let row = taken.iter().position(free).unwrap_or_else(|| {
                    taken.push(Vec::new());
                    taken.len() - 1
                });
                let row = row.min(MAX_LABEL_ROWS - 1);
                if let Some(spans) = taken.get_mut(row) {
                    spans.push((l, r));
                }
                row
            };
            placed.push((li, ii, row));
        }
        lane_rows.push(if lane.bars {
            lane.items.len()
        } else {
            taken.len().clamp(1, MAX_LABEL_ROWS)
        });
    }
    (placed, lane_rows)
}

/// The timeline of `case`'s course and board entries; `today` ends open-ended bars.
pub(super) fn timeline_ui(ui: &mut Ui, case: &Case, today: Option<Date>) {
    let pal = Palette::of(ui);
    let Some(latest) = latest_date(case) else {
        ui.label(
            egui::RichText::new(
                "No dated event yet: the timeline appears when the first event is added below.",
            )
            .weak(),
        );
        return;
    };
    let today_day = today.map_or_else(|| day_number(latest), day_number);
    let lanes = lanes(case, today_day, &pal);
    let (lo, hi) = day_range(&lanes, today_day);

    let font = FontId::proportional(12.0);
    let width = ui.available_width().max(300.0);
    let plot_left = ui.cursor().left() + LANE_LABEL_WIDTH;
    let plot_width = width - LANE_LABEL_WIDTH - 8.0;
    let x_of = |day: i64| plot_left + plot_width * (day - lo) as f32 / (hi - lo) as f32;
    let plot_span = (plot_left, plot_left + plot_width);
    let (placed, lane_rows) = pack_rows(ui, &lanes, (&x_of, plot_span), &font);
    let lane_height = |rows: usize| rows as f32 * ROW_HEIGHT + 8.0;
    let height = AXIS_HEIGHT + lane_rows.iter().map(|r| lane_height(*r)).sum::<f32>();
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let (n_events, n_board) = (case.course.events.len(), case.board.len());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::accesskit::Role::Figure,
            true,
            format!(
                "Disease course timeline: {n_events} events and {n_board} tumor-board entries; \
                 each is listed below"
            ),
        )
    });
    let painter = ui.painter_at(rect);
    let v = ui.visuals();
    let (text, weak) = (v.text_color(), v.weak_text_color());
    let grid = Stroke::new(1.0, v.widgets.noninteractive.bg_stroke.color);
    let plot = Rect::from_min_max(
        pos2(plot_left, rect.top()),
        pos2(plot_left + plot_width, rect.bottom()),
    );

    axis_ui(&painter, plot, (lo, hi), &x_of, (text, grid));
    if today.is_some() && (lo..=hi).contains(&today_day) {
        let x = x_of(today_day);
        let top = plot.top() + AXIS_HEIGHT - 6.0;
        let line = [pos2(x, top), pos2(x, plot.bottom())];
        painter.add(Shape::dashed_line(&line, Stroke::new(1.0, weak), 4.0, 3.0));
        let at = pos2(x, top - 2.0);
        painter.text(at, Align2::CENTER_BOTTOM, "today", font.clone(), weak);
    }

    // The lanes: a line above each, its name on the left.
    let mut lane_top = Vec::new();
    let mut y = rect.top() + AXIS_HEIGHT;
    for (lane, rows) in lanes.iter().zip(&lane_rows) {
        lane_top.push(y);
        painter.line_segment([pos2(rect.left(), y), pos2(rect.right(), y)], grid);
        let name = lane.name.to_owned();
        let name = painter.layout(name, font.clone(), text, LANE_LABEL_WIDTH - 8.0);
        painter.galley(pos2(rect.left(), y + 4.0), name, text);
        y += lane_height(*rows);
    }
    for (li, ii, row) in placed {
        let item = &lanes[li].items[ii];
        let row_top = lane_top[li] + 4.0 + row as f32 * ROW_HEIGHT;
        let x0 = x_of(item.start);
        let style = (&font, text, plot);
        let hit = match item.end {
            Some(end) => draw_bar(&painter, item, (x0, x_of(end)), row_top, style),
            None => draw_marker(&painter, item, x0, row_top, style),
        };
        let id = ui.scope_id().with(("course_timeline", li, ii));
        // Tab reaches every item too: a focus ring and the hover text while it has the focus.
        let r = ui
            .interact(hit, id, Sense::hover() | Sense::focusable_noninteractive())
            .on_hover_text(&item.full);
        if r.has_focus() {
            let ring = ui.visuals().selection.stroke;
            painter.rect_stroke(hit.expand(2.0), 3.0, ring, egui::StrokeKind::Outside);
            r.show_tooltip_text(&item.full);
        }
        r.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::ListItem, true, &item.full)
        });
    }
}
