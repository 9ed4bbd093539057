//! The funders' workbook (server only): the indicators as XLSX, one sheet per grouping (all and
//! by gender, by district, by school), a sheet of the city's targets with the weekly minimum,
//! and one of the self-assessed levels. Counts are numbers, shares are fractions formatted as
//! percentages, every text is a text cell (never a formula, FORMATS.md "No formulas"; a text
//! that a spreadsheet would read as one is also quote-prefixed).

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::domain::cefr::Skill;
use crate::domain::indicators::IndicatorRow;
use crate::domain::targets::{Target, TargetFigures};
use crate::i18n::{translate, Locale};

/// The workbook's MIME type.
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The sheets' message ids, in order.
pub const SHEETS: [&str; 5] = [
    "xlsx-sheet-gender",
    "xlsx-sheet-district",
    "xlsx-sheet-school",
    "xlsx-sheet-targets",
    "xlsx-sheet-levels",
];

struct Cells {
    bold: Format,
    percent: Format,
    text: Format,
    quoted: Format,
}

impl Cells {
    fn new() -> Self {
        Cells {
            bold: Format::new().set_bold(),
            percent: Format::new().set_num_format("0.0%"),
            text: Format::new(),
            quoted: Format::new().set_quote_prefix(),
        }
    }

    /// A text cell; one that begins like a formula is shown as the text it is.
    fn text(&self, ws: &mut Worksheet, row: u32, col: u16, s: &str) -> Result<(), XlsxError> {
        let format = if s.starts_with(['=', '+', '-', '@']) {
            &self.quoted
        } else {
            &self.text
        };
        ws.write_string_with_format(row, col, s, format)?;
        Ok(())
    }

    fn number(&self, ws: &mut Worksheet, row: u32, col: u16, n: u32) -> Result<(), XlsxError> {
        ws.write_number(row, col, n)?;
        Ok(())
    }

    /// A share in tenths of a percent as a fraction formatted `0.0%`; empty for `None`.
    fn share(
        &self,
        ws: &mut Worksheet,
        row: u32,
        col: u16,
        tenths: Option<u32>,
    ) -> Result<(), XlsxError> {
        if let Some(t) = tenths {
            ws.write_number_with_format(row, col, f64::from(t) / 1000.0, &self.percent)?;
        }
        Ok(())
    }

    /// A bold header row with each column's width.
    fn header(&self, ws: &mut Worksheet, titles: &[(String, f64)]) -> Result<(), XlsxError> {
        for (c, (title, width)) in titles.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            ws.write_string_with_format(0, c, title, &self.bold)?;
            ws.set_column_width(c, *width)?;
        }
        ws.set_freeze_panes(1, 0)?;
        Ok(())
    }
}

/// Everything the workbook shows.
pub struct WorkbookData<'a> {
    /// The counts, as the `indicators` export.
    pub rows: &'a [IndicatorRow],
    /// The targets' figures, same groups.
    pub figures: &'a [TargetFigures],
    /// The range of start dates.
    pub range: (Option<NaiveDate>, Option<NaiveDate>),
    /// The day the targets were judged on.
    pub today: NaiveDate,
    /// The language of the texts.
    pub locale: Locale,
}

fn group_label(locale: Locale, group: &str, value: &str) -> String {
    match group {
        "all" => translate(locale, "indicators-all", &[]),
        "gender" => translate(locale, &format!("gender-{value}"), &[]),
        _ => value.to_owned(),
    }
}

fn counts_sheet(
    ws: &mut Worksheet,
    cells: &Cells,
    data: &WorkbookData<'_>,
    groups: &[&str],
) -> Result<(), XlsxError> {
    let tr = |id: &str| translate(data.locale, id, &[]);
    let mut titles = vec![(tr("indicators-group"), 26.0)];
    for c in &crate::domain::indicators::INDICATOR_COLUMNS[2..] {
        titles.push((tr(&format!("indicators-{c}")), 14.0));
    }
    cells.header(ws, &titles)?;
    let shown = data
        .rows
        .iter()
        .filter(|r| groups.contains(&r.group.as_str()));
    for (row, r) in (1u32..).zip(shown) {
        cells.text(ws, row, 0, &group_label(data.locale, &r.group, &r.value))?;
        let t = &r.tally;
        let counts = [
            t.enrolled,
            t.completed,
            t.left_early,
            t.ongoing,
            t.in_work,
            t.in_education,
            t.self_sufficient,
            t.full,
            t.partial,
        ];
        for (c, n) in (1u16..).zip(counts) {
            cells.number(ws, row, c, n)?;
        }
        cells.share(ws, row, 10, t.share_of_enrolled())?;
        cells.share(ws, row, 11, t.share_of_completed())?;
    }
    Ok(())
}

fn targets_sheet(
    ws: &mut Worksheet,
    cells: &Cells,
    data: &WorkbookData<'_>,
) -> Result<(), XlsxError> {
    let tr = |id: &str| translate(data.locale, id, &[]);
    let mut titles = vec![
        (tr("indicators-group"), 26.0),
        (tr("indicators-enrolled"), 12.0),
    ];
    for target in Target::ALL {
        let name = tr(&format!("target-{}", target.as_str()));
        for part in ["judged", "reached", "share", "met"] {
            titles.push((
                format!("{name}: {}", tr(&format!("target-col-{part}"))),
                16.0,
            ));
        }
    }
    for part in ["met", "short", "excused", "share"] {
        titles.push((tr(&format!("weeks-col-{part}")), 16.0));
    }
    cells.header(ws, &titles)?;
    for (i, f) in data.figures.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        cells.text(ws, row, 0, &group_label(data.locale, &f.group, &f.value))?;
        cells.number(ws, row, 1, f.enrolled)?;
        let mut col = 2;
        for target in Target::ALL {
            let t = f.target(target);
            cells.number(ws, row, col, t.judged)?;
            cells.number(ws, row, col + 1, t.reached)?;
            cells.share(ws, row, col + 2, t.share())?;
            if let Some(met) = t.meets(target) {
                let verdict = if met { "target-met" } else { "target-not-met" };
                cells.text(ws, row, col + 3, &tr(verdict))?;
            }
            col += 4;
        }
        cells.number(ws, row, col, f.weeks.met)?;
        cells.number(ws, row, col + 1, f.weeks.short)?;
        cells.number(ws, row, col + 2, f.weeks.excused)?;
        cells.share(ws, row, col + 3, f.weeks_met_share())?;
    }
    // Below the table: the range, the day judged, and what the columns mean.
    let below = u32::try_from(data.figures.len() + 2).unwrap_or(u32::MAX);
    let day = |d: Option<NaiveDate>| {
        d.map(crate::domain::participant::format_date)
            .unwrap_or_default()
    };
    let range = translate(
        data.locale,
        "xlsx-range",
        &[
            ("from", day(data.range.0)),
            ("to", day(data.range.1)),
            ("today", day(Some(data.today))),
        ],
    );
    cells.text(ws, below, 0, &range)?;
    cells.text(ws, below + 1, 0, &tr("targets-explained"))?;
    Ok(())
}

fn levels_sheet(
    ws: &mut Worksheet,
    cells: &Cells,
    data: &WorkbookData<'_>,
) -> Result<(), XlsxError> {
    let tr = |id: &str| translate(data.locale, id, &[]);
    let mut titles = vec![(tr("indicators-group"), 26.0)];
    for skill in Skill::ALL {
        let name = tr(&format!("skill-{}", skill.as_str()));
        titles.push((format!("{name}: {}", tr("levels-col-median")), 18.0));
        titles.push((format!("{name}: {}", tr("levels-col-participants")), 18.0));
    }
    cells.header(ws, &titles)?;
    for (i, f) in data.figures.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        cells.text(ws, row, 0, &group_label(data.locale, &f.group, &f.value))?;
        for (s, m) in (0u16..).zip(f.skills.iter()) {
            if let Some(t) = m.median_tenths {
                ws.write_number(row, 1 + 2 * s, f64::from(t) / 10.0)?;
            }
            cells.number(ws, row, 2 + 2 * s, m.participants)?;
        }
    }
    Ok(())
}

/// The workbook as bytes.
pub fn workbook(data: &WorkbookData<'_>) -> Result<Vec<u8>, XlsxError> {
    let cells = Cells::new();
    let mut wb = Workbook::new();
    let name = |i: usize| translate(data.locale, SHEETS[i], &[]);
    counts_sheet(
        wb.add_worksheet().set_name(name(0))?,
        &cells,
        data,
        &["all", "gender"],
    )?;
    counts_sheet(
        wb.add_worksheet().set_name(name(1))?,
        &cells,
        data,
        &["district"],
    )?;
    counts_sheet(
        wb.add_worksheet().set_name(name(2))?,
        &cells,
        data,
        &["school"],
    )?;
    targets_sheet(wb.add_worksheet().set_name(name(3))?, &cells, data)?;
    levels_sheet(wb.add_worksheet().set_name(name(4))?, &cells, data)?;
    wb.save_to_buffer()
}
