import Foundation
import Testing

/// Helpers shared by the data, regression and schedule tests.
enum DataTestSupport {
    /// Loads a JSON reference file from the test bundle's Fixtures folder; a missing file fails the
    /// calling test (the references are the oracle, so skipping would hide a regression).
    static func fixture(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
                               "Fixtures/\(name).json is missing: generate it with scripts/reference/generate.py",
                               sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return try #require(object as? [String: Any], "Fixtures/\(name).json is not a JSON object",
                            sourceLocation: sourceLocation)
    }

    /// The "cases" array of a fixture.
    static func cases(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let root = try fixture(name, sourceLocation: sourceLocation)
        let cases = try #require(root["cases"] as? [[String: Any]], "Fixtures/\(name).json has no cases",
                                 sourceLocation: sourceLocation)
        #expect(!cases.isEmpty, "Fixtures/\(name).json has an empty case list", sourceLocation: sourceLocation)
        return cases
    }

    /// Whether `actual` is within `rtol` (relative) plus `atol` (absolute) of `expected`.
    static func isClose(_ actual: Double, _ expected: Double, rtol: Double, atol: Double = 0) -> Bool {
        if expected.isNaN { return actual.isNaN }
        return abs(actual - expected) <= atol + rtol * abs(expected)
    }

    /// A JSON number (or null, read as NaN) as a `Double`.
    static func number(_ value: Any?) -> Double? {
        if value is NSNull { return .nan }
        return (value as? NSNumber)?.doubleValue
    }

    /// A fresh empty folder for one test.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
