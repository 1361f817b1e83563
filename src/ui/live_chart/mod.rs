//! A chart made interactive where it stands, with no framework: an explorer page's, which the build rendered
//! with the whole page, and a widget's, which Yew renders once. The same components render the markup
//! everywhere (`chart_section`: controls, a canvas with one option per point, the static drawing, hint, source
//! and menu); here it is kept and driven: the canvas answers over the static drawing, which stays its
//! picture where it is shown at its own size until a change draws the canvas in its place (elsewhere the
//! canvas is drawn at once), and the elements get their listeners. Nothing is rendered again, so nothing on
//! the page moves, focus stays where it is, and the first view's module needs no Yew.
//!
//! The drawing, hit-testing, overlay placement and keys are `canvas_chart`'s, the texts `view`'s, the menu's
//! actions `chart_menu`'s. What a change of unit or scale changes in the markup (which toggle is pressed, the
//! per-resident formula, the canvas's name and options, the generator link) is written here as those
//! components write it (`markup`), on what the reader does (`events`). Where the view lives and where a point
//! leads is the chart's [`Host`]'s.

use super::browser::{location_href, open_in_new_tab};
use super::canvas_chart::{
    copy_kept, lay_out, measure_for, paint, point_at, size, AnyChart, AnyLayout,
};
use super::canvas_size::{apply, frame_of, Drawn, Fit, Frame};
use super::chart_section::explorer_links;
use super::use_theme::resolve;
use super::DataRef;
use crate::chart::{ChartError, ChartErrorKind, Scale, Theme};
use crate::model::Lang;
use crate::view::route::{sibling_url, Page, Route, Unit};
use crate::view::rows::pick;
use crate::view::timeline::{timeline_chart, timeline_tips};
use crate::view::widget_params::{Theme as Choice, WidgetChart};
use crate::view::{overview_chart, program_chart, ChartView, Tip};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlCanvasElement};

mod events;
mod kept;
mod markup;

/// Where a chart is shown, which decides where its view lives and where it leads.
#[derive(Clone, Copy)]
pub enum Host {
    /// An explorer page, `depth` folders below the explorer's root: the view options in the page's address,
    /// programs opened in its place, a link to the generator; the reader's colour scheme.
    Explorer { depth: usize },
    /// A widget in another site's page: the view options in the widget alone (the host page's history is
    /// never touched), programs opened in the explorer in a new tab; the theme its address chose.
    Widget { theme: Choice },
}

/// One served chart, driven.
pub struct LiveChart {
    doc: Document,
    /// The element the chart's markup is in; its parts are looked for only inside it.
    root: Element,
    /// The canvas's id; the served elements around it derive theirs from it.
    id: String,
    canvas: HtmlCanvasElement,
    /// The canvas's box, which the outline and tooltip are placed in.
    canvas_box: Element,
    dataset: DataRef,
    chart: WidgetChart,
    /// The page's route (language, page, and the view options the chart shows now).
    route: RefCell<Route>,
    host: Host,
    /// The unit and scale the served markup (and its static drawing) shows.
    served: (Unit, Scale),
    /// The canvas's frame as last read, until something it follows changes ([`LiveChart::frame`]).
    frame: Cell<Option<Frame>>,
    state: RefCell<State>,
}

/// What changes while the reader uses the chart.
struct State {
    theme: Theme,
    /// What the canvas shows (`None` until the bars for the address's options are made), and one tooltip per
    /// point.
    drawing: Option<AnyChart>,
    tips: Rc<Vec<Tip>>,
    /// The layout last drawn, for hit-testing; `None` until the canvas has been drawn.
    drawn: Option<Rc<Drawn<AnyLayout>>>,
    /// The point the pointer or keyboard is on.
    active: Option<usize>,
    /// Whether the bars cannot be made with the options chosen, which the chart's place says.
    view_error: bool,
    /// Set by a touch pointerdown to the point that was active before it. Chromium follows a tap with a synthetic
    /// mousemove (which activates the point) before the click, so the click must compare with this.
    touch_down: Option<Option<usize>>,
    /// How many times the canvas has been sized for a view or redraw, so that a drawing sized before
    /// another is not drawn over it ([`Rest::sizing`]).
    sizings: u32,
    /// Views drawn aside, which a press on a toggle shows by copying them (`kept`), and which round of
    /// keeping them is going.
    kept: Vec<kept::Kept>,
    keeping: u32,
    /// Whether drawing a view aside took too long to be worth it ([`kept`]'s `LONGEST_DRAW_MS`).
    too_slow_to_keep: bool,
}

/// What a bar chart's unit and scale make of it: its bars and tooltips, or why they cannot be drawn.
type BarsView = Result<ChartView, String>;

/// A chart found and its view made ([`LiveChart::prepare`]), to be drawn.
pub struct Prepared {
    live: Rc<LiveChart>,
    /// A bar chart's view, the unit and scale it was made for, and whether the served markup shows others.
    bars: Option<(BarsView, Unit, Scale, bool)>,
}

impl Prepared {
    /// Draws the chart and gives it its listeners, in this task.
    pub fn attach(self) -> Rc<LiveChart> {
        let live = self.size().draw();
        live.go_live();
        live
    }

    /// The canvas sized and the chart laid out for it (the canvas stays hidden until drawn).
    pub fn size(self) -> Sized {
        let rest = match self.bars {
            Some((view, unit, scale, rewrite)) => self.live.size_view(view, unit, scale, rewrite),
            None => self.live.size_redraw(),
        };
        Sized {
            live: self.live,
            rest,
        }
    }
}

/// A chart whose canvas is sized ([`Prepared::size`]), to be drawn.
pub struct Sized {
    live: Rc<LiveChart>,
    rest: Rest,
}

impl Sized {
    /// Draws the chart over its served drawing (which then goes) and writes what else its view changes. If the
    /// chart was sized again since (a toggle pressed once it had its listeners, the window resized), that drew
    /// it: see [`LiveChart::finish`].
    pub fn draw(self) -> Rc<LiveChart> {
        self.live.finish(self.rest);
        self.live.keep_near();
        self.live
    }

    /// The chart being drawn.
    pub fn live(&self) -> &Rc<LiveChart> {
        &self.live
    }

    /// Where the served drawing is shown at its own size, it is the chart's picture until something changes
    /// it, and the chart answers over it now, with no drawing: see [`LiveChart::hold_served`]. Whether it does
    /// (then [`Sized::draw`] is not needed).
    pub fn hold_served(&self) -> bool {
        self.live.hold_served(&self.rest)
    }
}

/// What is left of showing a view once the canvas is sized ([`LiveChart::finish`]).
struct Rest {
    then: Then,
    /// Which of the chart's sizings this is ([`State::sizings`]): a later one makes its drawing stale.
    sizing: u32,
    /// The unit and scale of the bars' view (`None` for a redraw), and whether the controls, name and options
    /// are to be rewritten for them (the page shows others).
    view: Option<(Unit, Scale)>,
    rewrite: bool,
}

enum Then {
    /// Bars: drawn on the canvas sized for them, or copied from their drawing kept aside (`copy`: the picture
    /// and the canvas's size for it), with the name and tooltips their view gave them.
    Draw {
        sized: Option<Result<Rc<Drawn<AnyLayout>>, ChartError>>,
        copy: Option<(HtmlCanvasElement, Fit)>,
        summary: String,
        tips: Rc<Vec<Tip>>,
    },
    /// The chart the state has, drawn again on the canvas sized for it.
    Redraw(Option<Result<Rc<Drawn<AnyLayout>>, ChartError>>),
    /// Bars that could not be made, and why.
    Error(String),
}

impl LiveChart {
    /// Finds the chart whose markup is in `root`, its canvas `#id` (`chart`, on the page at `route`, which also
    /// names the view options to show; the markup was rendered with `rendered`'s), and makes its view: the first
    /// step of driving it, which draws and changes nothing. [`Prepared::attach`] does the rest in this task; a
    /// page's take-over spreads it over two (`take_over::in_tasks`). `None` if there is no such canvas.
    pub fn prepare(
        root: &Element,
        id: &str,
        dataset: DataRef,
        chart: WidgetChart,
        route: Route,
        rendered: (Unit, Scale),
        host: Host,
    ) -> Option<Prepared> {
        let doc = web_sys::window()?.document()?;
        let canvas = root
            .query_selector(&format!("canvas#{id}"))
            .ok()??
            .dyn_into::<HtmlCanvasElement>()
            .ok()?;
        let canvas_box = canvas.parent_element()?;
        let lang = route.lang;
        let (drawing, tips) = match &chart {
            WidgetChart::Timeline => (
                Some(AnyChart::Timeline(timeline_chart(&dataset, lang))),
                timeline_tips(&dataset, lang),
            ),
            // The bars for the options asked for are made below.
            _ => (None, Rc::default()),
        };
        let live = Rc::new(LiveChart {
            doc,
            root: root.clone(),
            id: id.to_owned(),
            canvas,
            canvas_box,
            dataset,
            chart,
            route: RefCell::new(route.clone()),
            host,
            served: rendered,
            frame: Cell::new(None),
            state: RefCell::new(State {
                theme: host.theme(),
                drawing,
                tips,
                drawn: None,
                active: None,
                view_error: false,
                touch_down: None,
                sizings: 0,
                kept: Vec::new(),
                keeping: 0,
                too_slow_to_keep: false,
            }),
        });
        let bars = match live.chart {
            WidgetChart::Timeline => None,
            _ => Some((
                live.view(route.unit, route.scale),
                route.unit,
                route.scale,
                rendered != (route.unit, route.scale),
            )),
        };
        Some(Prepared { live, bars })
    }

    /// Gives the chart its listeners, and presses what the reader pressed before it had them.
    pub fn go_live(self: &Rc<Self>) {
        self.listen();
        self.replay_early_clicks();
    }

    /// The toggles and menu items the reader pressed before the chart was driven (the page's loader marks them
    /// `data-early`, only the last toggle of each group, `ui::prerender::defer_app`): pressed again now, in the
    /// page's order (toggles before the menu, so a download has the view chosen), so a tap on a phone while the
    /// app was still arriving is not lost. From here on the chart's own listeners answer, which the
    /// root's `data-live` tells the loader.
    fn replay_early_clicks(&self) {
        let _ = self.root.set_attribute("data-live", "");
        let Ok(early) = self.root.query_selector_all("[data-early]") else {
            return;
        };
        // The loader said in the status line that the press was kept; now that it is applied, that is said. A menu
        // item pressed early says what it did there afterwards, in its place.
        if early.length() > 0 {
            if let Some(status) = self.part("-menu-status") {
                status.set_text_content(Some(crate::view::words::early_press_applied(self.lang())));
            }
        }
        for i in 0..early.length() {
            if let Some(button) = early
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = button.remove_attribute("data-early");
                button.click();
            }
        }
    }

    fn lang(&self) -> Lang {
        self.route.borrow().lang
    }

    /// A served element of this chart by its id's suffix (`-unit`, `-menu-status`).
    fn part(&self, suffix: &str) -> Option<Element> {
        self.root
            .query_selector(&format!("#{}{suffix}", self.id))
            .ok()
            .flatten()
    }

    /// Shows the bars in `unit` and `scale`: the toggles, formula, canvas name and options written anew where
    /// `rewrite` (they were served or last written for other options), and the canvas drawn.
    fn show(&self, unit: Unit, scale: Scale, rewrite: bool) {
        let view = match self.kept_view(unit, scale) {
            Some(kept) => Ok(kept),
            None => self.view(unit, scale),
        };
        let rest = self.size_view(view, unit, scale, rewrite);
        self.finish(rest);
    }

    /// The bars and tooltips this chart has for `unit` and `scale`.
    fn view(&self, unit: Unit, scale: Scale) -> BarsView {
        let lang = self.lang();
        match &self.chart {
            WidgetChart::Program(id) => match self.dataset.program(id) {
                Some(p) => program_chart(&self.dataset, p, unit, scale, lang),
                None => Err(String::new()),
            },
            _ => overview_chart(&self.dataset, unit, scale, lang),
        }
    }

    /// The first half of [`LiveChart::show`]: `view` (made for `unit` and `scale`) taken as the chart's, and the
    /// canvas sized for it; `rewrite`: the controls, name and options are to be rewritten for them too.
    fn size_view(&self, view: BarsView, unit: Unit, scale: Scale, rewrite: bool) -> Rest {
        {
            let mut route = self.route.borrow_mut();
            *route = route.with_unit(unit).with_scale(scale);
        }
        let then = match view {
            Ok(v) => {
                let chart = AnyChart::Bars(v.chart);
                {
                    let mut state = self.state.borrow_mut();
                    state.drawing = Some(chart.clone());
                    state.tips = v.tips.clone();
                }
                // Back from bars that could not be made, the chart's place is shown again before it is sized.
                self.show_error(None);
                // The chart first, before anything else changes the page (where the canvas's frame must be
                // read again, that read then costs nothing); what else changes is written after it (`finish`:
                // in the same task, or in the take-over's next) and laid out with it for the next frame. A
                // drawing kept aside for this view in this frame is copied instead of drawn.
                let (sized, copy) = match self.kept(unit, scale) {
                    Some(kept) => (Some(Ok(kept.drawn)), Some((kept.picture, kept.fit))),
                    None => (self.size_canvas(), None),
                };
                Then::Draw {
                    sized,
                    copy,
                    summary: v.summary,
                    tips: v.tips,
                }
            }
            Err(e) => Then::Error(e),
        };
        Rest {
            then,
            sizing: self.next_sizing(),
            view: Some((unit, scale)),
            rewrite,
        }
    }

    /// The second half of [`LiveChart::show`] or [`LiveChart::redraw`]. Where the chart was sized again
    /// in between (the take-over's two tasks: a toggle pressed, the window resized), that drew it, and only what
    /// the view writes besides is written, if the chart still shows that view.
    fn finish(&self, rest: Rest) {
        let current = self.state.borrow().sizings == rest.sizing;
        let still = rest.view.is_some_and(|view| {
            let route = self.route.borrow();
            (route.unit, route.scale) == view
        });
        let rewrite_controls = || {
            if let Some((unit, scale)) = rest.view.filter(|_| rest.rewrite && still) {
                self.press("-unit", Unit::ALL.iter().position(|u| *u == unit));
                self.press("-scale", Scale::ALL.iter().position(|s| *s == scale));
                self.write_formula(unit);
                self.write_embed_link();
            }
        };
        match rest.then {
            Then::Draw {
                sized,
                copy,
                summary,
                tips,
            } => {
                if current {
                    self.paint_canvas(sized, copy);
                }
                rewrite_controls();
                if rest.rewrite && still {
                    let _ = self.canvas.set_attribute("aria-label", &summary);
                    self.write_options(&tips);
                }
                if current {
                    self.render_overlay();
                }
            }
            Then::Redraw(sized) => {
                if current {
                    self.paint_canvas(sized, None);
                    self.render_overlay();
                }
            }
            Then::Error(e) => {
                if still {
                    rewrite_controls();
                    self.show_error(Some(&e));
                }
            }
        }
    }

    /// Draws the canvas as the state has it, with the active point's outline and tooltip.
    fn redraw(&self) {
        self.finish(self.size_redraw());
    }

    /// The first half of [`LiveChart::redraw`].
    fn size_redraw(&self) -> Rest {
        Rest {
            then: Then::Redraw(self.size_canvas()),
            sizing: self.next_sizing(),
            view: None,
            rewrite: false,
        }
    }

    /// Counts a sizing ([`State::sizings`]) and returns its number.
    fn next_sizing(&self) -> u32 {
        let mut state = self.state.borrow_mut();
        state.sizings = state.sizings.wrapping_add(1);
        state.sizings
    }

    /// The canvas sized and the chart laid out for what the state has; `None` when it has nothing to draw.
    fn size_canvas(&self) -> Option<Result<Rc<Drawn<AnyLayout>>, ChartError>> {
        let drawing = self.state.borrow().drawing.clone()?;
        Some(
            self.frame()
                .and_then(|frame| size(&self.canvas, &frame, &drawing))
                .map(Rc::new),
        )
    }

    /// The canvas's frame on the page (its box's width, the reader's text size, the screen's density). It is
    /// read once, and again only after the chart's listeners heard it may have changed (the window or the
    /// canvas's box resized, the text size changed: `events`), so a press on a toggle does not make the browser
    /// lay the page out and compute its style before the chart is drawn: they are done once, for the next frame.
    fn frame(&self) -> Result<Frame, ChartError> {
        if let Some(frame) = self.frame.get() {
            return Ok(frame);
        }
        let frame = frame_of(&self.canvas)?;
        self.frame.set(Some(frame));
        Ok(frame)
    }

    /// Where the served drawing is shown at its own size, it stays the chart's picture until something changes
    /// it: the canvas is sized to that drawing's width (a phone's 328 px column, the 800 px one of a narrower
    /// window, the full 1200 px one) and shown over it, transparent, with the layout it was sized for
    /// (`data-over`; style.css places it), and is not drawn. The chart answers the pointer, the keys and its
    /// toggles at once, and the first change that draws it (a toggle, a resize, the theme or the text size)
    /// draws it at its box's width and replaces the served drawing. Only where the drawing is the very picture
    /// the canvas would draw at that width: the view the page was served with (`rest` rewrites nothing), sized
    /// by this sizing, at the text size the page was made for and outside forced colours, and a drawing as
    /// tall as the canvas is for its width, not scaled (a box narrower than the drawing shrinks it). Anywhere
    /// else the chart is drawn, as before. The served drawing is then hidden from assistive technology, which
    /// has the canvas's name and options. Whether the chart holds it.
    fn hold_served(&self, rest: &Rest) -> bool {
        if rest.rewrite || self.state.borrow().sizings != rest.sizing {
            return false;
        }
        let sized = match &rest.then {
            Then::Draw {
                sized: Some(Ok(sized)),
                copy: None,
                ..
            }
            | Then::Redraw(Some(Ok(sized))) => sized.clone(),
            _ => return false,
        };
        let (Some(frame), Some(drawing)) = (self.frame.get(), self.state.borrow().drawing.clone())
        else {
            return false;
        };
        let forced = web_sys::window()
            .and_then(|w| w.match_media("(forced-colors: active)").ok().flatten())
            .is_some_and(|m| m.matches());
        if frame.text_scale() != 1.0 || forced {
            return false;
        }
        let Some(served) = self.served_drawing() else {
            return false;
        };
        let Ok(drawings) = served.query_selector_all("svg") else {
            return false;
        };
        // The drawing the stylesheet shows, and its box: the others are not displayed.
        let shown = (0..drawings.length())
            .filter_map(|i| drawings.item(i)?.dyn_into::<Element>().ok())
            .map(|svg| {
                let rect = svg.get_bounding_client_rect();
                (svg, rect)
            })
            .find(|(_, rect)| rect.width() > 0.0);
        let Some((shown, rect)) = shown else {
            return false;
        };
        let size_of = |name: &str| {
            shown
                .get_attribute(name)
                .map(|v| js_sys::parse_float(&v))
                .filter(|v| v.is_finite() && *v >= 0.0 && v.fract() == 0.0)
        };
        let (Some(width), Some(height)) = (size_of("width"), size_of("height")) else {
            return false;
        };
        // At its own size: its box is as tall as it and at least as wide (it is drawn from the box's left).
        let own_size = (rect.height() - height).abs() < 0.5 && rect.width() + 0.5 >= width;
        let width = width as u32;
        let at = frame.with_width(width);
        if !own_size || width > frame.css_width() || at.css_width() != width {
            return false;
        }
        let Ok(fit) = measure_for(&at, &drawing) else {
            return false;
        };
        if f64::from(fit.css_height()) != height {
            return false;
        }
        let held = if width == frame.css_width() {
            sized
        } else {
            // Sized again at the drawing's width; the frame kept is still the box's, which a change draws at.
            match apply(&self.canvas, &fit).and_then(|()| lay_out(&drawing, &fit)) {
                Ok(drawn) => Rc::new(drawn),
                // Drawn as sized before, then.
                Err(_) => {
                    let _ = measure_for(&frame, &drawing).and_then(|f| apply(&self.canvas, &f));
                    return false;
                }
            }
        };
        self.state.borrow_mut().drawn = Some(held);
        let _ = served.set_attribute("aria-hidden", "true");
        let _ = self.canvas.set_attribute("data-over", "");
        true
    }

    /// Draws the canvas as the state has it, on the canvas `sized` sized for it, or copies `copy`'s picture
    /// (a drawing kept aside, laid out as `sized`) onto it; the served drawing goes once it is drawn, and a
    /// failure is said in its place (the served drawing, if still there, stays).
    fn paint_canvas(
        &self,
        sized: Option<Result<Rc<Drawn<AnyLayout>>, ChartError>>,
        copy: Option<(HtmlCanvasElement, Fit)>,
    ) {
        let (drawing, theme) = {
            let state = self.state.borrow();
            (state.drawing.clone(), state.theme)
        };
        let (Some(drawing), Some(sized)) = (drawing, sized) else {
            return;
        };
        // Shown over the served drawing until now (`hold_served`).
        let over = self.canvas.has_attribute("data-over");
        let drawn = sized.and_then(|sized| match copy {
            Some((picture, fit)) => copy_kept(&self.canvas, &picture, &fit).map(|()| sized),
            None => paint(&self.canvas, &drawing, theme, &sized).map(|()| sized),
        });
        if over {
            let _ = self.canvas.remove_attribute("data-over");
        }
        match drawn {
            Ok(drawn) => {
                let first = self.state.borrow_mut().drawn.replace(drawn).is_none();
                if first || over {
                    self.remove_in_box("[data-chart-static]");
                }
                self.remove_in_box(".chart-error");
            }
            Err(e) => {
                if over {
                    // Not drawn after all: the served drawing is the chart again, for the eye and for a screen
                    // reader, and nothing answers over it.
                    self.state.borrow_mut().drawn = None;
                    if let Some(served) = self.served_drawing() {
                        let _ = served.remove_attribute("aria-hidden");
                    }
                }
                let lang = self.lang();
                let text = if e.kind == ChartErrorKind::TooLarge {
                    // The served drawing has no such limit: it stays where it shows what the controls say.
                    let kept = self.keep_served_drawing();
                    let tail = if kept {
                        pick(
                            lang,
                            " 위 그림은 페이지를 만들 때 그린 것으로, 항목을 골라 볼 수 없습니다.",
                            " The picture above was drawn when the page was made; its items cannot be selected.",
                        )
                    } else {
                        ""
                    };
                    format!(
                        "{}{tail}",
                        pick(
                            lang,
                            "이 차트는 너무 커서 이 화면에 그릴 수 없습니다.",
                            "This chart is too large to draw on this screen."
                        )
                    )
                } else {
                    format!(
                        "{}{e}",
                        pick(
                            lang,
                            "차트를 그릴 수 없습니다: ",
                            "The chart could not be drawn: "
                        )
                    )
                };
                let shown = self
                    .canvas_box
                    .parent_element()
                    .and_then(|wrap| wrap.query_selector(".chart-error").ok().flatten());
                match shown {
                    Some(p) => p.set_text_content(Some(&text)),
                    None => {
                        if let (Some(p), Some(wrap)) = (
                            self.new_element(
                                "p",
                                &[("class", "error chart-error"), ("role", "alert")],
                            ),
                            self.canvas_box.parent_element(),
                        ) {
                            p.set_text_content(Some(&text));
                            let _ = wrap.append_child(&p);
                        }
                    }
                }
            }
        }
    }

    /// The drawing the page was served with, while the chart still has it (the canvas's first drawing removes it).
    fn served_drawing(&self) -> Option<Element> {
        self.canvas_box
            .query_selector("[data-chart-static]")
            .ok()
            .flatten()
    }

    /// Shows the served drawing where the chart still has one and it shows the chart as the controls now ask for
    /// it (the unit and scale it was served with), hides it otherwise; whether it is shown.
    fn keep_served_drawing(&self) -> bool {
        let Some(drawing) = self.served_drawing() else {
            return false;
        };
        let route = self.route.borrow();
        let same =
            matches!(self.chart, WidgetChart::Timeline) || (route.unit, route.scale) == self.served;
        let _ = if same {
            drawing.remove_attribute("hidden")
        } else {
            drawing.set_attribute("hidden", "")
        };
        same
    }

    /// The chart's view address (absolute) and, in the explorer, its generator page, as the chart is shown now.
    /// The timeline has no view options: its links are the page's own.
    fn links(&self) -> (String, Option<String>) {
        let route = self.route.borrow();
        let route = match self.chart {
            WidgetChart::Timeline => route.rendered(),
            _ => route.clone(),
        };
        match self.host {
            Host::Explorer { depth } => {
                let (view, embed) = explorer_links(&route, depth, self.chart.clone());
                (view, Some(embed))
            }
            Host::Widget { .. } => (explorer_url(&route), None),
        }
    }

    /// Makes `i` the point the reader is on (or none).
    fn set_active(&self, i: Option<usize>) {
        self.state.borrow_mut().active = i;
        self.render_overlay();
    }

    /// Opens point `i`'s program, where the chart has somewhere to open: in the explorer the overview's bars
    /// and the timeline's rows (a program's own chart has nowhere else to go), in place; in a widget every
    /// chart's points, in the explorer in a new tab (never inside the frame or in place of the host page).
    fn open(&self, i: usize) {
        let program = match &self.chart {
            WidgetChart::Timeline => self.dataset.programs().get(i).map(|p| p.id.clone()),
            _ => self
                .state
                .borrow()
                .tips
                .get(i)
                .map(|t| t.program_id.clone()),
        };
        let Some(id) = program else {
            return;
        };
        let route = self.route.borrow().with_page(Page::Program(id));
        match self.host {
            Host::Explorer { depth } => go_to(&route.href(depth)),
            Host::Widget { .. } => open_in_new_tab(&explorer_url(&route)),
        }
    }

    fn can_open(&self) -> bool {
        match self.host {
            Host::Explorer { .. } => !matches!(self.chart, WidgetChart::Program(_)),
            Host::Widget { .. } => true,
        }
    }

    /// The point under a mouse event.
    fn point_at(&self, e: &web_sys::MouseEvent) -> Option<usize> {
        point_at(
            self.state.borrow().drawn.as_ref()?,
            e.offset_x(),
            e.offset_y(),
        )
    }
}

impl Host {
    /// The theme the chart is drawn in: the one a widget chose, else the reader's colour scheme.
    fn choice(self) -> Choice {
        match self {
            Host::Explorer { .. } => Choice::Auto,
            Host::Widget { theme } => theme,
        }
    }

    /// The theme the chart is drawn in now.
    fn theme(self) -> Theme {
        resolve(self.choice())
    }
}

/// The explorer's address for `route`, beside the widget's own page (`widget.html` sits at its root).
pub fn explorer_url(route: &Route) -> String {
    sibling_url(&location_href(), &route.to_path())
}

/// Loads another page of the explorer (relative to this one).
fn go_to(href: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(href);
    }
}
