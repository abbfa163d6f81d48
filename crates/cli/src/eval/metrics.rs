//! The benchmark metrics, exactly as `../shared/bench/README.md` defines
//! them, plus the snippet and metadata checks. Pure functions of strings, so
//! they can be tested on hand-computed examples.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// `\w+` over Unicode word characters: an unspaced CJK run is one token.
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\w+").expect("the word regex is a valid constant"));

/// The two page metrics of the benchmark README.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// scrapinghub: 4-gram shingle P/R per page, F1 of the mean P and mean R.
    Shingle,
    /// WCXB: lower-cased bag-of-words P/R/F1 per page, each averaged.
    Bow,
}

impl Metric {
    /// The metric's name, as `--metric` accepts it.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Shingle => "shingle",
            Metric::Bow => "bow",
        }
    }

    /// Scores one page's prediction against its truth.
    pub fn score(self, prediction: &str, truth: &str) -> PageScore {
        match self {
            Metric::Shingle => shingle_page(prediction, truth),
            Metric::Bow => bow_page(prediction, truth),
        }
    }

    /// Averages page scores the way this metric's benchmark does.
    pub fn aggregate(self, pages: &[PageScore]) -> Means {
        let precision = mean(pages.iter().filter(|p| p.in_precision).map(|p| p.precision));
        let recall = mean(pages.iter().filter(|p| p.in_recall).map(|p| p.recall));
        let f1 = match self {
            // scrapinghub takes F1 of the two means...
            Metric::Shingle => f1(precision, recall),
            // ...WCXB the mean of the per-page F1.
            Metric::Bow => mean(pages.iter().map(|p| p.f1)),
        };
        Means {
            pages: pages.len(),
            precision_pages: pages.iter().filter(|p| p.in_precision).count(),
            recall_pages: pages.iter().filter(|p| p.in_recall).count(),
            precision,
            recall,
            f1,
            accuracy: mean(pages.iter().map(|p| if p.exact { 1.0 } else { 0.0 })),
        }
    }
}

/// One page's score under either metric.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// Per-page precision.
    pub precision: f64,
    /// Per-page recall.
    pub recall: f64,
    /// Per-page F1 (for the shingle metric only informative: the set's F1
    /// is computed from the means).
    pub f1: f64,
    /// Whether the page enters the precision mean (shingle: `tp+fp > 0`).
    pub in_precision: bool,
    /// Whether the page enters the recall mean (shingle: `tp+fn > 0`).
    pub in_recall: bool,
    /// Whether the prediction's token sequence equals the truth's.
    pub exact: bool,
    /// Token count of the prediction.
    pub pred_tokens: usize,
    /// Token count of the truth.
    pub truth_tokens: usize,
    /// Shingle metric: `tp`, `fp`, `fn` divided by `tp+fp+fn` (all 0 for two
    /// empty texts). Bag-of-words: the overlap, and the unmatched prediction
    /// and truth token counts, unnormalised.
    pub counts: [f64; 3],
}

/// Set-level means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Means {
    /// Pages scored.
    pub pages: usize,
    /// Pages in the precision mean.
    pub precision_pages: usize,
    /// Pages in the recall mean.
    pub recall_pages: usize,
    /// Mean precision.
    pub precision: f64,
    /// Mean recall.
    pub recall: f64,
    /// F1 as the metric defines it.
    pub f1: f64,
    /// Share of pages whose token sequence equals the truth's.
    pub accuracy: f64,
}

/// The tokens of `text`, case kept.
pub fn tokens(text: &str) -> Vec<&str> {
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

/// The tokens of the lower-cased `text`.
pub fn lower_tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    WORD.find_iter(&lower)
        .map(|m| m.as_str().to_owned())
        .collect()
}

/// 2PR/(P+R), 0 when both are 0.
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// The arithmetic mean, 0 for no values (so an empty set reads as a miss,
/// not as NaN in the table).
pub fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// The multiset of contiguous 4-gram shingles; 1 to 3 tokens give one
/// shorter shingle, no tokens none.
fn shingles<'a>(tokens: &'a [&'a str]) -> HashMap<&'a [&'a str], usize> {
    let mut set = HashMap::new();
    if tokens.len() < 4 {
        if !tokens.is_empty() {
            set.insert(tokens, 1);
        }
        return set;
    }
    for window in tokens.windows(4) {
        *set.entry(window).or_insert(0) += 1;
    }
    set
}

/// scrapinghub's per-page score: README "scrapinghub" steps 1 to 4.
pub fn shingle_page(prediction: &str, truth: &str) -> PageScore {
    let pred_tokens = tokens(prediction);
    let truth_tokens = tokens(truth);
    let pred = shingles(&pred_tokens);
    let gold = shingles(&truth_tokens);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (s, &p) in &pred {
        let t = gold.get(s).copied().unwrap_or(0);
        tp += p.min(t);
        fp += p.saturating_sub(t);
    }
    for (s, &t) in &gold {
        let p = pred.get(s).copied().unwrap_or(0);
        fn_ += t.saturating_sub(p);
    }
    // Normalising weighs every page alike; it does not change the ratios.
    let total = (tp + fp + fn_) as f64;
    let (tp, fp, fn_) = if total > 0.0 {
        (tp as f64 / total, fp as f64 / total, fn_ as f64 / total)
    } else {
        (0.0, 0.0, 0.0)
    };
    let (precision, recall) = if fp == 0.0 && fn_ == 0.0 {
        (1.0, 1.0)
    } else {
        let p = if tp == 0.0 && fp == 0.0 {
            0.0
        } else {
            tp / (tp + fp)
        };
        let r = if tp == 0.0 && fn_ == 0.0 {
            0.0
        } else {
            tp / (tp + fn_)
        };
        (p, r)
    };
    PageScore {
        precision,
        recall,
        f1: f1(precision, recall),
        in_precision: tp + fp > 0.0,
        in_recall: tp + fn_ > 0.0,
        exact: pred_tokens == truth_tokens,
        pred_tokens: pred_tokens.len(),
        truth_tokens: truth_tokens.len(),
        counts: [tp, fp, fn_],
    }
}

/// WCXB's per-page score: README "wcxb-dev" steps 1 and 2. "Empty" means
/// no tokens, since P and R are defined over tokens.
pub fn bow_page(prediction: &str, truth: &str) -> PageScore {
    let pred_tokens = lower_tokens(prediction);
    let truth_tokens = lower_tokens(truth);
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for t in &pred_tokens {
        counts.entry(t).or_default().0 += 1;
    }
    for t in &truth_tokens {
        counts.entry(t).or_default().1 += 1;
    }
    let overlap: usize = counts.values().map(|&(p, t)| p.min(t)).sum();
    let (np, nt) = (pred_tokens.len(), truth_tokens.len());
    let (precision, recall, f) = if nt == 0 {
        let v = if np == 0 { 1.0 } else { 0.0 };
        (v, v, v)
    } else if np == 0 {
        (0.0, 0.0, 0.0)
    } else {
        let p = overlap as f64 / np as f64;
        let r = overlap as f64 / nt as f64;
        (p, r, f1(p, r))
    };
    PageScore {
        precision,
        recall,
        f1: f,
        in_precision: true,
        in_recall: true,
        exact: pred_tokens == truth_tokens,
        pred_tokens: np,
        truth_tokens: nt,
        counts: [overlap as f64, (np - overlap) as f64, (nt - overlap) as f64],
    }
}

/// Lower-cases and collapses every whitespace run to one space, trimming
/// the ends: the form snippets and titles are compared in.
pub fn normalize(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `snippet` occurs in `normalized_output` (already [`normalize`]d)
/// as a case-insensitive substring after collapsing whitespace. `None` for a
/// snippet that is blank, which says nothing about the output.
pub fn snippet_found(normalized_output: &str, snippet: &str) -> Option<bool> {
    let snippet = normalize(snippet);
    if snippet.is_empty() {
        return None;
    }
    Some(normalized_output.contains(&snippet))
}

/// Title accuracy: the [`normalize`]d truth equals the normalised predicted
/// title or is contained in it (a prediction like "Title | Site" counts).
pub fn title_match(predicted: Option<&str>, truth: &str) -> bool {
    let truth = normalize(truth);
    match predicted {
        Some(p) => normalize(p).contains(&truth),
        None => false,
    }
}

/// Whether `needle` occurs as a contiguous run in `haystack`.
fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty()
        && needle.len() <= haystack.len()
        && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Author accuracy, compared as lower-cased `\w+` token sequences so that
/// punctuation and spacing do not matter: a hit when the truth equals, or
/// is contained in, any predicted author or all of them joined ("By Jane
/// Doe" matches "Jane Doe"), or when a predicted author is contained in the
/// truth (a truth listing several authors, "A, B and C", matches "B").
pub fn author_match(predicted: &[String], truth: &str) -> bool {
    let truth = lower_tokens(truth);
    if truth.is_empty() {
        return false;
    }
    let joined = lower_tokens(&predicted.join(" "));
    std::iter::once(joined)
        .chain(predicted.iter().map(|a| lower_tokens(a)))
        .any(|cand| contains_run(&cand, &truth) || contains_run(&truth, &cand))
}

/// Date accuracy: the predicted ISO 8601 date starts with the truth's
/// `YYYY-MM-DD` prefix (or with the whole truth when it is shorter, as a
/// `YYYY-MM` truth is).
pub fn date_match(predicted: Option<&str>, truth: &str) -> bool {
    let truth = truth.trim();
    let key = truth.get(..10).unwrap_or(truth);
    match predicted {
        Some(p) => !key.is_empty() && p.trim().starts_with(key),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn tokens_are_unicode_words_and_cjk_runs() {
        assert_eq!(
            tokens("Hello, world! It's 3.5"),
            ["Hello", "world", "It", "s", "3", "5"]
        );
        // An unspaced CJK run is one token; punctuation splits it.
        assert_eq!(tokens("東京は晴れ。明日"), ["東京は晴れ", "明日"]);
        assert_eq!(tokens("snake_case café"), ["snake_case", "café"]);
        assert_eq!(lower_tokens("The THE tHe"), ["the", "the", "the"]);
    }

    #[test]
    fn shingle_identical_text() {
        let s = shingle_page("a b c d e", "a b c d e");
        assert_eq!((s.precision, s.recall), (1.0, 1.0));
        assert!(s.exact && s.in_precision && s.in_recall);
        assert_eq!(s.counts, [1.0, 0.0, 0.0]);
    }

    #[test]
    fn shingle_hand_computed() {
        // truth a b c d e f: abcd bcde cdef. prediction x a b c d e:
        // xabc abcd bcde. tp 2, fp 1, fn 1 -> P = R = 2/3.
        let s = shingle_page("x a b c d e", "a b c d e f");
        assert!(close(s.precision, 2.0 / 3.0) && close(s.recall, 2.0 / 3.0));
        assert!(close(s.counts[0], 0.5) && close(s.counts[1], 0.25) && close(s.counts[2], 0.25));
        assert!(!s.exact);
        // Multiset: a repeated shingle is matched at most as often as it occurs.
        // pred "a b c d a b c d": abcd bcda cdab dabc abcd; truth "a b c d": abcd.
        let s = shingle_page("a b c d a b c d", "a b c d");
        assert!(close(s.precision, 0.2) && close(s.recall, 1.0));
    }

    #[test]
    fn shingle_punctuation_dropped_case_kept() {
        let s = shingle_page("a, b; c. d!", "a b c d");
        assert!(s.exact && s.precision == 1.0);
        let s = shingle_page("A b c d", "a b c d");
        assert_eq!((s.precision, s.recall), (0.0, 0.0));
        assert!(!s.exact && s.in_precision && s.in_recall);
    }

    #[test]
    fn shingle_short_texts_give_one_shorter_shingle() {
        // 1 to 3 tokens: one shingle of all tokens.
        assert_eq!(shingle_page("a b c", "a b c").precision, 1.0);
        let s = shingle_page("a b", "a b c");
        assert_eq!((s.precision, s.recall), (0.0, 0.0));
        assert_eq!(s.counts, [0.0, 0.5, 0.5]);
        // A 3-token prediction against a 4-token truth shares no shingle.
        let s = shingle_page("a b c", "a b c d");
        assert_eq!((s.precision, s.recall), (0.0, 0.0));
        assert_eq!(shingle_page("word", "word").recall, 1.0);
    }

    #[test]
    fn shingle_empty_sides() {
        // Empty prediction: out of the precision mean, recall 0.
        let s = shingle_page("", "a b c d e");
        assert!(!s.in_precision && s.in_recall);
        assert_eq!((s.precision, s.recall), (0.0, 0.0));
        // Punctuation only is empty too.
        assert!(!shingle_page(" -- ! ", "a b").in_precision);
        // Empty truth: precision 0, out of the recall mean.
        let s = shingle_page("a b c d", "");
        assert!(s.in_precision && !s.in_recall);
        assert_eq!(s.precision, 0.0);
        // Both empty: fp == fn == 0 -> P = R = 1, but in neither mean.
        let s = shingle_page("", "");
        assert_eq!((s.precision, s.recall), (1.0, 1.0));
        assert!(!s.in_precision && !s.in_recall && s.exact);
        assert_eq!(s.counts, [0.0, 0.0, 0.0]);
    }

    #[test]
    fn shingle_aggregate_excludes_empty_predictions_from_precision() {
        let pages = [
            shingle_page("a b c d", "a b c d"),     // P 1, R 1
            shingle_page("", "a b c d"),            // P -, R 0
            shingle_page("x a b c d", "a b c d e"), // P 1/2, R 1/2
        ];
        let m = Metric::Shingle.aggregate(&pages);
        assert_eq!((m.pages, m.precision_pages, m.recall_pages), (3, 2, 3));
        assert!(close(m.precision, 0.75));
        assert!(close(m.recall, 0.5));
        // F1 of the means, not the mean of per-page F1 (which is 0.5).
        assert!(close(m.f1, 2.0 * 0.75 * 0.5 / 1.25));
        assert!(close(m.accuracy, 1.0 / 3.0));
    }

    #[test]
    fn accuracy_is_token_sequence_equality() {
        assert!(shingle_page("Hello,   world!\n", "Hello world").exact);
        assert!(!shingle_page("world Hello", "Hello world").exact);
        // Same bag, different order: full bow score but not exact.
        let b = bow_page("world hello", "hello world");
        assert_eq!(b.f1, 1.0);
        assert!(!b.exact);
    }

    #[test]
    fn bow_hand_computed() {
        // pred the cat sat (3), truth The cat sat on the mat (6): overlap
        // the, cat, sat = 3 -> P 1, R 1/2, F1 2/3.
        let b = bow_page("the cat sat", "The cat sat on the mat");
        assert!(close(b.precision, 1.0) && close(b.recall, 0.5) && close(b.f1, 2.0 / 3.0));
        // Counts clip: "the the the" vs "the cat": overlap 1 -> P 1/3, R 1/2.
        let b = bow_page("the the the", "the cat");
        assert!(close(b.precision, 1.0 / 3.0) && close(b.recall, 0.5));
        assert!(close(b.f1, 0.4));
        assert_eq!(b.counts, [1.0, 2.0, 1.0]);
    }

    #[test]
    fn bow_empty_cases() {
        let b = bow_page("", "");
        assert_eq!((b.precision, b.recall, b.f1), (1.0, 1.0, 1.0));
        let b = bow_page("something", "");
        assert_eq!((b.precision, b.recall, b.f1), (0.0, 0.0, 0.0));
        let b = bow_page("", "some truth");
        assert_eq!((b.precision, b.recall, b.f1), (0.0, 0.0, 0.0));
        // Every page enters every bow mean.
        assert!(b.in_precision && b.in_recall);
    }

    #[test]
    fn bow_mean_f1_can_sit_below_mean_p_and_r() {
        // Page 1: P 1, R 0.1, F1 2/11; page 2: P 0.1, R 1, F1 2/11.
        let truth1 = "a b c d e f g h i j";
        let pred2 = "a b c d e f g h i j";
        let pages = [bow_page("a", truth1), bow_page(pred2, "a")];
        let m = Metric::Bow.aggregate(&pages);
        assert!(close(m.precision, 0.55) && close(m.recall, 0.55));
        assert!(close(m.f1, 2.0 / 11.0));
        assert!(m.f1 < m.precision && m.f1 < m.recall);
    }

    #[test]
    fn bow_lower_cases_and_keeps_cjk_runs_whole() {
        assert_eq!(bow_page("HELLO World", "hello world").f1, 1.0);
        // One token each side, and different: no partial credit inside a run.
        let b = bow_page("東京は晴れ", "東京は雨");
        assert_eq!((b.pred_tokens, b.truth_tokens, b.f1), (1, 1, 0.0));
    }

    #[test]
    fn snippets_match_case_insensitively_across_whitespace() {
        let out = normalize("The quick\n\n brown   FOX jumps.\nOver");
        assert_eq!(snippet_found(&out, "quick brown fox"), Some(true));
        assert_eq!(snippet_found(&out, "  Quick\tBROWN\u{a0}fox "), Some(true));
        assert_eq!(snippet_found(&out, "jumps. over"), Some(true));
        assert_eq!(snippet_found(&out, "jumps over"), Some(false));
        assert_eq!(snippet_found(&out, "lazy dog"), Some(false));
        assert_eq!(snippet_found(&out, " \n "), None);
    }

    #[test]
    fn metadata_matching() {
        assert!(title_match(Some("  A  Headline "), "a headline"));
        assert!(title_match(Some("A Headline | The Site"), "A headline"));
        assert!(!title_match(Some("A Head"), "A headline"));
        assert!(!title_match(None, "A headline"));

        let authors = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(author_match(&authors(&["jane DOE"]), "Jane Doe"));
        assert!(author_match(&authors(&["By Jane Doe"]), "Jane Doe"));
        assert!(author_match(&authors(&["Bob", "Jane Doe"]), "Jane Doe"));
        assert!(author_match(
            &authors(&["Jane Doe"]),
            "Jane Doe, Bob Roe and Al"
        ));
        assert!(author_match(
            &authors(&["Maria", "Katerina"]),
            "Maria & Katerina"
        ));
        assert!(!author_match(&authors(&["Jane Roe"]), "Jane Doe"));
        assert!(!author_match(&authors(&["Jan"]), "Jane Doe"));
        assert!(!author_match(&[], "Jane Doe"));

        assert!(date_match(Some("2025-09-04T10:00:00+02:00"), "2025-09-04"));
        assert!(date_match(Some("2025-09-04"), "2025-09-04 12:00"));
        assert!(!date_match(Some("2025-09-05"), "2025-09-04"));
        assert!(date_match(Some("2025-09-30"), "2025-09"));
        assert!(!date_match(None, "2025-09-04"));
    }
}
