//! One form row per value of a list in the case (course events, board entries), kept in step
//! with it: a row remembers the value it was built from or last wrote, so a change made
//! elsewhere (undo, redo, opening a file) rebuilds the row instead of being overwritten by it.

use mesocds_core::course::{BoardEntry, CourseEvent};

use super::course_form::{BoardForm, EventForm};

/// A form that edits a value of the case field by field.
pub trait RowForm: Clone + Eq + std::fmt::Debug {
    /// The value in the case.
    type Value: Clone + Eq + std::fmt::Debug;
    /// The form of `value`.
    fn of(value: &Self::Value) -> Self;
    /// Writes every field that reads into `value`.
    fn apply(&self, value: &mut Self::Value);
}

impl RowForm for EventForm {
    type Value = CourseEvent;
    fn of(value: &CourseEvent) -> Self {
        Self::from_event(value)
    }
    fn apply(&self, value: &mut CourseEvent) {
        self.apply_to(value);
    }
}

impl RowForm for BoardForm {
    type Value = BoardEntry;
    fn of(value: &BoardEntry) -> Self {
        Self::from_entry(value)
    }
    fn apply(&self, value: &mut BoardEntry) {
        self.apply_to(value);
    }
}

/// One form row and the value it was last in step with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row<F: RowForm> {
    /// The fields as typed.
    pub form: F,
    /// The value the row was built from or last wrote.
    pub source: F::Value,
}

/// The rows of one list (course events or board entries), parallel to the case's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rows<F: RowForm>(pub Vec<Row<F>>);

impl<F: RowForm> Default for Rows<F> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<F: RowForm> Rows<F> {
    /// Rows for `values`.
    pub fn of(values: &[F::Value]) -> Self {
        Self(
            values
                .iter()
                .map(|v| Row {
                    form: F::of(v),
                    source: v.clone(),
                })
                .collect(),
        )
    }

    /// Rebuilds the rows whose value changed elsewhere (undo, redo, another tab), and all of
    /// them when the number of values changed.
    pub fn sync(&mut self, values: &[F::Value]) {
        if self.0.len() != values.len() {
            *self = Self::of(values);
            return;
        }
        for (row, v) in self.0.iter_mut().zip(values) {
            if row.source != *v {
                *row = Row {
                    form: F::of(v),
                    source: v.clone(),
                };
            }
        }
    }

    /// Writes what each row reads into its value, and remembers the result.
    pub fn apply(&mut self, values: &mut [F::Value]) {
        for (row, v) in self.0.iter_mut().zip(values.iter_mut()) {
            row.form.apply(v);
            row.source = v.clone();
        }
    }

    /// Inserts a row for `value` at `index`, in step with the case's list.
    pub fn insert(&mut self, index: usize, value: &F::Value) {
        let row = Row {
            form: F::of(value),
            source: value.clone(),
        };
        self.0.insert(index.min(self.0.len()), row);
    }

    /// Removes the row at `index`, in step with the case's list.
    pub fn remove(&mut self, index: usize) {
        if index < self.0.len() {
            self.0.remove(index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mesocds_core::ajcc9::Date;

    fn d(t: &str) -> Date {
        t.parse().expect("date")
    }

    #[test]
    fn rows_follow_changes_made_elsewhere() {
        let mut values = vec![CourseEvent::Diagnosis {
            date: d("2024-02-01"),
        }];
        let mut rows = Rows::<EventForm>::of(&values);
        rows.0[0].form.date = "2024-02-0".to_owned();
        // Undo elsewhere changes the value: the half-typed text gives way to it.
        values[0] = CourseEvent::Diagnosis {
            date: d("2023-01-01"),
        };
        rows.sync(&values);
        assert_eq!(rows.0[0].form.date, "2023-01-01");
        rows.0[0].form.date = "2023-01-05".to_owned();
        rows.apply(&mut values);
        assert_eq!(values[0].date(), d("2023-01-05"));
    }
}
