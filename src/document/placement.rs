//! Places the cells of a header or body grid on their columns, honouring row and column
//! spans: which column each cell starts in, shared by both renderers, and a refusal of
//! grids that would overflow the table.

use super::model::Cell;

/// A cell's position in its grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    /// Grid row index.
    pub row: usize,
    /// First grid column the cell covers.
    pub col: usize,
}

/// Positions of every cell of `rows` (same shape as `rows`), for a grid of `width` columns.
/// Errors name the table, row and cell that do not fit.
pub fn place(
    table_id: &str,
    part: &str,
    rows: &[&[Cell]],
    width: usize,
) -> Result<Vec<Vec<Placed>>, String> {
    let height = rows.len();
    let mut taken = vec![vec![false; width]; height];
    let mut placed = Vec::with_capacity(height);
    for (r, cells) in rows.iter().enumerate() {
        let mut col = 0;
        let mut row_places = Vec::with_capacity(cells.len());
        for (i, cell) in cells.iter().enumerate() {
            while col < width && taken[r][col] {
                col += 1;
            }
            let colspan = usize::from(cell.colspan.max(1));
            let rowspan = usize::from(cell.rowspan.max(1));
            if col + colspan > width {
                return Err(format!(
                    "table {table_id}: {part} row {} cell {} (“{}”) ends past column {width}",
                    r + 1,
                    i + 1,
                    cell.text
                ));
            }
            if r + rowspan > height {
                return Err(format!(
                    "table {table_id}: {part} row {} cell {} (“{}”) spans {rowspan} rows past the {part}'s end",
                    r + 1,
                    i + 1,
                    cell.text
                ));
            }
            for line in taken.iter_mut().skip(r).take(rowspan) {
                for slot in line.iter_mut().skip(col).take(colspan) {
                    if *slot {
                        return Err(format!(
                            "table {table_id}: {part} row {} cell {} (“{}”) overlaps another cell",
                            r + 1,
                            i + 1,
                            cell.text
                        ));
                    }
                    *slot = true;
                }
            }
            row_places.push(Placed { row: r, col });
            col += colspan;
        }
        placed.push(row_places);
    }
    Ok(placed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(t: &str) -> Cell {
        Cell::center(t)
    }

    #[test]
    fn rowspans_push_later_cells_right() {
        let r1 = vec![
            c("科目编码").span(3, 1),
            c("名称").span(1, 2),
            c("合计").span(1, 2),
        ];
        let r2 = vec![c("类"), c("款"), c("项")];
        let rows: Vec<&[Cell]> = vec![&r1, &r2];
        let p = place("t", "header", &rows, 5).unwrap();
        assert_eq!(
            p[0].iter().map(|x| x.col).collect::<Vec<_>>(),
            vec![0, 3, 4]
        );
        assert_eq!(
            p[1].iter().map(|x| x.col).collect::<Vec<_>>(),
            vec![0, 1, 2]
        );
    }

    #[test]
    fn rowspan_holes_are_skipped_mid_row() {
        let r1 = vec![c("a").span(1, 2), c("b"), c("c").span(1, 2)];
        let r2 = vec![c("d")];
        let rows: Vec<&[Cell]> = vec![&r1, &r2];
        let p = place("t", "header", &rows, 3).unwrap();
        assert_eq!(p[1][0].col, 1);
    }

    #[test]
    fn overflowing_cells_are_reported() {
        let r1 = vec![c("a").span(2, 1), c("b")];
        let rows: Vec<&[Cell]> = vec![&r1];
        let e = place("table-2", "header", &rows, 2).unwrap_err();
        assert!(e.contains("table-2") && e.contains("“b”"), "{e}");
        let r2 = vec![c("a").span(1, 3)];
        let rows: Vec<&[Cell]> = vec![&r2];
        assert!(place("t", "body", &rows, 2)
            .unwrap_err()
            .contains("spans 3 rows"));
    }
}
