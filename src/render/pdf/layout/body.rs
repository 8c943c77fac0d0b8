//! The body pages: part titles, 一、/（一） headings, paragraphs on the 22-line grid,
//! tables, charts, glossary terms and the 落款, flowed into pages.

use super::chart;
use crate::document::{Block, Chart, Document, Orientation, Part, Table};
use crate::fonts::{Metrics, Role};
use crate::render::pdf::error::PdfError;
use crate::render::pdf::page::flow::Flow;
use crate::render::pdf::page::frame::{Frame, BODY_SIZE, CHARS_PER_LINE};
use crate::render::pdf::page::Item;
use crate::render::pdf::table::place_table;
use crate::render::pdf::text::words::Words;
use crate::render::pdf::text::{self, baseline_in, set_block, set_words, Align, Span};

/// A bookmark: level (1 part, 2 section or part-2 table, 3 table in a section), title,
/// body page index and the y of its top.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Nesting level, 1 = top.
    pub level: u8,
    /// Title shown in the outline.
    pub title: String,
    /// The anchor id it belongs to.
    pub id: String,
    /// Page index (0-based, within the body).
    pub page: usize,
    /// Top of the target, points from the page top.
    pub y: f32,
}

/// Advance compression that sets 28 characters of 3号 in the 156 mm line.
pub fn body_squeeze() -> f32 {
    Frame::portrait().width / (CHARS_PER_LINE * BODY_SIZE)
}

/// Lays out the body of `doc`: returns the body pages' flow and the bookmarks.
pub struct BodyLayout<'m, 'f> {
    m: &'m Metrics<'f>,
    words: &'m Words,
    /// The flow being filled.
    pub flow: Flow,
    /// Bookmarks in reading order.
    pub marks: Vec<Mark>,
    /// The bookmark waiting for the next line pushed.
    pending: Option<Mark>,
    heading_only: bool,
    after_landscape: bool,
}

impl<'m, 'f> BodyLayout<'m, 'f> {
    /// An empty body; titles and headings break between `words`.
    pub fn new(m: &'m Metrics<'f>, words: &'m Words) -> Self {
        BodyLayout {
            m,
            words,
            flow: Flow::new(),
            marks: Vec::new(),
            pending: None,
            heading_only: false,
            after_landscape: false,
        }
    }

    /// Flows every part, then the 落款.
    pub fn run(mut self, doc: &Document) -> Result<(Flow, Vec<Mark>), PdfError> {
        for part in &doc.parts {
            self.part(part)?;
        }
        self.signature(&doc.signature.unit_name, doc.signature.date.as_deref())?;
        Ok((self.flow, self.marks))
    }

    /// Makes the next line pushed the target of a bookmark (and 目录 entry): the mark takes
    /// the page and y where that line is finally drawn, after every page break decided
    /// before it (keep-with-next, a page turned back to portrait), so it cannot name a page
    /// the heading was pushed off.
    fn mark_next_line(&mut self, level: u8, title: &str, id: &str) {
        self.pending = Some(Mark {
            level,
            title: title.to_string(),
            id: id.to_string(),
            page: 0,
            y: 0.0,
        });
    }

    fn part(&mut self, part: &Part) -> Result<(), PdfError> {
        self.flow.fresh_page(Frame::portrait());
        self.after_landscape = false;
        let title = format!("{} {}", part.number, part.title);
        self.mark_next_line(1, &title, &part.id);
        let lines = set_words(
            self.m,
            &[Span {
                role: Role::Title,
                text: &title,
            }],
            22.0,
            (self.flow.frame.width, 0.0),
            Align::Center,
            1.0,
            self.words,
            true,
        )?;
        self.lines(lines, 22.0, 22.0 * 1.6);
        self.flow.y += Frame::pitch() * 0.5;
        self.heading_only = true;
        for section in &part.sections {
            if let Some(heading) = &section.heading {
                self.portrait_again();
                self.mark_next_line(2, heading, &section.id);
                self.heading(Role::Heading, heading)?;
            }
            let level = if section.heading.is_some() { 3 } else { 2 };
            for block in &section.blocks {
                self.block(block, level)?;
            }
        }
        Ok(())
    }

    fn portrait_again(&mut self) {
        if self.after_landscape {
            self.flow.new_page(Frame::portrait());
            self.after_landscape = false;
        }
    }

    fn block(&mut self, block: &Block, table_level: u8) -> Result<(), PdfError> {
        match block {
            Block::Table(table) => return self.table(table, table_level),
            Block::Subheading { text } => {
                self.portrait_again();
                self.heading(Role::Kai, text)?;
            }
            Block::Paragraph { text, .. } => {
                self.portrait_again();
                self.paragraph(&[Span {
                    role: Role::Body,
                    text,
                }])?;
            }
            Block::Chart(chart) => {
                self.portrait_again();
                self.chart(chart)?;
            }
            Block::Term {
                number,
                term,
                definition,
            } => {
                self.portrait_again();
                let head = format!("{number}{term}");
                let sep = if definition.starts_with('：') || definition.starts_with(':') {
                    ""
                } else {
                    "："
                };
                let rest = format!("{sep}{definition}");
                self.paragraph(&[
                    Span {
                        role: Role::Heading,
                        text: &head,
                    },
                    Span {
                        role: Role::Body,
                        text: &rest,
                    },
                ])?;
            }
        }
        self.heading_only = false;
        Ok(())
    }

    fn table(&mut self, table: &Table, level: u8) -> Result<(), PdfError> {
        // An empty table (its header and the 空表 statement) is set on a portrait page: it
        // never takes a landscape page of its own.
        let empty = table.body.is_empty() && table.empty_statement.is_some();
        let landscape = table.orientation == Orientation::Landscape && !empty;
        let frame = if landscape {
            Frame::landscape()
        } else {
            Frame::portrait()
        };
        let own_page = landscape || table.label.is_some() || self.after_landscape;
        if own_page && (landscape || !self.heading_only) {
            self.flow.fresh_page(frame);
        }
        let title = match &table.label {
            Some(label) => format!("{label} {}", table.title),
            None => table.title.clone(),
        };
        let (page, y) = place_table(&mut self.flow, self.m, self.words, table)?;
        self.marks.push(Mark {
            level,
            title,
            id: table.id.clone(),
            page,
            y,
        });
        self.after_landscape = landscape;
        self.heading_only = false;
        Ok(())
    }

    /// Pushes set lines at the cursor, `pitch` apart, breaking pages between lines.
    fn lines(&mut self, lines: Vec<Vec<Item>>, size: f32, pitch: f32) {
        for line in lines {
            self.flow.ensure(pitch);
            if let Some(mut mark) = self.pending.take() {
                mark.page = self.flow.page_index();
                mark.y = self.flow.y;
                self.marks.push(mark);
            }
            let base = self.flow.y + baseline_in(pitch, size);
            self.flow
                .push(text::offset(line, self.flow.frame.left, base));
            self.flow.y += pitch;
        }
    }

    fn heading(&mut self, role: Role, text: &str) -> Result<(), PdfError> {
        let width = self.flow.frame.width;
        let lines = set_words(
            self.m,
            &[Span { role, text }],
            BODY_SIZE,
            (width, 2.0 * BODY_SIZE),
            Align::Left,
            body_squeeze(),
            self.words,
            false,
        )?;
        let pitch = Frame::pitch();
        self.flow.ensure(pitch * (lines.len() as f32 + 2.0));
        self.lines(lines, BODY_SIZE, pitch);
        Ok(())
    }

    fn paragraph(&mut self, spans: &[Span]) -> Result<(), PdfError> {
        let width = self.flow.frame.width;
        let lines = set_words(
            self.m,
            spans,
            BODY_SIZE,
            (width, 2.0 * BODY_SIZE * body_squeeze()),
            Align::Justify,
            body_squeeze(),
            &Words::figures(),
            false,
        )?;
        let pitch = Frame::pitch();
        let fit = (self.flow.remaining() / pitch + 0.01).floor() as usize;
        let n = lines.len();
        if n >= 2 && fit < n && (fit == 1 || fit + 1 == n) {
            let keep = if fit == 1 { 0 } else { n - 2 };
            let mut lines = lines;
            let rest = lines.split_off(keep);
            self.lines(lines, BODY_SIZE, pitch);
            self.flow.new_page(self.flow.frame);
            self.lines(rest, BODY_SIZE, pitch);
            return Ok(());
        }
        self.lines(lines, BODY_SIZE, pitch);
        Ok(())
    }

    fn chart(&mut self, chart: &Chart) -> Result<(), PdfError> {
        chart::draw(&mut self.flow, self.m, chart)
    }

    fn signature(&mut self, unit: &str, date: Option<&str>) -> Result<(), PdfError> {
        self.portrait_again();
        let pitch = Frame::pitch();
        let count = 2.0 + if date.is_some() { 1.0 } else { 0.0 };
        self.flow.ensure(pitch * count);
        self.flow.y += pitch;
        let width = self.flow.frame.width - 2.0 * BODY_SIZE;
        for text in std::iter::once(unit).chain(date) {
            let lines = set_block(
                self.m,
                &[Span {
                    role: Role::Body,
                    text,
                }],
                BODY_SIZE,
                width,
                0.0,
                Align::Right,
                body_squeeze(),
            )?;
            self.lines(lines, BODY_SIZE, pitch);
        }
        Ok(())
    }
}
