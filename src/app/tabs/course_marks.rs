//! The painting of the disease-course timeline ([`super::course_timeline`]): the date axis,
//! bars and markers, their colours for the light and the dark theme, and the day arithmetic.
//! Each kind of event has its own shape, so colour is never the only carrier of meaning.

use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, Ui, pos2, vec2,
};
use mesocds_core::ajcc9::Date;

/// Height of the date axis (points).
pub(super) const AXIS_HEIGHT: f32 = 34.0;
/// Height of one row of a lane (points).
pub(super) const ROW_HEIGHT: f32 = 24.0;
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's `days_from_civil`).
pub(super) fn day_number(d: Date) -> i64 {
    let (m, day) = (i64::from(d.month()), i64::from(d.day()));
    let y = i64::from(d.year()) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The shape of a marker: each kind its own, so colour is not the only difference.
#[derive(Clone, Copy)]
pub(super) enum Mark {
    Circle,
    Diamond,
    TriangleUp { filled: bool },
    TriangleDown { filled: bool },
    Square { filled: bool },
}

/// Colours that read on the light and the dark theme.
pub(super) struct Palette {
    pub(super) systemic: Color32,
    pub(super) radiotherapy: Color32,
    pub(super) surgery: Color32,
    pub(super) remission: Color32,
    pub(super) recurrence: Color32,
    pub(super) neutral: Color32,
}

impl Palette {
    pub(super) fn of(ui: &Ui) -> Self {
        let v = ui.visuals();
        if v.dark_mode {
            Self {
                systemic: Color32::from_rgb(110, 170, 240),
                radiotherapy: Color32::from_rgb(240, 170, 80),
                surgery: Color32::from_rgb(200, 150, 235),
                remission: Color32::from_rgb(110, 205, 130),
                recurrence: Color32::from_rgb(245, 120, 120),
                neutral: v.strong_text_color(),
            }
        } else {
            Self {
                systemic: Color32::from_rgb(25, 95, 170),
                radiotherapy: Color32::from_rgb(175, 90, 0),
                surgery: Color32::from_rgb(115, 55, 160),
                remission: Color32::from_rgb(25, 120, 50),
                recurrence: Color32::from_rgb(185, 30, 30),
                neutral: v.strong_text_color(),
            }
        }
    }
}

/// One thing to draw: a bar (start to end) or a marker, its words and its accessible label.
pub(super) struct Item {
    pub(super) start: i64,
    /// The end day of a bar; `None` for a marker.
    pub(super) end: Option<i64>,
    pub(super) open_ended: bool,
    pub(super) mark: Mark,
    pub(super) color: Color32,
    pub(super) label: String,
    pub(super) full: String,
}

/// The date axis: year lines with their labels, month ticks, and month names when there is room.
pub(super) fn axis_ui(
    painter: &egui::Painter,
    plot: Rect,
    (lo, hi): (i64, i64),
    x_of: &impl Fn(i64) -> f32,
    (text, grid): (Color32, Stroke),
) {
    let font = FontId::proportional(12.0);
    let axis_y = plot.top() + AXIS_HEIGHT - 4.0;
    painter.line_segment(
        [pos2(plot.left(), axis_y), pos2(plot.right(), axis_y)],
        grid,
    );
    let px_per_month = (x_of(hi) - x_of(lo)) / ((hi - lo) as f32 / 30.44);
    let year_of = |day: i64| 1970 + (day as f64 / 365.2425).floor() as i64;
    // The first year is named at the left edge when its 1 January is before the axis and the
    // next 1 January leaves room for the name.
    let first_year = year_of(lo);
    let jan1 = |y: i64| Date::new(u16::try_from(y).unwrap_or(1900), 1, 1).map(day_number);
    let room = jan1(first_year + 1).is_ok_and(|next| x_of(next) - plot.left() > 40.0);
    if room && jan1(first_year).is_ok_and(|d| d < lo) {
        let at = pos2(plot.left() + 1.0, plot.top() + 2.0);
        painter.text(
            at,
            Align2::LEFT_TOP,
            first_year.to_string(),
            font.clone(),
            text,
        );
    }
    for year in year_of(lo) - 1..=year_of(hi) + 1 {
        for month in 1..=12u8 {
            let Ok(d) = Date::new(u16::try_from(year).unwrap_or(1900), month, 1) else {
                continue;
            };
            let day = day_number(d);
            if !(lo..=hi).contains(&day) {
                continue;
            }
            let x = x_of(day);
            if month == 1 {
                painter.line_segment([pos2(x, plot.top() + 2.0), pos2(x, plot.bottom())], grid);
                // A year too close to the right edge for its name keeps only its line.
                if x + 34.0 > plot.right() {
                    continue;
                }
                painter.text(
                    pos2(x + 3.0, plot.top() + 2.0),
                    Align2::LEFT_TOP,
                    year.to_string(),
                    font.clone(),
                    text,
                );
            } else if px_per_month >= 5.0 {
                painter.line_segment([pos2(x, axis_y - 4.0), pos2(x, axis_y)], grid);
                // A month name that would run past the right edge is left out (its tick stays).
                if px_per_month >= 34.0 && x + 24.0 <= plot.right() {
                    painter.text(
                        pos2(x + 2.0, axis_y - 4.0),
                        Align2::LEFT_BOTTOM,
                        MONTHS[usize::from(month - 1)],
                        FontId::proportional(10.0),
                        text,
                    );
                }
            }
        }
    }
}

/// A bar from `x0` to `x1` with its label above; an open-ended bar ends in a dashed outline and
/// an arrow. Returns the area that shows the tooltip.
pub(super) fn draw_bar(
    painter: &egui::Painter,
    item: &Item,
    (x0, x1): (f32, f32),
    row_top: f32,
    (font, text, plot): (&FontId, Color32, Rect),
) -> Rect {
    let x1 = x1.max(x0 + 4.0);
    let bar = Rect::from_min_max(
        pos2(x0, row_top + 13.0),
        pos2(x1, row_top + ROW_HEIGHT - 2.0),
    );
    if item.open_ended {
        // A short solid start, then a dashed outline to today: the end is not known, so no
        // length is drawn as if it were.
        let solid_end = x0 + ((x1 - x0) * 0.3).min(24.0);
        painter.rect_filled(
            Rect::from_min_max(bar.min, pos2(solid_end, bar.bottom())),
            CornerRadius::same(2),
            item.color,
        );
        let dashed = Rect::from_min_max(pos2(solid_end, bar.top()), bar.max);
        let pts = [
            dashed.left_top(),
            dashed.right_top(),
            dashed.right_bottom(),
            dashed.left_bottom(),
        ];
        painter.add(Shape::dashed_line(
            &[pts[0], pts[1]],
            Stroke::new(1.5, item.color),
            4.0,
            3.0,
        ));
        painter.add(Shape::dashed_line(
            &[pts[3], pts[2]],
            Stroke::new(1.5, item.color),
            4.0,
            3.0,
        ));
        let tip = pos2(bar.right() + 7.0, bar.center().y);
        painter.add(Shape::convex_polygon(
            vec![
                pos2(bar.right(), bar.top() - 2.0),
                tip,
                pos2(bar.right(), bar.bottom() + 2.0),
            ],
            item.color,
            Stroke::NONE,
        ));
    } else {
        painter.rect(
            bar,
            CornerRadius::same(2),
            item.color,
            Stroke::NONE,
            StrokeKind::Inside,
        );
    }
    let galley = painter.layout_no_wrap(item.label.clone(), font.clone(), text);
    let w = galley.size().x;
    let left = x0.min(plot.right() - w).max(plot.left());
    label_background(
        painter,
        Rect::from_min_size(pos2(left, row_top), galley.size()),
    );
    painter.galley(pos2(left, row_top), galley, text);
    Rect::from_min_max(
        pos2(x0.min(left), row_top),
        pos2((left + w).max(x1 + 7.0), bar.bottom()),
    )
}

/// Half the size of a marker (points).
const MARKER_RADIUS: f32 = 6.0;

/// Where the label of a marker at `x`, `w` points wide, goes: to its right, or to its left when
/// it would leave the plot (`left`, `right`). Returns the label's left and the span marker and
/// label cover together.
pub(super) fn marker_label_span(x: f32, w: f32, (left, right): (f32, f32)) -> (f32, (f32, f32)) {
    let r = MARKER_RADIUS;
    let label_left = if x + r + 4.0 + w <= right {
        x + r + 4.0
    } else {
        (x - r - 4.0 - w).max(left)
    };
    (
        label_left,
        (label_left.min(x - r), (label_left + w).max(x + r)),
    )
}

/// A marker at `x` with its label to the right (to the left when it would leave the plot).
pub(super) fn draw_marker(
    painter: &egui::Painter,
    item: &Item,
    x: f32,
    row_top: f32,
    (font, text, plot): (&FontId, Color32, Rect),
) -> Rect {
    let c = pos2(x, row_top + ROW_HEIGHT / 2.0);
    let r = MARKER_RADIUS;
    let stroke = Stroke::new(1.8, item.color);
    let poly = |pts: Vec<Pos2>, filled: bool| {
        if filled {
            Shape::convex_polygon(pts, item.color, Stroke::NONE)
        } else {
            Shape::closed_line(pts, stroke)
        }
    };
    let shape = match item.mark {
        Mark::Circle => Shape::circle_filled(c, r * 0.8, item.color),
        Mark::Diamond => poly(
            vec![
                c - vec2(0.0, r),
                c + vec2(r, 0.0),
                c + vec2(0.0, r),
                c - vec2(r, 0.0),
            ],
            true,
        ),
        Mark::TriangleUp { filled } => poly(
            vec![
                c + vec2(0.0, -r),
                c + vec2(r, r * 0.8),
                c + vec2(-r, r * 0.8),
            ],
            filled,
        ),
        Mark::TriangleDown { filled } => poly(
            vec![
                c + vec2(-r, -r * 0.8),
                c + vec2(r, -r * 0.8),
                c + vec2(0.0, r),
            ],
            filled,
        ),
        Mark::Square { filled: true } => Shape::rect_filled(
            Rect::from_center_size(c, vec2(r * 1.6, r * 1.6)),
            0.0,
            item.color,
        ),
        Mark::Square { filled: false } => Shape::rect_stroke(
            Rect::from_center_size(c, vec2(r * 1.6, r * 1.6)),
            0.0,
            stroke,
            StrokeKind::Inside,
        ),
    };
    painter.add(shape);
    let galley = painter.layout_no_wrap(item.label.clone(), font.clone(), text);
    let w = galley.size().x;
    let (left, _) = marker_label_span(x, w, (plot.left(), plot.right()));
    let h = galley.size().y;
    label_background(
        painter,
        Rect::from_min_size(pos2(left, c.y - h / 2.0), galley.size()),
    );
    painter.galley(pos2(left, c.y - h / 2.0), galley, text);
    Rect::from_min_max(
        pos2(left.min(x - r), row_top),
        pos2((left + w).max(x + r), row_top + ROW_HEIGHT),
    )
}

/// The panel's colour under a label, so the year lines and the dashed "today" line that cross
/// it do not run through its letters.
fn label_background(painter: &egui::Painter, rect: Rect) {
    let fill = painter.ctx().global_style().visuals.panel_fill;
    painter.rect_filled(rect.expand(1.0), 2.0, fill);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days() {
        let d = |t: &str| day_number(t.parse().expect("date"));
        assert_eq!(d("1970-01-01"), 0);
        assert_eq!(d("2000-03-01") - d("2000-02-28"), 2);
        assert_eq!(d("2025-01-01") - d("2024-01-01"), 366);
        assert_eq!(d("2024-07-01") - d("2024-03-01"), 122);
    }
}
