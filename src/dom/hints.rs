//! Markup hints: what an element's `class`, `id` and `role` say it is.
//!
//! Computed once, when the parser creates the element, into a bit set, so
//! the attribute strings need not be kept.

use std::sync::LazyLock;

/// Navigation, menus, breadcrumbs, pagination.
pub(crate) const NAV: u32 = 1 << 0;
/// Related / trending / popular / recommended / "read also" boxes.
pub(crate) const RELATED: u32 = 1 << 1;
/// Ads and sponsored blocks.
pub(crate) const AD: u32 = 1 << 2;
/// Share, follow and social widgets.
pub(crate) const SOCIAL: u32 = 1 << 3;
/// Cookie, consent, newsletter, subscription and login banners.
pub(crate) const BANNER: u32 = 1 << 4;
/// Page footers and copyright lines.
pub(crate) const FOOTER: u32 = 1 << 5;
/// Sidebars and widget areas; also what the publisher keeps out of search
/// snippets (`data-nosnippet`, `nocontent`).
pub(crate) const SIDEBAR: u32 = 1 << 6;
/// Comment threads.
pub(crate) const COMMENT: u32 = 1 << 7;
/// Bylines, dates, tags and other article metadata.
pub(crate) const BYLINE: u32 = 1 << 8;
/// Hidden by markup: `hidden`, `aria-hidden` (not on links), `display:none`,
/// screen-reader-only classes.
pub(crate) const HIDDEN: u32 = 1 << 9;
/// Named like a content container (`article-body`, `entry-content`, `itemprop=articleBody`).
pub(crate) const CONTENT: u32 = 1 << 10;
/// The `main` landmark (`<main>`, `role=main`).
pub(crate) const MAIN: u32 = 1 << 11;
/// A site header or masthead.
pub(crate) const HEADER: u32 = 1 << 12;
/// Dialogs, modals and popups.
pub(crate) const MODAL: u32 = 1 << 13;

/// Forms: search boxes, sign-up and comment forms.
pub(crate) const FORM: u32 = 1 << 14;
/// Prices, carts, ratings and other shop widgets.
pub(crate) const COMMERCE: u32 = 1 << 15;
/// A post's signature: a forum member's and the panel of their details
/// beside each post (`userExtras`: join date, post count), or the author bio
/// box that signs off an article (`author-bio`, `about-author`, `bio`).
pub(crate) const SIGNATURE: u32 = 1 << 16;
/// Disclaimers, disclosures, legal notes and footnotes (fine print and
/// reference lists).
pub(crate) const LEGAL: u32 = 1 << 17;
/// Names an author (`class="author"`, `byline`, `rel=author`); a
/// [`BYLINE`] too, kept apart for metadata. Alone (no [`BYLINE`]) on a
/// link to an author's page (`/author/jane-doe/`): metadata only.
pub(crate) const AUTHOR: u32 = 1 << 18;
/// Named unmistakably as an article's body (`entry-content`,
/// `itemprop=articleBody`); a [`CONTENT`] too. The bare word `content`
/// names wrappers of every kind and does not count.
pub(crate) const BODY: u32 = 1 << 19;

/// The `main` landmark itself, `<main>` or `role=main`, not a class that
/// says `main`; a [`MAIN`] too.
pub(crate) const LANDMARK: u32 = 1 << 20;

/// Named as a picture's caption or credit (`wp-caption-text`,
/// `image-credit`): dropped like a `<figcaption>` unless the recall preset
/// keeps it.
pub(crate) const CAPTION: u32 = 1 << 21;

/// Named a carousel or slider; a [`RELATED`] too. A carousel of links is
/// other pages' teasers; one of plain text (testimonials, feature slides)
/// is the page's own, and the decision keeps it.
pub(crate) const CAROUSEL: u32 = 1 << 22;

/// Named by a consent-management platform (`onetrust`, `cookiebot`): its
/// cookie banner and preference centre, never the page's content however
/// much of the page's text they hold (a short forum thread under a long
/// privacy-settings dialog).
pub(crate) const CONSENT: u32 = 1 << 23;

/// Named as shoppers' reviews (`reviews`, `itemprop=review`); a
/// [`COMMERCE`] too. On a page declared a product the reviews are never
/// its content, however much of its text they hold.
pub(crate) const REVIEWS: u32 = 1 << 24;

/// The element's [`DECLARED_CHROME`] bits come from its ARIA `role`, said
/// on purpose like the tags that give them.
pub(crate) const ROLE_CHROME: u32 = 1 << 25;

/// A tab's panel (`role="tabpanel"`), or a hidden accordion panel labelled
/// by its button: a part of the page shown by its control, content
/// whatever the strip around it is named.
pub(crate) const TABPANEL: u32 = 1 << 26;

/// A notice about the page, not a part of it: a short `<noscript>` asking
/// for scripts. Never the content, however much of the page it is (a
/// shell whose only text it is gives none).
pub(crate) const NOTICE: u32 = 1 << 27;

/// Kept out of search snippets by the publisher (`data-nosnippet`), set
/// with [`SIDEBAR`]: said on purpose, so never read as a side column of
/// code examples.
pub(crate) const NOSNIPPET: u32 = 1 << 28;
/// Named a banner or a call to action (`cta`) and nothing else that says
/// ad (a `hero-banner`, a `cta-section`): set with [`AD`]. An ad in an
/// article, the page's own hero or closing pitch on a landing page. The
/// bit is free once the class scratch bits below are cleared, before the
/// words are read.
pub(crate) const PITCH: u32 = 1 << 29;

/// Named a button (`btn`, `c-button`, `role=button`) on an inline element:
/// a control ("Get a quote", "Follow"), not text. Not boilerplate for the
/// region's choice (a feed's cards carry their buttons); a block of
/// nothing else goes. Shares its bit with the sink's JSON-LD mark, which
/// only scripts carry (and never this one).
pub(crate) const CONTROL: u32 = 1 << 30;

/// What is never the content, however much of the page it holds: never
/// vetoed by its share of the prose, never lifted as a page-wide name.
pub(crate) const NEVER_CONTENT: u32 = CONSENT | NOTICE;

/// The chrome that `<aside>`, `<nav>` and `<footer>` (and their ARIA
/// roles) declare on purpose, where a class may only guess.
pub(crate) const DECLARED_CHROME: u32 = SIDEBAR | NAV | FOOTER;

/// The hints that mark a block as boilerplate.
pub(crate) const BOILERPLATE: u32 = NAV
    | RELATED
    | AD
    | SOCIAL
    | BANNER
    | FOOTER
    | SIDEBAR
    | COMMENT
    | MODAL
    | FORM
    | COMMERCE
    | SIGNATURE
    | LEGAL
    | CONSENT
    | NOTICE;

/// Words that mark boilerplate anywhere inside a class or id, as long
/// distinctive stems (so `article-related-links` matches `related`).
const STEMS: &[(&str, u32)] = &[
    // A tab's panel (Bootstrap's `tab-pane`, BEM's `tabs__panel`), and an
    // accordion's, the same thing opened by a heading's button.
    ("tab-pane", TABPANEL),
    ("tab-panel", TABPANEL),
    ("tabpanel", TABPANEL),
    ("tab-content", TABPANEL),
    ("tab__content", TABPANEL),
    ("tabs__panel", TABPANEL),
    ("accordion-body", TABPANEL),
    ("accordion-content", TABPANEL),
    ("accordion-panel", TABPANEL),
    ("accordion-collapse", TABPANEL),
    ("accordion__content", TABPANEL),
    ("accordion__panel", TABPANEL),
    ("accordion__body", TABPANEL),
    ("breadcrumb", NAV),
    ("navigation", NAV),
    ("navbar", NAV),
    // A dropdown's list, shown when its button is pressed: a menu
    // (a forum's "Jump to" list of boards, a site's submenu).
    ("dropdown-content", NAV),
    ("pagination", NAV),
    ("skiplink", NAV),
    ("skip-link", NAV),
    ("related", RELATED),
    ("trending", RELATED),
    ("popular", RELATED),
    ("populer", RELATED),
    ("recommend", RELATED),
    ("similar", RELATED),
    ("suggest", RELATED),
    ("upnext", RELATED),
    ("up-next", RELATED),
    ("more-like", RELATED),
    ("editors-pick", RELATED),
    ("editorspick", RELATED),
    ("top-stories", RELATED),
    ("topstories", RELATED),
    ("most-viewed", RELATED),
    ("mostviewed", RELATED),
    ("more-articles", RELATED),
    ("morearticles", RELATED),
    ("more-from", RELATED),
    ("whats-next", RELATED),
    ("hot-topics", RELATED),
    ("terkait", RELATED),
    ("bacajuga", RELATED),
    ("baca-juga", RELATED),
    ("readmore", RELATED),
    ("read-more", RELATED),
    ("read-also", RELATED),
    ("readalso", RELATED),
    ("mostread", RELATED),
    ("most-read", RELATED),
    ("more-stories", RELATED),
    ("morestories", RELATED),
    ("outbrain", RELATED),
    ("taboola", RELATED),
    ("recirc", RELATED),
    ("you-may", RELATED),
    ("youmay", RELATED),
    ("carousel", RELATED | CAROUSEL),
    ("also-bought", RELATED),
    ("also-viewed", RELATED),
    ("buy-together", RELATED),
    ("bought-together", RELATED),
    ("recently-viewed", RELATED),
    // Who is reading a thread or online: a forum's sidebar box.
    ("whoviewing", SIDEBAR),
    ("who-viewing", SIDEBAR),
    ("whosonline", SIDEBAR),
    ("whos-online", SIDEBAR),
    ("whoisonline", SIDEBAR),
    ("who-is-online", SIDEBAR),
    ("online-users", SIDEBAR),
    ("onlineusers", SIDEBAR),
    // Other threads listed beside a thread (vBulletin's, XenForo's).
    ("topic-list", RELATED),
    ("topiclist", RELATED),
    ("thread-list", RELATED),
    ("threadlist", RELATED),
    ("viewed-products", RELATED),
    ("might-like", RELATED),
    ("also-like", RELATED),
    ("price-box", COMMERCE),
    ("pricebox", COMMERCE),
    // Shoppers' questions and the shop's answers, beside their reviews.
    ("product-questions", COMMERCE | REVIEWS),
    ("review-widget", COMMERCE | REVIEWS),
    // A shop theme's variant picker, quantity and buy buttons, and its
    // "pickup available at" line.
    ("product-form", COMMERCE),
    ("pickup-availability", COMMERCE),
    ("add-to-cart", COMMERCE),
    ("addtocart", COMMERCE),
    ("add-to-bag", COMMERCE),
    ("buy-box", COMMERCE),
    ("buybox", COMMERCE),
    ("afterpay", COMMERCE),
    ("klarna", COMMERCE),
    ("signature", SIGNATURE),
    ("authorbio", SIGNATURE),
    ("author-bio", SIGNATURE),
    ("author_bio", SIGNATURE),
    ("about-author", SIGNATURE),
    ("about-the-author", SIGNATURE),
    ("aboutauthor", SIGNATURE),
    ("author-box", SIGNATURE),
    ("authorbox", SIGNATURE),
    ("author-card", SIGNATURE),
    ("contributor", SIGNATURE),
    ("userextras", SIGNATURE),
    ("disclaimer", LEGAL),
    ("statement", LEGAL),
    ("disclosure", LEGAL),
    ("footnote", LEGAL),
    ("optin", BANNER),
    ("opt-in", BANNER),
    ("advert", AD),
    ("sponsor", AD),
    ("adsense", AD),
    ("adspot", AD),
    ("ad-spot", AD),
    ("adunit", AD),
    ("ad-unit", AD),
    ("adbox", AD),
    ("ad-box", AD),
    ("adwrap", AD),
    ("ad-wrap", AD),
    ("ad-container", AD),
    ("adcontainer", AD),
    ("adslot", AD),
    ("ad-slot", AD),
    ("adsbygoogle", AD),
    ("doubleclick", AD),
    ("share", SOCIAL),
    ("social", SOCIAL),
    ("addthis", SOCIAL),
    ("follow-us", SOCIAL),
    ("cookie", BANNER),
    ("onetrust", CONSENT),
    ("optanon", CONSENT),
    ("cookiebot", CONSENT),
    ("usercentrics", CONSENT),
    ("didomi", CONSENT),
    ("cookieyes", CONSENT),
    ("trustarc", CONSENT),
    ("cmplz", CONSENT),
    ("consent", BANNER),
    ("gdpr", BANNER),
    // A listing's count of what it shows ("Showing 1-24 of 310").
    ("result-count", NAV),
    ("results-count", NAV),
    ("results--count", NAV),
    ("results__count", NAV),
    ("resultcount", NAV),
    ("results-bar", NAV),
    ("total-count", NAV),
    ("total-products", NAV),
    ("totalproducts", NAV),
    ("product-count", NAV),
    ("products-count", NAV),
    ("toolbar-amount", NAV),
    // A listing's facets: PrestaShop's `search_filters`, Magento's and
    // WooCommerce's layered navigation.
    ("search-filters", NAV),
    ("search_filters", NAV),
    ("layered-nav", NAV),
    ("layered_nav", NAV),
    // Turkey's data-protection law, as `gdpr` names the EU's.
    ("kvkk", BANNER),
    ("newsletter", BANNER),
    ("subscribe", BANNER),
    ("subscription", BANNER),
    ("signup", BANNER),
    ("sign-up", BANNER),
    ("paywall", BANNER),
    ("footer", FOOTER),
    ("copyright", FOOTER),
    ("colophon", FOOTER),
    ("sidebar", SIDEBAR),
    ("side-bar", SIDEBAR),
    ("textwidget", SIDEBAR),
    // Site search's "exclude from the index" marker: not the page's content.
    ("nocontent", SIDEBAR),
    // A store or dealer finder beside the page's text.
    ("locator", COMMERCE),
    // A plugin's "made this recipe? tag us" box; spelt out, unlike the
    // `cta` of `PITCH_WORDS`, it names no landing page's own pitch.
    ("call-to-action", AD),
    ("calltoaction", AD),
    // A wiki's banner over every page and its "From X, the free
    // encyclopedia" tagline (MediaWiki's `siteNotice`, `siteSub`).
    ("sitenotice", BANNER),
    ("sitesub", BANNER),
    ("editsection", NAV),
    ("comment", COMMENT),
    ("disqus", COMMENT),
    ("byline", BYLINE | AUTHOR),
    ("dateline", BYLINE),
    ("timestamp", BYLINE),
    ("published", BYLINE),
    ("posted-on", BYLINE),
    // A post's "submitted 5 hours ago by x" line, or a site's slogan.
    ("tagline", BYLINE),
    // A forum post's panel about its poster (rank, post count, join date,
    // location): metadata of the post, like a byline.
    ("postprofile", BYLINE),
    ("userinfo", BYLINE),
    ("user-info", BYLINE),
    ("user_info", BYLINE),
    ("userdetails", BYLINE),
    ("user-details", BYLINE),
    ("usertitle", BYLINE),
    ("user-panel", BYLINE),
    ("userpanel", BYLINE),
    ("user-stat", BYLINE),
    ("userstat", BYLINE),
    ("modal", MODAL),
    ("popup", MODAL),
    ("lightbox", MODAL),
    ("articlebody", CONTENT | BODY),
    ("article-body", CONTENT | BODY),
    ("article_body", CONTENT | BODY),
    ("article-content", CONTENT | BODY),
    ("articlecontent", CONTENT | BODY),
    ("entry-content", CONTENT | BODY),
    ("post-content", CONTENT | BODY),
    ("postcontent", CONTENT | BODY),
    ("post-body", CONTENT | BODY),
    ("news-content", CONTENT | BODY),
    ("news-text", CONTENT | BODY),
    ("article-text", CONTENT | BODY),
    ("postbody", CONTENT | BODY),
    ("story-body", CONTENT | BODY),
    ("storybody", CONTENT | BODY),
    ("story-content", CONTENT | BODY),
    ("article-text", CONTENT | BODY),
    ("post-text", CONTENT | BODY),
    ("entry-body", CONTENT | BODY),
    ("main-content", CONTENT | BODY),
    ("maincontent", CONTENT | BODY),
    ("page-content", CONTENT | BODY),
    ("text-content", CONTENT | BODY),
    ("rich-text", CONTENT | BODY),
    ("richtext", CONTENT | BODY),
];

/// Words, whole parts of a class or id like [`WORDS`], that name a promo
/// box: an ad, or a landing page's own pitch ([`PITCH`]).
const PITCH_WORDS: [&[u8]; 2] = [b"banner", b"cta"];

/// Short words that only count as a whole part of a class or id, split at
/// `-`, `_` and spaces (so `ad` matches `ad-box` but not `header`).
const WORDS: &[(&str, u32)] = &[
    ("nav", NAV),
    ("menu", NAV),
    ("menubar", NAV),
    ("crumbs", NAV),
    ("pager", NAV),
    ("toc", NAV),
    ("topbar", NAV),
    ("ad", AD),
    ("ads", AD),
    ("adv", AD),
    ("advt", AD),
    ("dfp", AD),
    ("gpt", AD),
    ("promo", AD),
    ("promoted", AD),
    ("reviews", COMMERCE | REVIEWS),
    ("seller", COMMERCE),
    ("sig", SIGNATURE),
    ("bio", SIGNATURE),
    ("sns", SOCIAL),
    ("login", BANNER),
    ("signin", BANNER),
    ("notice", BANNER),
    ("aside", SIDEBAR),
    ("rail", SIDEBAR),
    ("tags", BYLINE),
    ("author", BYLINE | AUTHOR),
    // A list of authors is read for the name; as a class it also names
    // the credits on each card of a listing, which are the items' own.
    ("authors", AUTHOR),
    ("date", BYLINE),
    ("meta", BYLINE),
    ("header", HEADER),
    ("masthead", HEADER),
    ("content", CONTENT),
    ("article", CONTENT),
    ("story", CONTENT),
    ("entry", CONTENT),
    ("prose", CONTENT),
    ("markdown", CONTENT),
    ("main", MAIN),
];

/// The stems grouped by their first byte, so that one pass over a class
/// value tries at each position only the stems that start with its byte,
/// and of those only the ones whose second byte matches too: 256 ranges
/// into a copy of [`STEMS`] sorted by first byte.
struct StemIndex {
    /// (stem, its second byte, hint bits).
    stems: Vec<(&'static [u8], u8, u32)>,
    ranges: [(u16, u16); 256],
    /// Bit `b1` of row `b0`: some stem starts with the bytes `b0 b1`. Most
    /// positions of a class value start no stem; this skips them.
    pairs: [[u64; 4]; 256],
}

/// Not a hint: marks `embed` in the same pass as the stems; cleared before
/// the bits are returned.
const EMBED: u32 = 1 << 31;
/// Not a hint: the value may hold a state class (`has-`, `no_`, ...).
const STATE_SEEN: u32 = 1 << 30;
/// Not a hint: the value says `caption` or `credit` somewhere.
/// Cleared before the words are read; the bit is then [`PITCH`].
const CAPTION_SEEN: u32 = 1 << 29;

static STEM_INDEX: LazyLock<StemIndex> = LazyLock::new(|| {
    let mut stems: Vec<(&'static [u8], u8, u32)> = STEMS
        .iter()
        .map(|&(s, bit)| (s.as_bytes(), s.as_bytes()[1], bit))
        .collect();
    stems.push((b"embed", b'm', EMBED));
    for stem in STATE_PREFIXES {
        stems.push((stem.as_bytes(), stem.as_bytes()[1], STATE_SEEN));
    }
    stems.push((b"caption", b'a', CAPTION_SEEN));
    stems.push((b"credit", b'r', CAPTION_SEEN));
    // Grouped by first byte, in their order otherwise: a counting sort
    // (no sort routine in the WebAssembly build).
    let mut at = [0usize; 257];
    for &(s, _, _) in &stems {
        at[usize::from(s[0]) + 1] += 1;
    }
    for b in 0..256 {
        at[b + 1] += at[b];
    }
    let mut grouped = stems.clone();
    for &stem in &stems {
        let slot = &mut at[usize::from(stem.0[0])];
        grouped[*slot] = stem;
        *slot += 1;
    }
    let stems = grouped;
    let mut ranges = [(0u16, 0u16); 256];
    for (i, &(s, _, _)) in stems.iter().enumerate() {
        let r = &mut ranges[usize::from(s[0])];
        if r.1 == 0 {
            r.0 = i as u16;
        }
        r.1 = i as u16 + 1;
    }
    let mut pairs = [[0u64; 4]; 256];
    for &(s, b1, _) in &stems {
        pairs[usize::from(s[0])][usize::from(b1 >> 6)] |= 1 << (b1 & 63);
    }
    StemIndex {
        stems,
        ranges,
        pairs,
    }
});

/// Every stem's bits found anywhere in a lower-cased value, in one pass.
fn stem_pass(index: &StemIndex, lc: &[u8]) -> u32 {
    let mut bits = 0;
    // One pass for all stems (a memmem search per stem cost 134 calls and
    // scans per attribute: 30% of all instructions on class-heavy pages).
    for i in 0..lc.len() {
        let second = lc.get(i + 1).copied().unwrap_or(0);
        let row = &index.pairs[usize::from(lc[i])];
        if row[usize::from(second >> 6)] & (1 << (second & 63)) == 0 {
            continue;
        }
        let (lo, hi) = index.ranges[usize::from(lc[i])];
        for &(stem, b1, bit) in &index.stems[usize::from(lo)..usize::from(hi)] {
            if b1 == second && bits & bit != bit && lc[i..].starts_with(stem) {
                bits |= bit;
            }
        }
    }
    bits
}

/// The longest `class` or `id` value read; longer ones are generated noise.
const MAX_VALUE: usize = 2048;

/// Hints from a `class` or `id` value.
pub(crate) fn from_class_or_id(value: &str) -> u32 {
    if value.is_empty() || value.len() > MAX_VALUE {
        // A class list this long is generated noise, not a description.
        return 0;
    }
    // Lower-cased once into a stack buffer: no allocation per attribute.
    let mut buf = [0u8; MAX_VALUE];
    let lc = &mut buf[..value.len()];
    for (d, b) in lc.iter_mut().zip(value.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    let index = &*STEM_INDEX;
    let mut bits = stem_pass(index, lc);
    // A class that says what an element has, lacks or hides
    // (`has-rail-right`, `no-sidebar`, `hide-read-more-ad`) describes its
    // layout, not what it is; so does a utility class applied under a
    // condition (Tailwind's `md:flex`, `[&_.sidebar]:p-4`). Both are
    // blanked and the stems read again (rare: the first pass marks values
    // where a state class may be, one scan finds `:` and `[`).
    let variants = memchr::memchr2(b':', b'[', lc).is_some();
    // `md:block` shows a `hidden` element from some screen size on: seen
    // before the blanking takes it away.
    let mut shown = false;
    if bits & STATE_SEEN != 0 || variants {
        for class in lc.split_mut(u8::is_ascii_whitespace) {
            let variant = variants && (class.contains(&b':') || class.contains(&b'['));
            if variant
                && let Some(colon) = class.iter().rposition(|&b| b == b':')
                && SHOWING.iter().any(|s| s.as_bytes() == &class[colon + 1..])
            {
                shown = true;
            }
            if variant {
                class.fill(b' ');
            } else if let Some(at) = state_at(class) {
                class[at..].fill(b' ');
            }
        }
        bits = stem_pass(index, lc);
    }
    // A card's footer (`card-footer`, `CustomerCardFooter`: a testimonial's
    // name, a "Read the case study" link) is a part of its card, not the
    // site's footer: the word is blanked in such classes and the stems read
    // again (rare: only values that say both).
    if bits & FOOTER != 0 && memchr::memmem::find(lc, b"card").is_some() {
        for class in lc.split_mut(u8::is_ascii_whitespace) {
            if memchr::memmem::find(class, b"card").is_some() {
                while let Some(at) = memchr::memmem::find(class, b"footer") {
                    class[at..at + 6].fill(b' ');
                }
            }
        }
        bits = stem_pass(index, lc);
    }
    // Words that hold a stem but name something else are blanked and the
    // stems read again (rare: only values that hold such a word and get
    // its bit).
    for &(word, bit, unless) in FALSE_STEMS {
        if bits & bit == 0 || memchr::memmem::find(lc, word).is_none() {
            continue;
        }
        let mut from = 0;
        while let Some(k) = memchr::memmem::find(&lc[from..], word) {
            let at = from + k;
            if unless.is_empty() || !lc[at + word.len()..].starts_with(unless) {
                lc[at..at + word.len()].fill(b' ');
            }
            from = at + word.len();
        }
        bits = stem_pass(index, lc);
    }
    let caption_seen = bits & CAPTION_SEEN != 0;
    bits &= !(STATE_SEEN | CAPTION_SEEN);
    let lc = &*lc;
    let mut d_none = false;
    let mut d_other = false;
    let mut hiding = false;
    // A banner or a call to action is a promo: boilerplate in an article,
    // the page's own section when it holds paragraphs (see `AD_MAX_PROSE`)
    // or, on a landing page, a heading (see [`PITCH`]).
    let mut pitch = false;
    for class in lc.split(u8::is_ascii_whitespace).filter(|c| !c.is_empty()) {
        for word in class.split(|&b| b == b'-' || b == b'_') {
            bits |= word_bits(word);
            pitch |= PITCH_WORDS.contains(&word);
        }
        bits |= word_bits(class);
        // A WordPress-style widget (`widget`, `widget_text`, `widget-area`),
        // not a page builder's component (`elementor-widget`,
        // `c-product-widget`), which may hold anything.
        if class.starts_with(b"widget") {
            bits |= SIDEBAR;
        }
        if caption_seen && is_picture_caption(class) {
            bits |= CAPTION;
        }
        if HIDING.iter().any(|h| h.as_bytes() == class) {
            hiding = true;
        }
        if class == b"d-none" {
            d_none = true;
        } else if class.starts_with(b"d-") {
            d_other = true;
        }
    }
    if pitch {
        bits |= if bits & AD == 0 { AD | PITCH } else { AD };
    }
    // An embedded post (`social-media-embed`, a quoted tweet) is quoted
    // content, not a share widget.
    if bits & EMBED != 0 {
        bits &= !(SOCIAL | EMBED);
    }
    // Bootstrap's `d-none` hides only when no `d-md-block`-style class
    // shows the element again at some screen size.
    if d_none && !d_other {
        bits |= HIDDEN;
    }
    if hiding && !shown {
        bits |= HIDDEN;
    }
    bits
}

/// Whether a lower-cased class names a picture's caption or credit: the
/// bare `caption`, `credit` or `credits`, or `caption` or `credit` with a
/// picture word (`wp-caption-text`, `image-credit`, `photoCaption`). In
/// other names `caption` is a type size (`caption-s`) or a product card's
/// title (`product-caption`), and `credit` a payment method.
fn is_picture_caption(class: &[u8]) -> bool {
    if matches!(class, b"caption" | b"credit" | b"credits") {
        return true;
    }
    let has = |w: &[u8]| memchr::memmem::find(class, w).is_some();
    (has(b"caption") || has(b"credit"))
        && [
            &b"image"[..],
            b"img",
            b"photo",
            b"picture",
            b"media",
            b"figure",
            b"wp-caption",
        ]
        .iter()
        .any(|w| has(w))
}

/// Words that hold a stem of [`STEMS`] but name something else: the word,
/// the bit its stem gives, and an ending that makes it the stem's meaning
/// after all (empty for none).
const FALSE_STEMS: &[(&[u8], u32, &[u8])] = &[
    // Code reused across pages (`shared-styles`, `SharedLayout`), not a
    // share button; Jetpack's `sharedaddy` box is one.
    (b"shared", SOCIAL, b"addy"),
    // An expert's or the editor's commentary (a documentation section's
    // `id="commentary"`) is text, not a comment thread.
    (b"commentary", COMMENT, b""),
];

/// Display values a responsive utility class (`lg:block`) shows an element
/// with.
const SHOWING: &[&str] = &[
    "block",
    "flex",
    "grid",
    "inline",
    "inline-block",
    "inline-flex",
    "inline-grid",
    "table",
    "contents",
];

/// How a class that names a state starts: `has-`, `with-`, `no-`,
/// `without-`, `hide-` or `show-` (or `_`) and a thing. The stem pass marks
/// values holding one, and [`state_at`] checks their classes.
const STATE_PREFIXES: [&str; 12] = [
    "has-", "has_", "with-", "with_", "without-", "without_", "no-", "no_", "hide-", "hide_",
    "show-", "show_",
];

/// Where a lower-cased class starts naming a state: a [`STATE_PREFIXES`]
/// prefix and a thing after it, as the whole class or as a BEM modifier
/// (`title-container--with-reviews`: a title that shows its rating).
fn state_at(class: &[u8]) -> Option<usize> {
    let states = |c: &[u8]| {
        STATE_PREFIXES
            .iter()
            .any(|p| c.len() > p.len() && c.starts_with(p.as_bytes()))
    };
    if states(class) {
        return Some(0);
    }
    (0..class.len()).find(|&at| class[at..].starts_with(b"--") && states(&class[at + 2..]))
}

/// A word of [`WORDS`] as bytes, with its hint bits.
type Entry = (&'static [u8], u32);

/// [`WORDS`] grouped by length: a word is compared only with the few of
/// its own length.
static WORDS_BY_LEN: LazyLock<Vec<Vec<Entry>>> = LazyLock::new(|| {
    let longest = WORDS.iter().map(|(w, _)| w.len()).max().unwrap_or(0);
    let mut by_len = vec![Vec::new(); longest + 1];
    for &(w, bit) in WORDS {
        by_len[w.len()].push((w.as_bytes(), bit));
    }
    by_len
});

/// The hint of one lower-cased word of [`WORDS`], or 0.
fn word_bits(word: &[u8]) -> u32 {
    WORDS_BY_LEN
        .get(word.len())
        .and_then(|ws| ws.iter().find(|(w, _)| *w == word))
        .map_or(0, |&(_, bit)| bit)
}

/// Whole classes that hide an element at every screen size (responsive
/// ones such as `hidden-xs` do not count: the element shows elsewhere).
const HIDING: &[&str] = &[
    "hidden",
    "hide",
    "is-hidden",
    "u-hidden",
    "invisible",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screenreader",
    "element-invisible",
    "a11y-hidden",
    // Webflow's form messages, shown by a script after a submission.
    "w-form-done",
    "w-form-fail",
];

/// Whether a class or id value, whose hint bits are `bits`, names a menu
/// only as a pager (`pagination`, `pager`): read apart, because a script
/// that loads more items as the reader scrolls wraps the whole list in its
/// "pagination" box.
pub(crate) fn names_pager_only(value: &str, bits: u32) -> bool {
    let b = value.as_bytes();
    if bits & NAV == 0
        || !b
            .windows(5)
            .any(|w| w.eq_ignore_ascii_case(b"pagin") || w.eq_ignore_ascii_case(b"pager"))
    {
        return false;
    }
    // The value with the pager's words blanked: nothing else says menu.
    // `pagination` anywhere, as the stems read it; `pager` as a whole
    // word, as the words are.
    let lc = value.to_ascii_lowercase().replace("pagination", " ");
    let mut blanked = lc.clone().into_bytes();
    for w in class_words(&lc).filter(|w| *w == "pager") {
        let at = w.as_ptr() as usize - lc.as_ptr() as usize;
        blanked[at..at + w.len()].fill(b' ');
    }
    // Only ASCII bytes were changed: still UTF-8.
    std::str::from_utf8(&blanked).is_ok_and(|v| from_class_or_id(v) & NAV == 0)
}

/// Whether a class names other things than the page's own (`other-rooms`,
/// `others-list`): a "more of these" box. Read in classes only: an id
/// with the word is most often a section's title ("other-ways-to-help").
pub(crate) fn names_others(value: &str) -> bool {
    // Most classes hold no such word: one byte scan rules them out
    // (upper-case spellings are rare in classes).
    value.as_bytes().windows(4).any(|w| w == b"ther")
        && class_words(value)
            .any(|w| w.eq_ignore_ascii_case("other") || w.eq_ignore_ascii_case("others"))
}

/// A class value's words: its classes split at `-` and `_`, as [`WORDS`]
/// are read, but in the value's own case.
fn class_words(value: &str) -> impl Iterator<Item = &str> {
    value.split(|c: char| c == '-' || c == '_' || c.is_ascii_whitespace())
}

/// Whether a class names a button (`btn`, `c-button__primary`): on an
/// inline element, a control, not text (the "Get a quote" link of a card).
pub(crate) fn names_button(value: &str) -> bool {
    // Most classes hold no such word: one byte scan rules them out.
    if !value
        .as_bytes()
        .windows(3)
        .any(|w| w == b"btn" || w == b"tto")
    {
        return false;
    }
    // Bootstrap's `btn-link` draws a button as a plain link: text.
    value
        .split_ascii_whitespace()
        .all(|c| !c.eq_ignore_ascii_case("btn-link"))
        && class_words(value).any(|w| {
            // camelCase too: `ipsButton`, `likeButton`.
            let camel = w.len() > 6
                && w.ends_with("Button")
                && w.as_bytes()[w.len() - 7].is_ascii_lowercase();
            w.eq_ignore_ascii_case("btn") || w.eq_ignore_ascii_case("button") || camel
        })
}

/// Hints from an ARIA `role`.
pub(crate) fn from_role(role: &str) -> u32 {
    match role.trim().to_ascii_lowercase().as_str() {
        "navigation" | "menu" | "menubar" | "search" => NAV,
        "banner" => HEADER,
        "contentinfo" => FOOTER,
        "complementary" => SIDEBAR,
        "main" => MAIN | LANDMARK,
        "article" => CONTENT,
        "dialog" | "alertdialog" => MODAL,
        "tabpanel" => TABPANEL,
        // A live notice to the reader ("you are reading an old version",
        // "your session expires"): the site speaking, not the page.
        "alert" => BANNER,
        _ => 0,
    }
}

/// Whether an inline `style` hides the element.
pub(crate) fn style_hides(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    s.contains("display:none") || s.contains("visibility:hidden")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_words() {
        assert_eq!(from_class_or_id("article-related-links") & RELATED, RELATED);
        assert_eq!(
            from_class_or_id("block--similarContents") & RELATED,
            RELATED
        );
        for class in [
            "suggested-posts",
            "up-next",
            "most-viewed",
            "more-from-author",
        ] {
            assert_eq!(from_class_or_id(class) & RELATED, RELATED, "{class}");
        }
        assert_eq!(from_class_or_id("ad-box") & AD, AD);
        assert_eq!(from_class_or_id("kvkk_bar") & BANNER, BANNER);
        for class in [
            "woocommerce-result-count",
            "results-bar__count",
            "col-md-6 total-products",
            "toolbar-amount",
        ] {
            assert_eq!(from_class_or_id(class) & NAV, NAV, "{class}");
        }
        assert_eq!(from_class_or_id("account-count") & NAV, 0);
        // A listing's facets, and what the shopper looked at before.
        assert_eq!(from_class_or_id("search_filters") & NAV, NAV);
        assert_eq!(from_class_or_id("whoViewing") & SIDEBAR, SIDEBAR);
        assert_eq!(
            from_class_or_id("topic-list-container conversation-list") & RELATED,
            RELATED
        );
        assert_eq!(from_class_or_id("block-layered-nav") & NAV, NAV);
        assert_eq!(
            from_class_or_id("featured-products viewed-products") & RELATED,
            RELATED
        );
        assert_eq!(from_class_or_id("header shadow download") & AD, 0);
        // An author names a byline; a list of authors is read for names
        // only.
        assert_eq!(
            from_class_or_id("byline-author") & (BYLINE | AUTHOR),
            BYLINE | AUTHOR
        );
        assert_eq!(
            from_class_or_id("hero__authors") & (BYLINE | AUTHOR),
            AUTHOR
        );
        assert_eq!(from_class_or_id("site-nav main-menu") & NAV, NAV);
        assert_eq!(from_class_or_id("entry-content") & CONTENT, CONTENT);
        assert_eq!(from_class_or_id("news-content") & BODY, BODY);
        assert_eq!(from_class_or_id("article-text") & BODY, BODY);
        assert_eq!(from_class_or_id("Cookie-Consent") & BANNER, BANNER);
        assert_eq!(from_class_or_id(""), 0);
        assert_eq!(from_class_or_id("sr-only") & HIDDEN, HIDDEN);
        assert_eq!(from_class_or_id("w-form-fail") & HIDDEN, HIDDEN);
        assert_eq!(from_class_or_id("w-form") & HIDDEN, 0);
        assert_eq!(from_class_or_id("hidden-xs") & HIDDEN, 0);
        assert_eq!(from_class_or_id("d-none d-md-block") & HIDDEN, 0);
        assert_eq!(from_class_or_id("x d-none") & HIDDEN, HIDDEN);
        // State classes say what an element has or hides, not what it is.
        assert_eq!(from_class_or_id("main-wrap has-rail-right") & SIDEBAR, 0);
        assert_eq!(from_class_or_id("items hide-read-more-ad"), 0);
        assert_eq!(from_class_or_id("no-sidebar with-comments"), 0);
        // A BEM modifier naming a state: the block keeps its own name.
        assert_eq!(from_class_or_id("title--with-reviews__x1") & COMMERCE, 0);
        assert_eq!(from_class_or_id("layout layout--has-sidebar") & SIDEBAR, 0);
        assert_eq!(from_class_or_id("reviews--with-stars") & COMMERCE, COMMERCE);
        assert_eq!(from_class_or_id("no-sidebar sidebar") & SIDEBAR, SIDEBAR);
        assert_eq!(from_class_or_id("hide") & HIDDEN, HIDDEN);
        assert_eq!(from_class_or_id("widget widget_text") & SIDEBAR, SIDEBAR);
        assert_eq!(from_class_or_id("biology biography") & SIGNATURE, 0);
        assert_eq!(
            from_class_or_id("message-userExtras") & SIGNATURE,
            SIGNATURE
        );
        // A forum post's poster panel is the post's metadata.
        assert_eq!(from_class_or_id("postprofile") & BYLINE, BYLINE);
        // `shared` is reused code, not a share button; `sharedaddy` is one.
        assert_eq!(
            from_class_or_id("ContentSystem-shared-styles__Body") & SOCIAL,
            0
        );
        assert_eq!(from_class_or_id("SharedLayout share-bar") & SOCIAL, SOCIAL);
        assert_eq!(from_class_or_id("sharedaddy sd-block"), SOCIAL);
        assert_eq!(from_class_or_id("commentary"), 0);
        // A banner alone may be a page's hero; with an ad word it is an ad.
        assert_eq!(from_class_or_id("page-banner"), AD | PITCH);
        assert_eq!(from_class_or_id("hero-banner cta"), AD | PITCH);
        assert_eq!(from_class_or_id("ad-banner"), AD);
        assert_eq!(from_class_or_id("has-banner"), 0);
        assert_eq!(
            from_class_or_id("commentary comments-area") & COMMENT,
            COMMENT
        );
        assert_eq!(from_class_or_id("message-userDetails") & BYLINE, BYLINE);
        assert_eq!(from_class_or_id("user_info") & BYLINE, BYLINE);
        assert_eq!(from_class_or_id("profile") & BYLINE, 0);
        assert_eq!(from_class_or_id("wp-block-footnotes") & LEGAL, LEGAL);
        assert_eq!(from_class_or_id("notice notice--info") & BANNER, BANNER);
        assert_eq!(from_class_or_id("noticeboard") & BANNER, 0);
        assert_eq!(from_class_or_id("region nocontent") & SIDEBAR, SIDEBAR);
        assert_eq!(from_class_or_id("onetrust-pc-sdk") & CONSENT, CONSENT);
        assert_eq!(from_class_or_id("cookie-recipe") & CONSENT, 0);
        // An author's bio box signs off an article like a forum signature.
        for (c, bit) in [
            ("buy-together__items", RELATED),
            ("frequently-bought-together", RELATED),
            ("product-questions", REVIEWS),
            ("seller-info", COMMERCE),
            ("kr-review-widget", REVIEWS),
            ("product-form__buttons", COMMERCE),
            ("pickup-availability-info", COMMERCE),
            ("user-panel__info", BYLINE),
            ("message-userTitle", BYLINE),
            ("user-stat", BYLINE),
            ("postprofile", BYLINE),
            ("post-author-bio", SIGNATURE),
            ("about-the-author", SIGNATURE),
            ("bio", SIGNATURE),
            ("blog_contributorBio", SIGNATURE),
            ("caption", CAPTION),
            ("wp-caption-text", CAPTION),
            ("imageEmbedCredit", CAPTION),
            ("photo-caption", CAPTION),
        ] {
            assert_eq!(from_class_or_id(c) & bit, bit, "{c}");
        }
        for c in [
            "caption-s",
            "product-caption",
            "credit-cards",
            "[&_figcaption]:mt-2",
        ] {
            assert_eq!(from_class_or_id(c) & CAPTION, 0, "{c}");
        }
        assert_eq!(from_class_or_id("hidden lg:block") & HIDDEN, 0);
        assert_eq!(
            from_class_or_id("hidden lg:hover:underline") & HIDDEN,
            HIDDEN
        );
        assert_eq!(from_class_or_id("textwidget") & SIDEBAR, SIDEBAR);
        // Tab and accordion panels by their common names; not tables'
        // contents, nor an accordion's item around its button.
        for (class, panel) in [
            ("tab-pane fade", true),
            ("c-tabs__panel", true),
            ("accordion-collapse collapse", true),
            ("table-contents", false),
            ("accordion-item", false),
        ] {
            assert_eq!(from_class_or_id(class) & TABPANEL != 0, panel, "{class}");
        }
        assert_eq!(
            from_class_or_id("elementor-widget-text-editor") & SIDEBAR,
            0
        );
        assert_eq!(from_class_or_id("nav-has-x") & NAV, NAV);
        assert_eq!(from_class_or_id("dropdown-contents") & NAV, NAV);
        assert_eq!(from_class_or_id("dropdown-content show") & NAV, NAV);
        assert_eq!(from_class_or_id("hero-cta"), AD | PITCH);
        assert_eq!(from_class_or_id("wprm-call-to-action"), AD);
        assert_eq!(from_class_or_id("tagline") & BYLINE, BYLINE);
        assert_eq!(
            from_class_or_id("c-distributor-locator") & COMMERCE,
            COMMERCE
        );
        // Utilities applied under a condition style an element, they do
        // not name it.
        assert_eq!(
            from_class_or_id("flex [html.dark.sidebar-open_&]:bg-gray-900 md:sidebar-pad"),
            0
        );
        assert_eq!(from_class_or_id("sidebar md:w-64") & SIDEBAR, SIDEBAR);
        // A card's footer is the card's.
        for c in [
            "card-footer",
            "CustomerCardFooter jNSxbH",
            "card__footer-link",
        ] {
            assert_eq!(from_class_or_id(c) & FOOTER, 0, "{c}");
        }
        assert_eq!(from_class_or_id("card-footer site-footer") & FOOTER, FOOTER);
        assert_eq!(from_class_or_id("card copyright") & FOOTER, FOOTER);
    }

    /// The lower-casing, one-search-per-stem version this replaced.
    fn reference(value: &str) -> u32 {
        if value.is_empty() || value.len() > 2048 {
            return 0;
        }
        let all = value.to_ascii_lowercase();
        let shown = all.split_ascii_whitespace().any(|c| {
            c.rsplit_once(':')
                .is_some_and(|(_, d)| SHOWING.contains(&d))
        });
        let lower: String = all
            .split_ascii_whitespace()
            .filter(|c| !c.contains([':', '[']))
            .map(|c| &c[..state_at(c.as_bytes()).unwrap_or(c.len())])
            .filter(|c| !c.is_empty())
            .map(|c| {
                if c.contains("card") {
                    c.replace("footer", "      ")
                } else {
                    c.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        let mut lower = lower;
        for &(word, bit, unless) in FALSE_STEMS {
            let (word, unless) = (
                std::str::from_utf8(word).unwrap(),
                std::str::from_utf8(unless).unwrap(),
            );
            let gets = STEMS
                .iter()
                .any(|&(stem, b)| b & bit != 0 && lower.contains(stem));
            if !gets {
                continue;
            }
            let mut out = String::new();
            let mut rest = lower.as_str();
            while let Some(at) = rest.find(word) {
                out.push_str(&rest[..at]);
                let after = &rest[at + word.len()..];
                let keep = !unless.is_empty() && after.starts_with(unless);
                out.push_str(if keep {
                    word
                } else {
                    &"          "[..word.len()]
                });
                rest = after;
            }
            out.push_str(rest);
            lower = out;
        }
        let mut bits = 0;
        for &(stem, bit) in STEMS {
            if lower.contains(stem) {
                bits |= bit;
            }
        }
        let mut pitch = false;
        for class in lower.split_ascii_whitespace() {
            for word in class.split(['-', '_']) {
                if let Some(&(_, bit)) = WORDS.iter().find(|(w, _)| *w == word) {
                    bits |= bit;
                }
                pitch |= PITCH_WORDS.contains(&word.as_bytes());
            }
            if let Some(&(_, bit)) = WORDS.iter().find(|(w, _)| *w == class) {
                bits |= bit;
            }
            if class.starts_with("widget") {
                bits |= SIDEBAR;
            }
            if HIDING.contains(&class) && !shown {
                bits |= HIDDEN;
            }
        }
        if pitch {
            bits |= if bits & AD == 0 { AD | PITCH } else { AD };
        }
        if lower.contains("embed") {
            bits &= !SOCIAL;
        }
        if lower.split_ascii_whitespace().any(|c| c == "d-none")
            && !lower
                .split_ascii_whitespace()
                .any(|c| c.starts_with("d-") && c != "d-none")
        {
            bits |= HIDDEN;
        }
        bits
    }

    #[test]
    fn a_pager_name_is_read_apart_from_a_menu_name() {
        let names_pager_only = |v: &str| super::names_pager_only(v, from_class_or_id(v));
        assert!(names_pager_only("pagination"));
        assert!(names_pager_only("infinite-scroll_Pagination__grid"));
        assert!(names_pager_only("product-pager"));
        // Another word says menu too, or no pager word at all.
        assert!(!names_pager_only("pagination nav-links"));
        assert!(!names_pager_only("site-navigation"));
        assert!(!names_pager_only("page-container"));
        // `pager` counts as a whole word only, as in the stems.
        assert!(!names_pager_only("pagerank-scores"));
    }

    #[test]
    fn one_pass_matches_the_reference() {
        let mut parts: Vec<String> = STEMS
            .iter()
            .chain(WORDS)
            .map(|(w, _)| w.to_string())
            .chain(HIDING.iter().map(|h| h.to_string()))
            .collect();
        parts.extend(
            [
                "d-none",
                "d-md-block",
                "embed",
                "x",
                "Ünï",
                "-",
                "_",
                " ",
                "\t",
                "AD",
                "Nav",
                "has-",
                "--with-",
                "No_",
                "hide-",
                "md:block",
                "lg:",
                "[&_",
                "]:p-4",
            ]
            .map(String::from),
        );
        let n = parts.len();
        // Pairs and triples of parts, glued and spaced, in mixed case.
        for i in 0..n {
            for j in (0..n).step_by(7) {
                let k = (i * 7 + j * 13) % n;
                for sep in ["", "-", " ", "_"] {
                    let v = format!("{}{sep}{}{sep}{}", parts[i], parts[j], parts[k]);
                    let upper = v.to_ascii_uppercase();
                    for v in [v, upper] {
                        assert_eq!(from_class_or_id(&v), reference(&v), "{v:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn roles_and_styles() {
        assert_eq!(from_role("navigation"), NAV);
        assert_eq!(from_role(" Main "), MAIN | LANDMARK);
        // Tabs switch the page's own panels (an FAQ accordion, code in
        // several languages): not navigation.
        assert_eq!(from_role("tablist"), 0);
        assert_eq!(from_role("alert"), BANNER);
        assert!(names_others("section other-rooms"));
        assert!(names_others("Others_list"));
        assert!(!names_others("mother-board otherwise"));
        assert!(names_button("btn btn-primary"));
        assert!(names_button("c-button__label"));
        assert!(!names_button("btn btn-link"));
        assert!(!names_button("buttonize bottom"));
        assert!(names_button("ipsButton ipsButton_light"));
        assert!(!names_button("ipsMenuButtons"));
        assert!(style_hides("color:red; display : none"));
        assert!(!style_hides("display:block"));
    }
}
