//! The two page layouts' sizes: the portrait handout and the landscape slides.
//!
//! The slides are 16:9 (960 × 540 pt, 13.33 × 7.5 in, the size of a presentation program's
//! widescreen slide), because the projectors and screens of a tumor board room are 16:9: a PDF
//! viewer's presentation mode then fills the screen without bars. Their body text is 16 pt, so a
//! line stays readable from the back of a room; the headline is larger.

/// Sizes (points) and rules of one page layout.
#[derive(Debug)]
pub(super) struct Style {
    /// Body text, table cells, fields, bullets.
    pub(super) text: f32,
    /// The footer.
    pub(super) small: f32,
    /// The reference list.
    pub(super) refs: f32,
    /// Section headings.
    pub(super) heading: f32,
    /// Sub-headings.
    pub(super) subheading: f32,
    /// A section's result line.
    pub(super) lead: f32,
    /// The headline box's rows.
    pub(super) headline: f32,
    /// A case's title line.
    pub(super) title: f32,
    /// The cover's title.
    pub(super) cover_title: f32,
    /// Left and right margins.
    pub(super) margin_x: f32,
    /// Top margin (to the first baseline's line box).
    pub(super) margin_top: f32,
    /// The body stops this far above the bottom edge; the footer sits below.
    pub(super) body_bottom: f32,
    /// Height of one writing line of the decision box.
    pub(super) box_line: f32,
    /// The decision box's labels, one per writing line ("" continues the one above).
    pub(super) box_labels: &'static [usize],
    /// The headline box and the decision section side by side (the slides), not one above the
    /// other.
    pub(super) opening_columns: bool,
    /// The detail of a case starts on a new page (slides: the first slide holds only the
    /// headline and the decision).
    pub(super) detail_on_new_page: bool,
    /// A case's first page repeats the export date, file and intended use under the title
    /// (the footer has them too; the slides leave them there).
    pub(super) case_byline: bool,
}

/// Indexes into `present::DECISION_BOX` (decision, attendees, date); `usize::MAX` is a
/// continuation line without a label.
const CONTINUED: usize = usize::MAX;

/// The portrait handout (A4 or Letter).
pub(super) const HANDOUT: Style = Style {
    text: 9.0,
    small: 7.5,
    refs: 8.0,
    heading: 11.5,
    subheading: 9.5,
    lead: 11.0,
    headline: 10.5,
    title: 15.0,
    cover_title: 18.0,
    margin_x: 50.0,
    margin_top: 48.0,
    body_bottom: 72.0,
    box_line: 20.0,
    box_labels: &[0, CONTINUED, CONTINUED, 1, CONTINUED, 2],
    opening_columns: false,
    detail_on_new_page: false,
    case_byline: true,
};

/// The landscape slides (16:9).
pub(super) const SLIDES: Style = Style {
    text: 16.0,
    small: 9.0,
    refs: 16.0,
    heading: 22.0,
    subheading: 17.0,
    lead: 18.0,
    headline: 18.0,
    title: 24.0,
    cover_title: 30.0,
    margin_x: 36.0,
    margin_top: 30.0,
    body_bottom: 64.0,
    box_line: 28.0,
    box_labels: &[0, CONTINUED, 1, 2],
    opening_columns: true,
    detail_on_new_page: true,
    case_byline: false,
};

/// The slide page, width × height in points.
pub(super) const SLIDE_SIZE: (f32, f32) = (960.0, 540.0);

/// Whether `i` of [`Style::box_labels`] continues the line above.
pub(super) fn continued(i: usize) -> bool {
    i == CONTINUED
}
