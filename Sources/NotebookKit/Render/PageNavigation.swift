/// The previous and next pages of a page in book order: notebooks in file-name order, as the
/// index lists them.
public struct PageNavigation: Equatable, Sendable {
    /// A neighbouring page.
    public struct Link: Equatable, Sendable {
        /// Its page stem.
        public var name: String
        /// Its title.
        public var title: String
    }

    /// The page before, if any.
    public var previous: Link?
    /// The page after, if any.
    public var next: Link?

    /// No neighbours.
    public static let none = PageNavigation()

    /// The neighbours of `name` among `pages` (stem → title), ordered by stem.
    public init(of name: String, among pages: [String: String]) {
        let order = pages.keys.sorted()
        guard let position = order.firstIndex(of: name) else { return }
        if position > 0 { previous = Link(name: order[position - 1], title: pages[order[position - 1]]!) }
        if position + 1 < order.count { next = Link(name: order[position + 1], title: pages[order[position + 1]]!) }
    }

    private init() {}

    /// The links at the foot of the page; empty when the page has no neighbours.
    var html: String {
        guard previous != nil || next != nil else { return "" }
        var html = "<nav class=\"pager\" aria-label=\"Book\">"
        if let previous {
            html += "<a class=\"previous\" rel=\"prev\" href=\"\(IndexPage.link(previous.name + ".html"))\"><span>← Previous</span>\(HTML.escape(previous.title))</a>"
        }
        if let next {
            html += "<a class=\"next\" rel=\"next\" href=\"\(IndexPage.link(next.name + ".html"))\"><span>Next →</span>\(HTML.escape(next.title))</a>"
        }
        return html + "</nav>\n"
    }
}
