//! Tables in the PDF, bottom first: [`break_costs`] says what a line break before each
//! character of a cell costs; [`grid`] places the cells on the grid and shapes them;
//! [`columns`] says what each column needs and shares the width; [`cell_lines`] breaks a
//! cell's text into lines; [`measure`] picks the size and measures every row; [`rows`]
//! draws rows as ruled, shaded cells; [`title`] sets the title block and the caption of
//! continuation pages; [`paginate`] flows the whole into pages, header rows repeated.

mod break_costs;
mod cell_lines;
mod columns;
mod grid;
mod measure;
mod paginate;
mod rows;
mod title;

pub use paginate::place_table;
