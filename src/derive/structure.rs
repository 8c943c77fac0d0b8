//! Structure lists whose shares must add up to 100%: income by kind, spending by basic and
//! project, 一般公共预算 by 类. Text and charts both read these.

use super::figures::Figures;
use super::ledger::Level;
use super::shares::ShareBook;
use crate::budget::codes::FuncCode;
use crate::budget::source::Budget as Fiscal;
use crate::budget::{IncomeKind, ShareRounding};
use crate::money::{Money, Percent};

/// One part of a whole with its share.
#[derive(Debug, Clone, PartialEq)]
pub struct Part<K> {
    /// What it is.
    pub key: K,
    /// Amount.
    pub amount: Money,
    /// Share of the whole.
    pub share: Percent,
}

/// The three structure lists.
#[derive(Debug, Clone, PartialEq)]
pub struct Structures {
    /// Income by kind, all ten kinds in print order.
    pub income: Vec<Part<IncomeKind>>,
    /// 基本支出, 项目支出.
    pub spending: [Part<&'static str>; 2],
    /// 一般公共预算 by 类.
    pub general_by_class: Vec<Part<FuncCode>>,
}

fn parts<K: Clone>(items: Vec<(K, Money)>, book: &mut ShareBook) -> Vec<Part<K>> {
    let amounts: Vec<Money> = items.iter().map(|(_, m)| *m).collect();
    items
        .into_iter()
        .zip(book.shares(&amounts))
        .map(|((key, amount), share)| Part { key, amount, share })
        .collect()
}

/// Computes the structure lists with the budget's rounding mode, in one [`ShareBook`]: a
/// ratio printed in two lists prints alike.
pub fn structures(f: &Figures<'_>, mode: ShareRounding) -> Structures {
    let mut book = ShareBook::new(mode);
    let income = parts(
        IncomeKind::ALL
            .iter()
            .map(|k| (*k, f.income.get(k).copied().unwrap_or_default()))
            .collect(),
        &mut book,
    );
    let sp = parts(
        vec![("基本支出", f.basic), ("项目支出", f.project)],
        &mut book,
    );
    let spending = [sp[0].clone(), sp[1].clone()];
    let general_by_class = f
        .budget_trees
        .get(&Fiscal::General)
        .map(|t| {
            parts(
                t.level(Level::Class)
                    .map(|r| (r.code.clone(), r.values[0]))
                    .collect(),
                &mut book,
            )
        })
        .unwrap_or_default();
    Structures {
        income,
        spending,
        general_by_class,
    }
}
