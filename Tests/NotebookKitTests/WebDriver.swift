import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Debian's headless Chromium driven through Debian's chromedriver over the W3C WebDriver protocol
/// (plain HTTP and JSON): one browser session for a whole test, pages measured by scripts run in them,
/// screen size, colour scheme and print media set through Chromium's DevTools commands.
final class WebDriver {
    static let driverPath = "/usr/bin/chromedriver"

    private let driver: Process
    private let port: Int
    private var session = ""

    /// Starts chromedriver and one headless Chromium session that logs console messages and network requests.
    init() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.driverPath),
              FileManager.default.isExecutableFile(atPath: Chromium.path) else {
            throw Chromium.Failure(description: "\(Self.driverPath) or \(Chromium.path) is missing: the browser checks need Debian's chromium and chromium-driver; run scripts/install-system-deps --tests (make test installs them)")
        }
        let port = Int.random(in: 20_000...60_000)
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: Self.driverPath)
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        self.port = port
        var ready = false
        var last: Error?
        for _ in 0..<100 where !ready {
            Thread.sleep(forTimeInterval: 0.1)
            do { ready = (try request("GET", "status")["value"] as? [String: Any])?["ready"] as? Bool ?? false } catch { last = error }
        }
        guard ready else {
            kill(driver.processIdentifier, SIGKILL)
            throw Chromium.Failure(description: "chromedriver did not start on port \(port): \(last.map { "\($0)" } ?? "not ready")")
        }
        let options: [String: Any] = [
            "binary": Chromium.path, "perfLoggingPrefs": ["enableNetwork": true, "enablePage": false],
            "args": (getuid() == 0 ? ["--no-sandbox"] : []) + ["--headless", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,900"],
        ]
        let capabilities: [String: Any] = ["alwaysMatch": [
            "browserName": "chrome", "goog:chromeOptions": options,
            "goog:loggingPrefs": ["browser": "ALL", "performance": "ALL"],
        ] as [String: Any]]
        let created = try request("POST", "session", ["capabilities": capabilities])
        guard let value = created["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            kill(driver.processIdentifier, SIGKILL)
            throw Chromium.Failure(description: "chromedriver made no session: \(created)")
        }
        session = id
    }

    /// Ends the session and the driver.
    func quit() {
        _ = try? request("DELETE", "session/\(session)")
        // chromedriver does not end on SIGTERM.
        kill(driver.processIdentifier, SIGKILL)
        driver.waitUntilExit()
    }

    /// Opens `url` and waits for it to load.
    func open(_ url: URL) throws { _ = try request("POST", "session/\(session)/url", ["url": url.absoluteString]) }

    /// Runs a DevTools command, e.g. `Emulation.setEmulatedMedia`.
    func devTools(_ command: String, _ parameters: [String: Any]) throws {
        _ = try request("POST", "session/\(session)/goog/cdp/execute", ["cmd": command, "params": parameters])
    }

    /// The viewport `width` CSS pixels wide, as a phone (`mobile`) or a desktop window.
    func viewport(width: Int, height: Int, mobile: Bool) throws {
        try devTools("Emulation.setDeviceMetricsOverride",
                     ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile])
    }

    /// Emulates `media` (`screen` or `print`) and the colour scheme.
    func media(_ media: String, dark: Bool) throws {
        try devTools("Emulation.setEmulatedMedia", ["media": media, "features": [["name": "prefers-color-scheme", "value": dark ? "dark" : "light"]]])
    }

    /// Runs `script` (a function body that returns a value) in the page.
    func run(_ script: String, arguments: [Any] = []) throws -> Any? {
        let answer = try request("POST", "session/\(session)/execute/sync", ["script": script, "args": arguments])
        return answer["value"]
    }

    /// Console messages (`browser`) or DevTools events (`performance`) since the last call.
    func log(_ type: String) throws -> [[String: Any]] {
        (try request("POST", "session/\(session)/se/log", ["type": type])["value"] as? [[String: Any]]) ?? []
    }

    /// A PNG screenshot of the viewport.
    func screenshot() throws -> Data {
        guard let text = try request("GET", "session/\(session)/screenshot")["value"] as? String,
              let data = Data(base64Encoded: text) else { throw Chromium.Failure(description: "no screenshot") }
        return data
    }

    private func request(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> [String: Any] {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let data = try Self.http(method, port: port, path: "/" + path, body: payload)
        let object = try JSONSerialization.jsonObject(with: data)
        guard let answer = object as? [String: Any] else { throw Chromium.Failure(description: "chromedriver answered \(object)") }
        if let value = answer["value"] as? [String: Any], let error = value["error"] as? String {
            throw Chromium.Failure(description: "chromedriver: \(error): \(value["message"] ?? "")")
        }
        return answer
    }

    /// One HTTP/1.1 exchange with the local driver over a plain socket (Foundation's URLSession on
    /// Linux fails on chromedriver's answers with "Failed writing header").
    static func http(_ method: String, port: Int, path: String, body: Data) throws -> Data {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Chromium.Failure(description: "no socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Chromium.Failure(description: "cannot connect to chromedriver on port \(port)") }
        var message = Data("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n".utf8)
        message += Data("Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        try message.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let count = send(socket, buffer.baseAddress! + sent, buffer.count - sent, 0)
                guard count > 0 else { throw Chromium.Failure(description: "cannot send to chromedriver") }
                sent += count
            }
        }
        // chromedriver keeps the connection open after its answer: read exactly Content-Length bytes.
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var bodyStart: Int?
        var length: Int?
        while true {
            if bodyStart == nil, let end = Self.headerEnd(answer) {
                bodyStart = end
                let head = String(decoding: answer[..<end], as: UTF8.self).lowercased()
                length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
                guard length != nil else { throw Chromium.Failure(description: "chromedriver answered \(method) \(path) without a Content-Length") }
            }
            if let bodyStart, let length, answer.count - bodyStart >= length {
                return Data(answer[bodyStart..<bodyStart + length])
            }
            let count = recv(socket, &chunk, chunk.count, 0)
            guard count > 0 else { throw Chromium.Failure(description: "chromedriver closed the connection without a whole answer to \(method) \(path)") }
            answer.append(contentsOf: chunk[0..<count])
        }
    }

    /// Where the body starts: after the first blank line.
    private static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index + 4
        }
        return nil
    }
}
