//! Pagination of long lists.

use serde::{Deserialize, Serialize};

/// Rows per page of the register.
pub const PAGE_SIZE: u32 = 25;

/// One page of a list, with the total so the interface can say "26–50 of 212".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The rows of this page.
    pub items: Vec<T>,
    /// 1-based page number.
    pub page: u32,
    /// Rows on a full page.
    pub page_size: u32,
    /// Rows in all pages.
    pub total: u64,
}

impl<T> Page<T> {
    /// Number of pages (at least 1, so an empty list still has page 1).
    pub fn page_count(&self) -> u32 {
        let size = u64::from(self.page_size.max(1));
        u32::try_from(self.total.div_ceil(size))
            .unwrap_or(u32::MAX)
            .max(1)
    }

    /// 0-based offset of the first row of page `page` (1-based, 0 treated as 1).
    pub fn offset(page: u32, page_size: u32) -> u64 {
        u64::from(page.max(1) - 1) * u64::from(page_size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(total: u64) -> Page<()> {
        Page {
            items: vec![],
            page: 1,
            page_size: 25,
            total,
        }
    }

    #[test]
    fn an_empty_list_has_one_page() {
        assert_eq!(page(0).page_count(), 1);
    }

    #[test]
    fn a_partial_last_page_counts_as_a_page() {
        assert_eq!(page(25).page_count(), 1);
        assert_eq!(page(26).page_count(), 2);
    }

    #[test]
    fn page_zero_is_treated_as_the_first_page() {
        assert_eq!(Page::<()>::offset(0, 25), 0);
        assert_eq!(Page::<()>::offset(3, 25), 50);
    }
}
