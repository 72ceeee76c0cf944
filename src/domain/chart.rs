//! Geometry for the small trend charts: plain numbers in, SVG coordinates out.
//! The template draws them; nothing here writes markup.

/// The chart's drawing area, in SVG user units (the SVG scales to its container).
pub const WIDTH: f64 = 320.0;
pub const HEIGHT: f64 = 132.0;
const LEFT: f64 = 28.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 22.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// One partner's line: the joined points and each point for a dot.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// `x,y x,y …` for a `<polyline points>`; empty when fewer than two points.
    pub points: String,
    pub dots: Vec<Point>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: i32,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrendChart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub bottom: f64,
    pub ticks: Vec<Tick>,
    pub a: Line,
    pub b: Line,
}

fn x_at(i: usize, n: usize) -> f64 {
    let span = WIDTH - LEFT - RIGHT;
    if n <= 1 {
        LEFT + span / 2.0
    } else {
        LEFT + span * i as f64 / (n - 1) as f64
    }
}

fn y_at(value: f64) -> f64 {
    let span = HEIGHT - TOP - BOTTOM;
    TOP + span * (5.0 - value.clamp(1.0, 5.0)) / 4.0
}

fn line(values: &[Option<i32>]) -> Line {
    let n = values.len();
    let dots: Vec<Point> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            v.map(|v| Point {
                x: round1(x_at(i, n)),
                y: round1(y_at(f64::from(v))),
            })
        })
        .collect();
    let points = if dots.len() >= 2 {
        dots.iter()
            .map(|p| format!("{},{}", p.x, p.y))
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        String::new()
    };
    Line { points, dots }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// A chart of two partners' answers (1 to 5, or `None` where skipped) over the same
/// check-ins, oldest first. Both series must be the same length.
pub fn trend(a: &[Option<i32>], b: &[Option<i32>]) -> TrendChart {
    TrendChart {
        width: WIDTH,
        height: HEIGHT,
        left: LEFT,
        right: WIDTH - RIGHT,
        bottom: HEIGHT - BOTTOM,
        ticks: (1..=5)
            .map(|v| Tick {
                value: v,
                y: round1(y_at(f64::from(v))),
            })
            .collect(),
        a: line(a),
        b: line(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_is_at_the_top_and_one_at_the_bottom() {
        let c = trend(&[Some(5), Some(1)], &[None, None]);
        assert_eq!(c.a.dots[0].y, TOP);
        assert_eq!(c.a.dots[1].y, HEIGHT - BOTTOM);
        assert_eq!(c.a.dots[0].x, LEFT);
        assert_eq!(c.a.dots[1].x, WIDTH - RIGHT);
    }

    #[test]
    fn skipped_answers_leave_gaps_not_zeros() {
        let c = trend(&[Some(3), None, Some(4)], &[None, Some(2), None]);
        assert_eq!(c.a.dots.len(), 2);
        assert_eq!(c.b.dots.len(), 1);
        assert!(c.b.points.is_empty(), "one point draws a dot, not a line");
        assert_eq!(c.a.points.split(' ').count(), 2);
    }

    #[test]
    fn a_single_checkin_sits_in_the_middle() {
        let c = trend(&[Some(3)], &[Some(3)]);
        assert_eq!(c.a.dots[0].x, round1(LEFT + (WIDTH - LEFT - RIGHT) / 2.0));
    }
}
