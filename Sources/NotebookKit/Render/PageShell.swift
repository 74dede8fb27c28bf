/// The frame every notebook page and diff report shares: the document head with its content
/// security policy (nothing loaded, no script) and the book's style sheet, around a `<main>` body.
enum PageShell {
    /// A self-contained page titled `title` holding `body`, with `extraCSS` after the book's style.
    static func html(title: String, body: String, extraCSS: String? = nil) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="TrainBook">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <title>\(HTML.escape(title))</title>
        <style>
        \(PageStyle.css)\(extraCSS.map { "\n" + $0 } ?? "")
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }
}
