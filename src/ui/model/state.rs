//! The whole UI state. Changed only by [`crate::ui::update()`]; drawn by
//! [`crate::ui::draw`]. No terminal, no file, no ratatui here.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use super::cursor::Cursor;
use super::filter::{self, Filters, Judged, Mark, Order, Visible};
use super::layout::{self, Area, Pane, Panes, Shape};
use super::mode::{ChartView, HistoryView, Mode, Request};
use super::overview::OvRow;
use super::picker::PickItem;
use super::search::{Hits, Index};
use super::standing::{Loaded, Standing};
use super::theme::Theme;
pub use super::tree_row::TreeRow;
use super::widths::{Cells, Key, Widths};
use crate::ledger::Status;
use crate::pace::Light;
use crate::plan::Plan;
use crate::ui::data::{Class, Pace, Progress};
use crate::ui::keymap::Ctx;
use crate::ui::strings::{Lang, S};
use crate::vocab::Term;

/// How the UI was started: language, theme, ledger path.
#[derive(Debug, Clone)]
pub struct Config {
    pub lang: Lang,
    pub theme: Theme,
    /// The ledger file shown in the footer (`None`: not connected yet).
    pub ledger: Option<String>,
    /// A note shown at start (e.g. the Linux console cannot show Chinese).
    pub note: Option<S>,
    /// Edits can be recorded (a ledger is open for writing).
    pub writable: bool,
    /// Why edits cannot be recorded, said when a write key is pressed and
    /// at start (`None`: the generic read-only message).
    pub read_only: Option<S>,
    /// Who records (`--user`): an undo of someone else's change asks
    /// first (`None`: every undo of a known row asks).
    pub user: Option<String>,
}

impl Config {
    pub fn new(lang: Lang, theme: Theme) -> Self {
        Config {
            lang,
            theme,
            ledger: None,
            note: None,
            writable: false,
            read_only: None,
            user: None,
        }
    }
}

/// How many lines the detail pane's text and help take, and what they
/// were laid out for. `update` lays them out again only when that changes
/// (a resize, another row selected, new data or filters); every key
/// scrolls against these numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Measured {
    pub detail_lines: usize,
    /// The selected row, the pane's inner width and the state's
    /// [`AppState::revision`] the detail lines were counted for.
    pub detail_for: Option<(TreeRow, u16, u64)>,
    pub help_lines: usize,
    /// The inner width help was counted for.
    pub help_for: Option<u16>,
    /// The indicator table's column widths over the list it shows, and
    /// what they were worked out for ([`super::table`]).
    pub table: Option<(Key, Widths)>,
    /// Each indicator's id and target widths (worked out once).
    pub cells: Option<Cells>,
}

#[derive(Debug, Clone)]
pub struct AppState {
    /// Shared with the thread that reads the ledger at start (it judges
    /// every indicator there, [`Standing::of`]).
    pub plan: Arc<Plan>,
    pub progress: Progress,
    /// The ledger is still being read (the first frame is drawn before it
    /// arrives): statuses, lights and counts show a loading mark, and the
    /// keys that need the ledger say to wait ([`Action::LedgerLoaded`]
    /// ends it).
    ///
    /// [`Action::LedgerLoaded`]: crate::ui::Action::LedgerLoaded
    pub loading: bool,
    /// Status of every indicator, [`Plan::indicators`] order.
    pub statuses: Vec<Status>,
    /// Status, light and 逾期未报 of every indicator in one byte each
    /// (what the filters and the lists read), kept with `statuses`. The
    /// full pace is worked out for the indicator shown
    /// ([`AppState::pace_of`]), not kept for each.
    pub marks: Vec<Mark>,
    /// The plan's tree order (worked out once).
    pub order: Order,
    pub config: Config,
    pub filters: Filters,
    pub visible: Visible,
    pub rows: Vec<TreeRow>,
    pub collapsed: HashSet<u32>,
    /// The districts folded in the tree (a city's plan).
    pub folded: HashSet<usize>,
    /// The selected tree row (in [`AppState::rows`]) and the first on
    /// screen.
    pub tree: Cursor,
    pub focus: Pane,
    /// The right pane shown when only one fits (80×24).
    pub right: Pane,
    /// Zoomed (`z`): the focused pane alone fills the body.
    pub zoom: bool,
    /// The detail pane's scroll (`sel`: its first line shown).
    pub detail: Cursor,
    /// The selected indicator (in [`AppState::selected_inds`]) and the
    /// first on screen.
    pub inds: Cursor,
    pub mode: Mode,
    /// The help overlay's scroll (`sel`: its first line shown), when it is
    /// open.
    pub help: Option<Cursor>,
    /// Overview rows, computed once (the overview ignores filters).
    pub overview: Vec<OvRow>,
    pub message: Option<String>,
    /// Terminal size in cells, from the last resize.
    pub size: (u16, u16),
    /// The panes at [`AppState::size`], as of the last `update`.
    pub panes: Panes,
    /// The detail pane's and help's line counts.
    pub measured: Measured,
    /// Counts changes of the data and filters the panes show (see
    /// [`AppState::touch`]).
    pub revision: u64,
    /// The search's index of the plan (built once) and the last search's
    /// hits (the next letter searches only their candidates).
    pub search: Search,
    /// The `L` and `U` pickers' items: they depend on the plan only, so
    /// they are worked out once (on first use, or after the first frame).
    pub picks: Picks,
    /// A typed search letter's refilter, left for the end of the batch of
    /// queued keys (`update::queue`, `update::flush`); true also selects
    /// the first task then.
    pub refilter_due: bool,
    pub quit: bool,
    pub suspend: bool,
    /// A change for the run loop to record (taken by the loop).
    pub request: Option<Request>,
    /// An id whose history the run loop should read (taken by the loop).
    pub history_request: Option<String>,
    /// The history popup, when open.
    pub history: Option<HistoryView>,
    /// The chart popup (`c`), when open.
    pub chart: Option<ChartView>,
    /// A key refused while the ledger is read, and what was typed after
    /// it ([`Ctx::Held`]).
    pub held: Option<Held>,
    /// Why the ledger could not be read at start (file and line, made
    /// safe for the terminal): the UI stays up, browsing only, with
    /// [`AppState::loading`] still true (nothing known of the ledger).
    pub broken: Option<String>,
    /// A city's view: each district's last publish, as the ledger thread
    /// found it ([`Loaded::published`]); empty otherwise.
    pub published: Vec<Option<jiff::civil::Date>>,
    /// The ledger file that had rows is missing or empty now (moved away,
    /// deleted, cut to nothing; [`AppState::gone_text`] words it). The
    /// screen keeps what was last read; edits are refused with it until a
    /// refresh finds the file again.
    pub gone: Option<crate::ledger::Gone>,
}

/// A key that needs the ledger, pressed while it is read (not `u`), and
/// the text typed after it: shown on the status line, never run as keys;
/// when the ledger lands the key runs and the text fills its field.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub action: crate::ui::action::Action,
    pub typed: String,
}

/// The search's index and the last search's hits.
///
/// The index is built on the first search, or by the run loop once the
/// first frame is on screen and no key is waiting ([`Search::warm`]):
/// at 100,000 indicators it takes a few hundred milliseconds, which the
/// first frame must not wait for.
#[derive(Debug, Clone, Default)]
pub struct Search {
    index: OnceLock<Index>,
    pub hits: Option<Hits>,
}

/// The leader and unit pickers' items, each worked out once per plan.
#[derive(Debug, Clone, Default)]
pub struct Picks {
    /// The language their counts are worded in, and the items.
    pub leaders: OnceLock<(Lang, Vec<PickItem>)>,
    pub units: OnceLock<(Lang, Vec<PickItem>)>,
}

/// The index of no text, for filters without a search (never searched).
static NO_INDEX: Index = Index::EMPTY;

impl Search {
    /// The plan's index, built now if it is not yet.
    pub fn index_of(&self, plan: &Plan) -> &Index {
        self.index.get_or_init(|| Index::new(plan))
    }

    /// Builds the index if it is not built yet; true when it was built now.
    pub fn warm(&self, plan: &Plan) -> bool {
        let cold = self.index.get().is_none();
        self.index_of(plan);
        cold
    }

    /// True when the index is built.
    pub fn is_warm(&self) -> bool {
        self.index.get().is_some()
    }

    /// The index `f` is answered from: the plan's when `f` searches (built
    /// then), else an empty one that nothing asks.
    pub fn index_for(&self, plan: &Plan, f: &Filters) -> &Index {
        match filter::search_of(f) {
            Some(_) => self.index_of(plan),
            None => &NO_INDEX,
        }
    }
}

impl AppState {
    /// What the status line says of a ledger file gone ([`AppState::gone`]).
    pub fn gone_text(&self) -> Option<&'static str> {
        self.gone.map(|g| {
            self.tr(match g {
                crate::ledger::Gone::Missing => S::LedgerMissing,
                crate::ledger::Gone::Emptied => S::LedgerEmptied,
            })
        })
    }

    /// The state with the ledger's `progress`: every indicator judged
    /// now (tests, benches; the binary starts with [`AppState::loading`]).
    pub fn new(plan: impl Into<Arc<Plan>>, progress: Progress, config: Config) -> Self {
        let plan = plan.into();
        let standing = Standing::of(&plan, &progress);
        AppState::with(plan, progress, standing, config, false)
    }

    /// The state of the first frame, before the ledger is read: the plan's
    /// tree and the visible rows, no indicator judged (statuses, paces and
    /// counts arrive with [`AppState::ledger_loaded`]).
    pub fn loading(plan: impl Into<Arc<Plan>>, today: jiff::civil::Date, config: Config) -> Self {
        let progress = Progress::empty(today);
        AppState::with(plan.into(), progress, Standing::default(), config, true)
    }

    fn with(
        plan: Arc<Plan>,
        progress: Progress,
        standing: Standing,
        config: Config,
        loading: bool,
    ) -> Self {
        let Standing {
            statuses,
            marks,
            overview,
        } = standing;
        let order = Order::new(&plan);
        let said: Vec<&str> = [config.note, config.read_only]
            .into_iter()
            .flatten()
            .map(|s| s.get(config.lang))
            .collect();
        let message = (!said.is_empty()).then(|| said.join("  "));
        let mut s = AppState {
            plan,
            progress,
            loading,
            statuses,
            marks,
            order,
            config,
            filters: Filters::default(),
            visible: Visible::default(),
            rows: Vec::new(),
            collapsed: HashSet::new(),
            folded: HashSet::new(),
            tree: Cursor::default(),
            focus: Pane::Tree,
            right: Pane::Detail,
            zoom: false,
            detail: Cursor::default(),
            inds: Cursor::default(),
            mode: Mode::Browse,
            help: None,
            overview,
            message,
            size: (80, 24),
            panes: Panes::default(),
            measured: Measured::default(),
            revision: 0,
            search: Search::default(),
            picks: Picks::default(),
            refilter_due: false,
            quit: false,
            suspend: false,
            request: None,
            history_request: None,
            history: None,
            chart: None,
            held: None,
            broken: None,
            published: Vec::new(),
            gone: None,
        };
        s.refilter();
        s.panes = s.layout_for(Area::sized(s.size.0, s.size.1));
        s
    }

    /// The ledger has been read: its progress and where every indicator
    /// stands by it (judged on the thread that read it), then the visible
    /// set again with its counts (the selected task stays).
    pub fn ledger_loaded(&mut self, loaded: Loaded) {
        let Standing {
            statuses,
            marks,
            overview,
        } = loaded.standing;
        self.progress = loaded.progress;
        self.published = loaded.published;
        self.statuses = statuses;
        self.marks = marks;
        self.overview = overview;
        self.loading = false;
        self.refilter();
    }

    pub fn lang(&self) -> Lang {
        self.config.lang
    }

    pub fn theme(&self) -> &Theme {
        &self.config.theme
    }

    pub fn tr(&self, s: S) -> &'static str {
        s.get(self.config.lang)
    }

    /// A value's word in the UI's language: 已延误, `delayed`.
    pub fn word<T: Term>(&self, v: T) -> &'static str {
        v.word(self.config.lang)
    }

    /// `label：` in Chinese, `label: ` in English.
    pub fn label(&self, s: S) -> String {
        format!("{}{}", self.tr(s), self.tr(S::Colon))
    }

    /// What the panes say where the ledger's figures would be: being
    /// read, or not readable.
    pub fn waiting(&self) -> S {
        match self.broken {
            Some(_) => S::LedgerUnread,
            None => S::LedgerLoading,
        }
    }

    /// Which part of the keymap applies now.
    pub fn ctx(&self) -> Ctx {
        if self.help.is_some() {
            return Ctx::Help;
        }
        if self.history.is_some() {
            return Ctx::History;
        }
        if self.chart.is_some() {
            return Ctx::Chart;
        }
        if self.held.is_some() {
            return Ctx::Held;
        }
        match self.mode {
            Mode::Browse => Ctx::Browse,
            Mode::Search(_) | Mode::Jump(_) | Mode::Picker(_) => Ctx::Input,
            Mode::Edit(ref e) if e.clash.is_some() => Ctx::Conflict,
            Mode::Edit(ref e) if e.period.is_some() => Ctx::Edit,
            Mode::Edit(_) => Ctx::Input,
            Mode::Confirm(_) => Ctx::Confirm,
            Mode::Overview(_) => Ctx::Overview,
        }
    }

    /// Recomputes statuses, paces, the overview and the visible set after
    /// actuals changed.
    pub fn progress_changed(&mut self) {
        let standing = Standing::of(&self.plan, &self.progress);
        self.statuses = standing.statuses;
        self.marks = standing.marks;
        self.overview = standing.overview;
        self.refilter();
    }

    /// What the filters judge indicators by: statuses and marks, today.
    pub fn judged(&self) -> Judged<'_> {
        Judged {
            statuses: &self.statuses,
            paces: &[],
            today: self.progress.today,
            marks: &self.marks,
            order: Some(&self.order),
        }
    }

    /// The indicator selected in the indicator pane (plan position).
    pub fn selected_ind(&self) -> Option<usize> {
        self.selected_inds().get(self.inds.sel).copied()
    }

    /// Recomputes the visible set and the tree rows after a filter changed;
    /// keeps the selected task when it is still visible.
    pub fn refilter(&mut self) {
        self.touch();
        let keep = self.selected_task_pos();
        self.search_again();
        let index = self.search.index_for(&self.plan, &self.filters);
        let hits = self.search.hits.as_ref();
        self.visible = filter::compute(&self.plan, &self.judged(), &self.filters, index, hits);
        self.rebuild_rows();
        match keep.and_then(|p| self.row_of_task(p)) {
            Some(r) => self.tree.sel = r,
            None => self.select_row(0),
        }
    }

    /// The hits of the filters' search, narrowed from the last search's
    /// when it extends it; kept as they are when the search is the same.
    fn search_again(&mut self) {
        let Some(text) = filter::search_of(&self.filters) else {
            self.search.hits = None;
            return;
        };
        if self
            .search
            .hits
            .as_ref()
            .is_some_and(|h| h.search() == text)
        {
            return;
        }
        let prev = self.search.hits.take();
        let hits = self
            .search
            .index_of(&self.plan)
            .search(&self.plan, text, prev.as_ref());
        self.search.hits = Some(hits);
    }

    /// Rebuilds the tree rows (after a filter change or a fold).
    pub fn rebuild_rows(&mut self) {
        let mut rows = vec![TreeRow::All];
        let mut district = None;
        for (g, range) in &self.visible.groups {
            // A city's plan: its district's row first, its groups hidden
            // while the district is folded.
            if let Some(d) = self.plan.district_of_group(*g) {
                if district != Some(d) {
                    district = Some(d);
                    rows.push(TreeRow::District(d));
                }
                if self.folded.contains(&d) {
                    continue;
                }
            }
            // 总体目标's tasks stand without a group row (in a city's
            // plan, right under their district).
            if *g == 0 || self.plan.is_headline(*g) {
                rows.extend(range.clone().map(TreeRow::Task));
                continue;
            }
            rows.push(TreeRow::Group(*g));
            if !self.collapsed.contains(g) {
                rows.extend(range.clone().map(TreeRow::Task));
            }
        }
        self.rows = rows;
        self.tree.clamp(self.rows.len());
    }

    /// What the panes show may have changed (data, filters): the detail
    /// pane's text is laid out again at the next `update`.
    pub fn touch(&mut self) {
        self.revision = self.revision.wrapping_add(1);
    }

    /// Moves the focus; a right pane stays the one shown when only one
    /// fits.
    pub fn set_focus(&mut self, p: Pane) {
        self.focus = p;
        if p != Pane::Tree {
            self.right = p;
        }
    }

    /// What the layout depends on besides the size.
    pub fn shape(&self, width: u16) -> Shape {
        Shape {
            overview: matches!(self.mode, Mode::Overview(_)),
            focus: self.focus,
            right: self.right,
            error_rows: self.error_rows(width),
            zoom: self.zoom,
        }
    }

    /// The panes for a screen of `area`.
    pub fn layout_for(&self, area: Area) -> Panes {
        layout::areas(area, self.shape(area.width))
    }

    /// How many footer lines the editor's error needs at `width` columns
    /// (0 without an error); the layout grows the footer by all but one.
    pub fn error_rows(&self, width: u16) -> u16 {
        match &self.mode {
            Mode::Edit(e) if e.clash.is_none() => {
                e.error_text(self.lang(), width as usize).len() as u16
            }
            _ => 0,
        }
    }

    /// Tasks the filters leave, task 0 not counted (the plan's "28 tasks").
    pub fn task_count(&self) -> usize {
        self.visible
            .tasks
            .iter()
            .filter(|t| !self.plan.is_headline(self.plan.tasks[t.pos].group))
            .count()
    }

    /// District `d`'s last publish, and whether it is overdue (older than
    /// `city::rollup::STALE_DAYS` days on the state's day, or never);
    /// `None` when not known (not a city's view, or still reading).
    pub fn publish_of(&self, d: usize) -> Option<(Option<jiff::civil::Date>, bool)> {
        let day = *self.published.get(d)?;
        let overdue = day.is_none_or(|day| {
            (self.progress.today - day).get_days() > crate::city::rollup::STALE_DAYS as i32
        });
        Some((day, overdue))
    }

    /// The district of the selected tree row (a city's plan).
    pub fn selected_district(&self) -> Option<usize> {
        match self.selected_row() {
            TreeRow::District(d) => Some(d),
            TreeRow::Group(g) => self.plan.district_of_group(g),
            TreeRow::Task(i) => self
                .visible
                .tasks
                .get(i)
                .and_then(|t| self.plan.district_of_task(t.pos)),
            TreeRow::All => None,
        }
    }

    /// The plan's tasks, 总体目标 left out.
    pub fn task_total(&self) -> usize {
        let plan = &self.plan;
        plan.tasks
            .iter()
            .filter(|t| !plan.is_headline(t.group))
            .count()
    }

    /// Selects a tree row, resetting the panes that follow it.
    pub fn select_row(&mut self, row: usize) {
        self.tree.sel = row.min(self.rows.len().saturating_sub(1));
        self.detail = Cursor::default();
        self.inds = Cursor::default();
    }

    pub fn selected_row(&self) -> TreeRow {
        self.rows
            .get(self.tree.sel)
            .copied()
            .unwrap_or(TreeRow::All)
    }

    /// Plan position of the selected task, if a task is selected.
    pub fn selected_task_pos(&self) -> Option<usize> {
        match self.selected_row() {
            TreeRow::Task(i) => self.visible.tasks.get(i).map(|t| t.pos),
            _ => None,
        }
    }

    /// The tree row showing the task at plan position `pos`.
    pub fn row_of_task(&self, pos: usize) -> Option<usize> {
        let i = self.visible.task_index(pos)?;
        self.rows.iter().position(|r| *r == TreeRow::Task(i))
    }

    /// The indicators the indicator pane lists for the selected row
    /// (positions in [`Plan::indicators`]).
    pub fn selected_inds(&self) -> &[usize] {
        let v = &self.visible;
        match self.selected_row() {
            TreeRow::All => &v.inds,
            TreeRow::Task(i) => match v.tasks.get(i) {
                Some(t) => &v.inds[t.inds.clone()],
                None => &[],
            },
            TreeRow::Group(g) => match v.group_range(g) {
                Some(r) if !r.is_empty() => {
                    let start = v.tasks[r.start].inds.start;
                    let end = v.tasks[r.end - 1].inds.end;
                    &v.inds[start..end]
                }
                _ => &[],
            },
            TreeRow::District(d) => match v.district_range(&self.plan, d) {
                Some(r) if !r.is_empty() => {
                    let start = v.tasks[r.start].inds.start;
                    let end = v.tasks[r.end - 1].inds.end;
                    &v.inds[start..end]
                }
                _ => &[],
            },
        }
    }

    /// The class of an indicator (by plan position).
    pub fn class_of(&self, ind_pos: usize) -> Class {
        Class::of(self.status_of(ind_pos))
    }

    /// The pace of an indicator (by plan position), worked out from its
    /// values (only the shown one's is needed; `None` while the ledger is
    /// read).
    pub fn pace_of(&self, ind_pos: usize) -> Option<Pace> {
        if self.marks.is_empty() {
            return None;
        }
        let ind = self.plan.indicators.get(ind_pos)?;
        Some(self.progress.pace(&self.plan, ind))
    }

    /// The light of an indicator (by plan position); gray if unknown.
    pub fn light_of(&self, ind_pos: usize) -> Light {
        self.judged().light(ind_pos)
    }

    /// Whether an indicator (by plan position) is 逾期未报.
    pub fn stale_of(&self, ind_pos: usize) -> bool {
        self.judged().stale(ind_pos)
    }

    pub fn status_of(&self, ind_pos: usize) -> Status {
        self.statuses
            .get(ind_pos)
            .copied()
            .unwrap_or(Status::NoData)
    }
}
