//! Pure geometry of the strategy map's connectors: from the cards' rectangles and the links
//! between them to SVG path strings. No web dependency; tested natively.
//!
//! Coordinates are CSS pixels relative to the map container (x to the right, y down). A
//! connector leaves its *from* card at the edge facing the *to* card and ends on the facing
//! edge of the *to* card, as a cubic Bézier that starts and ends perpendicular to those edges.
//! When several connectors meet one edge of a card they are spread along it, ordered by
//! where their other ends lie, so they do not cross needlessly.

use std::collections::HashMap;

/// A card's rectangle.
#[derive(Clone, Copy, PartialEq, Debug, Default)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width (≥ 0).
    pub width: f64,
    /// Height (≥ 0).
    pub height: f64,
}

impl Rect {
    /// A rectangle from its left, top, width and height.
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// The centre.
    pub fn center(&self) -> Point {
        Point {
            x: self.x + self.width / 2.0,
            y: self.y + self.height / 2.0,
        }
    }

    /// Whether every coordinate is a finite number and the size is not negative.
    pub fn is_usable(&self) -> bool {
        [self.x, self.y, self.width, self.height]
            .iter()
            .all(|v| v.is_finite())
            && self.width >= 0.0
            && self.height >= 0.0
    }

    /// The point at fraction `t` (0…1) along one edge: left to right for the top and bottom
    /// edges, top to bottom for the left and right edges.
    pub fn edge_point(&self, side: Side, t: f64) -> Point {
        let t = t.clamp(0.0, 1.0);
        match side {
            Side::Top => Point::new(self.x + self.width * t, self.y),
            Side::Bottom => Point::new(self.x + self.width * t, self.bottom()),
            Side::Left => Point::new(self.x, self.y + self.height * t),
            Side::Right => Point::new(self.right(), self.y + self.height * t),
        }
    }
}

/// A point.
#[derive(Clone, Copy, PartialEq, Debug, Default)]
pub struct Point {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
}

impl Point {
    /// A point from its coordinates.
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }
}

/// An edge of a card.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Side {
    /// The top edge.
    Top,
    /// The bottom edge.
    Bottom,
    /// The left edge.
    Left,
    /// The right edge.
    Right,
}

impl Side {
    /// The outward unit normal of the edge.
    pub fn normal(self) -> (f64, f64) {
        match self {
            Side::Top => (0.0, -1.0),
            Side::Bottom => (0.0, 1.0),
            Side::Left => (-1.0, 0.0),
            Side::Right => (1.0, 0.0),
        }
    }

    fn is_horizontal(self) -> bool {
        matches!(self, Side::Top | Side::Bottom)
    }
}

/// The two kinds of link drawn on the map.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum LinkKind {
    /// A sub-objective contributes to a strategic objective.
    Contribution,
    /// A sub-objective is a cause of another (cause → effect).
    Cause,
}

impl LinkKind {
    /// The `data-kind` value: `contribution` or `cause`.
    pub fn key(self) -> &'static str {
        match self {
            LinkKind::Contribution => "contribution",
            LinkKind::Cause => "cause",
        }
    }
}

/// An item on the map a connector can attach to.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum Item {
    /// A strategic objective, by id.
    Objective(String),
    /// A sub-objective, by id.
    SubObjective(String),
}

/// A link to draw: always from a sub-objective; to an objective (contribution) or to another
/// sub-objective (cause → effect).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Link {
    /// The sub-objective the link starts at.
    pub from: String,
    /// The objective or sub-objective it points to.
    pub to: String,
    /// Contribution or cause → effect.
    pub kind: LinkKind,
}

impl Link {
    /// The item the link starts at.
    pub fn from_item(&self) -> Item {
        Item::SubObjective(self.from.clone())
    }

    /// The item the link points to.
    pub fn to_item(&self) -> Item {
        match self.kind {
            LinkKind::Contribution => Item::Objective(self.to.clone()),
            LinkKind::Cause => Item::SubObjective(self.to.clone()),
        }
    }
}

/// A connector ready to draw.
#[derive(Clone, PartialEq, Debug)]
pub struct Connector {
    /// The link it draws.
    pub link: Link,
    /// Where it leaves the *from* card.
    pub start: Point,
    /// Where it reaches the *to* card (the arrow's tip).
    pub end: Point,
    /// The SVG path data, `M x y C x1 y1, x2 y2, x y`.
    pub path: String,
}

/// Smallest vertical gap (px) between two cards for the connector to run vertically; closer
/// cards (side by side in one row) are joined edge to edge horizontally.
pub const MIN_VERTICAL_GAP: f64 = 8.0;

/// Smallest distance (px) of a Bézier control point from its end point.
pub const MIN_BEND: f64 = 24.0;

/// The edges a connector leaves `from` and reaches `to` by: top and bottom when one card lies
/// clearly above the other, else the facing left and right edges (or, for overlapping cards,
/// by their centres).
pub fn sides(from: &Rect, to: &Rect) -> (Side, Side) {
    let gap_up = from.y - to.bottom(); // `to` above `from`
    let gap_down = to.y - from.bottom(); // `to` below `from`
    let gap_right = to.x - from.right();
    let gap_left = from.x - to.right();
    let vertical = gap_up.max(gap_down);
    let horizontal = gap_right.max(gap_left);
    if vertical >= MIN_VERTICAL_GAP || (horizontal <= 0.0 && vertical > 0.0) {
        if gap_up >= gap_down {
            (Side::Top, Side::Bottom)
        } else {
            (Side::Bottom, Side::Top)
        }
    } else if horizontal > 0.0 {
        if gap_right >= gap_left {
            (Side::Right, Side::Left)
        } else {
            (Side::Left, Side::Right)
        }
    } else {
        // Overlapping cards: go by the centres.
        let (a, b) = (from.center(), to.center());
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        if dy.abs() >= dx.abs() {
            if dy <= 0.0 {
                (Side::Top, Side::Bottom)
            } else {
                (Side::Bottom, Side::Top)
            }
        } else if dx >= 0.0 {
            (Side::Right, Side::Left)
        } else {
            (Side::Left, Side::Right)
        }
    }
}

/// The cubic Bézier path from `start` (leaving by `start_side`) to `end` (arriving at
/// `end_side` from outside), as SVG path data with one decimal.
pub fn cubic_path(start: Point, start_side: Side, end: Point, end_side: Side) -> String {
    let along = if start_side.is_horizontal() {
        (end.y - start.y).abs()
    } else {
        (end.x - start.x).abs()
    };
    let bend = (along / 2.0).max(MIN_BEND);
    let (sx, sy) = start_side.normal();
    let (ex, ey) = end_side.normal();
    let c1 = Point::new(start.x + sx * bend, start.y + sy * bend);
    let c2 = Point::new(end.x + ex * bend, end.y + ey * bend);
    format!(
        "M{} {} C{} {}, {} {}, {} {}",
        num(start.x),
        num(start.y),
        num(c1.x),
        num(c1.y),
        num(c2.x),
        num(c2.y),
        num(end.x),
        num(end.y)
    )
}

/// A coordinate with at most one decimal, without a trailing `.0` and never `-0`.
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r };
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// The connectors for `links`, given each item's rectangle. Links whose items have no
/// (usable) rectangle, and links from an item to itself, are left out; a link given twice is
/// drawn once. The order of the result follows `links`.
pub fn connectors(links: &[Link], rects: &HashMap<Item, Rect>) -> Vec<Connector> {
    struct Planned {
        link: Link,
        from: Item,
        to: Item,
        from_rect: Rect,
        to_rect: Rect,
        sides: (Side, Side),
    }
    let mut seen = std::collections::HashSet::new();
    let mut planned = Vec::new();
    for link in links {
        let (from, to) = (link.from_item(), link.to_item());
        if from == to || !seen.insert(link.clone()) {
            continue;
        }
        let (Some(from_rect), Some(to_rect)) = (rects.get(&from), rects.get(&to)) else {
            continue;
        };
        if !from_rect.is_usable() || !to_rect.is_usable() {
            continue;
        }
        planned.push(Planned {
            link: link.clone(),
            from,
            to,
            from_rect: *from_rect,
            to_rect: *to_rect,
            sides: sides(from_rect, to_rect),
        });
    }

    /// A connector's end on an edge: connector index, whether it is the start, and where the
    /// other end lies along the edge.
    type End = (usize, bool, f64);
    let mut ends: HashMap<(Item, Side), Vec<End>> = HashMap::new();
    for (i, p) in planned.iter().enumerate() {
        let along = |side: Side, other: &Rect| {
            let c = other.center();
            if side.is_horizontal() { c.x } else { c.y }
        };
        ends.entry((p.from.clone(), p.sides.0)).or_default().push((
            i,
            true,
            along(p.sides.0, &p.to_rect),
        ));
        ends.entry((p.to.clone(), p.sides.1)).or_default().push((
            i,
            false,
            along(p.sides.1, &p.from_rect),
        ));
    }
    let mut fractions = vec![(0.5, 0.5); planned.len()];
    for list in ends.values_mut() {
        list.sort_by(|a, b| a.2.total_cmp(&b.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
        let n = list.len() as f64;
        for (k, (i, is_start, _)) in list.iter().enumerate() {
            let t = (k as f64 + 1.0) / (n + 1.0);
            if *is_start {
                fractions[*i].0 = t;
            } else {
                fractions[*i].1 = t;
            }
        }
    }

    planned
        .into_iter()
        .zip(fractions)
        .map(|(p, (t_start, t_end))| {
            let start = p.from_rect.edge_point(p.sides.0, t_start);
            let end = p.to_rect.edge_point(p.sides.1, t_end);
            Connector {
                path: cubic_path(start, p.sides.0, end, p.sides.1),
                link: p.link,
                start,
                end,
            }
        })
        .collect()
}

/// The start and end point of path data written by [`cubic_path`] (`None` when it is not).
pub fn path_ends(path: &str) -> Option<(Point, Point)> {
    let numbers: Vec<f64> = path
        .split(|c: char| c.is_whitespace() || c == ',' || c == 'M' || c == 'C')
        .filter(|s| !s.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    if numbers.len() != 8 {
        return None;
    }
    Some((
        Point::new(numbers[0], numbers[1]),
        Point::new(numbers[6], numbers[7]),
    ))
}

/// Whether `p` lies on the border of `rect`, within `tolerance` px.
pub fn on_edge(p: Point, rect: &Rect, tolerance: f64) -> bool {
    let within_x = p.x >= rect.x - tolerance && p.x <= rect.right() + tolerance;
    let within_y = p.y >= rect.y - tolerance && p.y <= rect.bottom() + tolerance;
    let near = |a: f64, b: f64| (a - b).abs() <= tolerance;
    (within_x && (near(p.y, rect.y) || near(p.y, rect.bottom())))
        || (within_y && (near(p.x, rect.x) || near(p.x, rect.right())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contribution(from: &str, to: &str) -> Link {
        Link {
            from: from.into(),
            to: to.into(),
            kind: LinkKind::Contribution,
        }
    }

    fn cause(from: &str, to: &str) -> Link {
        Link {
            from: from.into(),
            to: to.into(),
            kind: LinkKind::Cause,
        }
    }

    fn obj(id: &str) -> Item {
        Item::Objective(id.into())
    }

    fn sub(id: &str) -> Item {
        Item::SubObjective(id.into())
    }

    #[test]
    fn a_card_below_connects_its_top_to_the_bottom_of_the_card_above() {
        let above = Rect::new(100.0, 0.0, 200.0, 50.0);
        let below = Rect::new(0.0, 200.0, 100.0, 40.0);
        assert_eq!(sides(&below, &above), (Side::Top, Side::Bottom));
        assert_eq!(sides(&above, &below), (Side::Bottom, Side::Top));
    }

    #[test]
    fn cards_side_by_side_connect_their_facing_edges() {
        let left = Rect::new(0.0, 100.0, 100.0, 40.0);
        let right = Rect::new(150.0, 104.0, 100.0, 60.0);
        assert_eq!(sides(&left, &right), (Side::Right, Side::Left));
        assert_eq!(sides(&right, &left), (Side::Left, Side::Right));
    }

    #[test]
    fn a_small_vertical_gap_with_a_wide_horizontal_one_goes_sideways() {
        let a = Rect::new(0.0, 0.0, 100.0, 40.0);
        let b = Rect::new(300.0, 44.0, 100.0, 40.0);
        assert_eq!(sides(&a, &b), (Side::Right, Side::Left));
        // Stacked in one column with a small gap: vertical after all.
        let c = Rect::new(0.0, 44.0, 100.0, 40.0);
        assert_eq!(sides(&a, &c), (Side::Bottom, Side::Top));
    }

    #[test]
    fn overlapping_cards_go_by_their_centres() {
        let a = Rect::new(0.0, 0.0, 100.0, 100.0);
        let b = Rect::new(10.0, 50.0, 100.0, 100.0);
        assert_eq!(sides(&a, &b), (Side::Bottom, Side::Top));
        let c = Rect::new(60.0, 5.0, 100.0, 100.0);
        assert_eq!(sides(&a, &c), (Side::Right, Side::Left));
    }

    #[test]
    fn the_path_is_a_cubic_leaving_and_arriving_perpendicular() {
        let path = cubic_path(
            Point::new(50.0, 200.0),
            Side::Top,
            Point::new(150.0, 50.0),
            Side::Bottom,
        );
        assert_eq!(path, "M50 200 C50 125, 150 125, 150 50");
        let short = cubic_path(
            Point::new(100.0, 20.5),
            Side::Right,
            Point::new(110.25, 20.5),
            Side::Left,
        );
        assert_eq!(short, "M100 20.5 C124 20.5, 86.3 20.5, 110.3 20.5");
        assert_eq!(
            path_ends(&short),
            Some((Point::new(100.0, 20.5), Point::new(110.3, 20.5)))
        );
    }

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(-3.25), "-3.3");
        assert_eq!(num(7.06), "7.1");
    }

    #[test]
    fn each_link_becomes_one_connector_between_the_facing_edges() {
        let rects = HashMap::from([
            (obj("o1"), Rect::new(0.0, 0.0, 200.0, 60.0)),
            (sub("s1"), Rect::new(0.0, 200.0, 200.0, 60.0)),
            (sub("s2"), Rect::new(0.0, 400.0, 200.0, 60.0)),
        ]);
        let links = [contribution("s1", "o1"), cause("s2", "s1")];
        let drawn = connectors(&links, &rects);
        assert_eq!(drawn.len(), 2);
        assert_eq!(drawn[0].link, links[0]);
        assert_eq!(drawn[0].start, Point::new(100.0, 200.0));
        assert_eq!(drawn[0].end, Point::new(100.0, 60.0));
        assert_eq!(drawn[1].start, Point::new(100.0, 400.0));
        assert_eq!(drawn[1].end, Point::new(100.0, 260.0));
        for c in &drawn {
            assert_eq!(path_ends(&c.path), Some((c.start, c.end)));
            assert!(on_edge(c.start, &rects[&c.link.from_item()], 0.01));
            assert!(on_edge(c.end, &rects[&c.link.to_item()], 0.01));
        }
    }

    #[test]
    fn ends_sharing_an_edge_are_spread_in_the_order_of_their_other_ends() {
        let rects = HashMap::from([
            (obj("left"), Rect::new(0.0, 0.0, 100.0, 50.0)),
            (obj("right"), Rect::new(400.0, 0.0, 100.0, 50.0)),
            (sub("s"), Rect::new(200.0, 200.0, 120.0, 50.0)),
        ]);
        // Listed right first: the spreading still puts the left target's end on the left.
        let links = [contribution("s", "right"), contribution("s", "left")];
        let drawn = connectors(&links, &rects);
        assert_eq!(drawn.len(), 2);
        assert_eq!(drawn[0].start, Point::new(280.0, 200.0));
        assert_eq!(drawn[1].start, Point::new(240.0, 200.0));
        // Each target has one end: in the middle of its bottom edge.
        assert_eq!(drawn[0].end, Point::new(450.0, 50.0));
        assert_eq!(drawn[1].end, Point::new(50.0, 50.0));
    }

    #[test]
    fn a_link_to_an_item_without_a_rectangle_or_to_itself_is_not_drawn() {
        let rects = HashMap::from([
            (sub("s1"), Rect::new(0.0, 0.0, 10.0, 10.0)),
            (sub("s2"), Rect::new(f64::NAN, 0.0, 10.0, 10.0)),
        ]);
        let links = [
            contribution("s1", "missing"),
            cause("s1", "s1"),
            cause("s1", "s2"),
            cause("gone", "s1"),
        ];
        assert!(connectors(&links, &rects).is_empty());
    }

    #[test]
    fn a_duplicate_link_is_drawn_once_and_kinds_are_told_apart() {
        let rects = HashMap::from([
            (obj("x"), Rect::new(0.0, 0.0, 100.0, 40.0)),
            (sub("x"), Rect::new(0.0, 100.0, 100.0, 40.0)),
            (sub("y"), Rect::new(0.0, 200.0, 100.0, 40.0)),
        ]);
        // Same id for an objective and a sub-objective: the kind decides which card is meant.
        let links = [
            contribution("y", "x"),
            contribution("y", "x"),
            cause("y", "x"),
        ];
        let drawn = connectors(&links, &rects);
        assert_eq!(drawn.len(), 2);
        assert_eq!(drawn[0].link.kind.key(), "contribution");
        assert_eq!(drawn[0].end.y, 40.0);
        assert_eq!(drawn[1].link.kind.key(), "cause");
        assert_eq!(drawn[1].end.y, 140.0);
    }

    #[test]
    fn the_edge_test_accepts_border_points_and_rejects_inner_ones() {
        let r = Rect::new(10.0, 10.0, 100.0, 50.0);
        assert!(on_edge(Point::new(60.0, 10.0), &r, 1.0));
        assert!(on_edge(Point::new(110.5, 30.0), &r, 1.0));
        assert!(!on_edge(Point::new(60.0, 30.0), &r, 1.0));
        assert!(!on_edge(Point::new(200.0, 10.0), &r, 1.0));
        assert_eq!(path_ends("not a path"), None);
    }
}
