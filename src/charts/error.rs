//! Why a chart could not be drawn or saved.

/// A chart could not be drawn or saved.
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
pub enum ChartError {
    /// The canvas has no 2D drawing context.
    #[error("the canvas has no 2D drawing context")]
    NoContext,
    /// Drawing failed (the reason from the drawing library).
    #[error("drawing the chart failed: {0}")]
    Drawing(String),
    /// The browser refused an operation (e.g. reading the canvas as PNG).
    #[error("the browser refused: {0}")]
    Browser(String),
}
