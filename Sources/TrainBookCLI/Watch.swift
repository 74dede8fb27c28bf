import ArgumentParser
import Foundation
import NotebookKit

/// `trainbook watch`: render, then render again whenever a notebook or a data file it read changes.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render notebooks, then re-render each one when it or the data it read changes (Ctrl-C to stop).",
        discussion: "Prose-only edits reuse the execution cache, so their pages update at once.")

    @OptionGroup var options: RenderOptions

    @Option(help: "Seconds between checks for changes.")
    var interval: Double = 0.5

    mutating func run() throws {
        Interrupt.install()
        let (_, notebooks, duplicates) = try options.notebooks()
        duplicates.forEach(printError)
        let book = BookRun(renderer: try options.renderer(for: notebooks, parallel: 1))
        var watched: [String: [String: FileStamp]] = [:]
        for path in notebooks {
            let result = book.render(path)
            watched[path] = FileStamp.of([path] + result.executed.dataFiles)
        }
        print("watching \(notebooks.count) notebook\(notebooks.count == 1 ? "" : "s"); press Ctrl-C to stop")
        while !Interrupt.requested {
            Thread.sleep(forTimeInterval: interval)
            for path in notebooks where !Interrupt.requested {
                let stamps = watched[path] ?? [:]
                guard FileStamp.of(Array(stamps.keys)) != stamps else { continue }
                let result = book.render(path)
                watched[path] = FileStamp.of([path] + result.executed.dataFiles)
            }
        }
        book.reporter.stop()
    }
}

/// What a file looked like: size and modification time (nil when it is gone).
struct FileStamp: Equatable {
    var size: Int
    var modified: Double

    static func of(_ paths: [String]) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for path in paths {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            stamps[path] = FileStamp(size: (attributes?[.size] as? NSNumber)?.intValue ?? -1,
                                     modified: (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1)
        }
        return stamps
    }
}
